import { AmplifyError, CommandInput, PluginInfo, PluginManifest } from 'amplify-cli-core';
import { normaliseOptions } from './command-input';
import type * as DidYouMeanModule from './did-you-mean';

/** Only a mistyped command needs suggestions, so their module is not loaded on every start. */
const didYouMean: typeof DidYouMeanModule.didYouMean = (input, candidates) => (require('./did-you-mean') as typeof DidYouMeanModule).didYouMean(input, candidates);

/** What a command line asks for, decided from manifests alone (no plugin code is loaded to route). */
export type CommandTarget =
  | { kind: 'core'; command: string; subCommands: string[] }
  /** `amplify <plugin> help` for a plugin without its own help command: rendered from its manifest. */
  | { kind: 'plugin-help'; noun: string; plugins: PluginInfo[] }
  | { kind: 'plugin'; noun: string; command: string; candidates: PluginInfo[] };

export interface RouteOptions {
  coreManifest: PluginManifest;
  plugins: Record<string, PluginInfo[]>;
}

/** Every noun that addresses a plugin: manifest names and aliases, the core excluded. */
export function pluginNouns(plugins: Record<string, PluginInfo[]>): Set<string> {
  const nouns = new Set<string>();
  for (const info of nonCorePlugins(plugins)) {
    nouns.add(info.manifest.name);
    info.manifest.aliases?.forEach((alias) => nouns.add(alias));
  }
  return nouns;
}

export function nonCorePlugins(plugins: Record<string, PluginInfo[]>): PluginInfo[] {
  return Object.values(plugins)
    .flat()
    .filter((info) => info.manifest.type !== 'core');
}

/**
 * Decides which core command or plugin handles `input`, normalising `input` in place the way
 * plugins expect to read it (`-v`/`-h`/`-y` spelled out, command aliases resolved, default commands filled in).
 */
export function resolveCommand(input: CommandInput, options: RouteOptions): CommandTarget {
  input.options = normaliseOptions(input.options);
  return input.plugin === undefined ? resolveCoreOrUtil(input, options) : resolvePluginCommand(input, input.plugin, options);
}

function resolvePluginCommand(input: CommandInput, noun: string, { plugins, coreManifest }: RouteOptions): CommandTarget {
  const addressed = nonCorePlugins(plugins).filter(
    (info) => info.manifest.name === noun || (info.manifest.aliases ?? []).includes(noun),
  );
  const declared = (command: string): PluginInfo[] =>
    addressed.filter((info) => (info.manifest.commands ?? []).includes(command));
  if (input.command === undefined) {
    input.command = defaultPluginCommand(input, addressed);
  }
  const requested = input.command;
  let candidates = declared(requested);
  if (candidates.length === 0) {
    const aliased = addressed.find((info) => info.manifest.commandAliases?.[requested] !== undefined);
    if (aliased) {
      input.command = aliased.manifest.commandAliases?.[requested] ?? requested;
      candidates = declared(input.command);
    }
  }
  if (candidates.length > 0) {
    return { kind: 'plugin', noun, command: input.command, candidates };
  }
  if (requested === 'help') {
    return { kind: 'plugin-help', noun, plugins: addressed };
  }
  // `amplify status api` reads as `amplify api status`; when the plugin has no such command, the core's command
  // runs with the noun as its first argument (`amplify status <category>`, `amplify push <category>`).
  if ((coreManifest.commands ?? []).includes(requested)) {
    input.subCommands = [noun, ...(input.subCommands ?? [])];
    input.plugin = undefined;
    return { kind: 'core', command: requested, subCommands: input.subCommands };
  }
  const known = addressed.flatMap((info) => [...(info.manifest.commands ?? []), ...Object.keys(info.manifest.commandAliases ?? {})]);
  const suggestion = didYouMean(requested, known);
  throw new AmplifyError(
    'UnknownCommand',
    `"${noun}" has no command "${requested}"${suggestion ? `. Did you mean "amplify ${noun} ${suggestion}"?` : ''}`,
    { resolution: `Run "amplify ${noun} help" to list its commands` },
  );
}

/**
 * `amplify <plugin>` alone runs the plugin's command of the same name when it has one (the gluegun-era top
 * command), else `version`/`help` when those flags were given, else help.
 */
function defaultPluginCommand(input: CommandInput, addressed: PluginInfo[]): string {
  const commands = new Set(addressed.flatMap((info) => info.manifest.commands ?? []));
  const own = addressed.map((info) => info.manifest.name).find((name) => commands.has(name));
  if (own !== undefined) {
    return own;
  }
  if (input.options?.version === true && commands.has('version')) {
    return 'version';
  }
  return 'help';
}

function resolveCoreOrUtil(input: CommandInput, { coreManifest, plugins }: RouteOptions): CommandTarget {
  if (input.command === undefined) {
    input.command = input.options?.version === true ? 'version' : 'help';
  }
  const command = coreManifest.commandAliases?.[input.command] ?? input.command;
  input.command = command;
  if ((coreManifest.commands ?? []).includes(command)) {
    return { kind: 'core', command, subCommands: input.subCommands ?? [] };
  }
  // A general-purpose plugin may add top-level commands of its own (`amplify <command> [args]`).
  const utilities = nonCorePlugins(plugins).filter(
    (info) => info.manifest.type === 'util' && (info.manifest.commands ?? []).includes(command),
  );
  if (utilities.length > 0) {
    // Several util plugins may claim one command: the alphabetically first plugin name answers, deterministically.
    const noun = utilities.map((info) => info.manifest.name).sort()[0];
    input.plugin = noun;
    return { kind: 'plugin', noun, command, candidates: utilities.filter((info) => info.manifest.name === noun) };
  }
  const known = [
    ...(coreManifest.commands ?? []),
    ...Object.keys(coreManifest.commandAliases ?? {}),
    ...pluginNouns(plugins),
  ];
  const suggestion = didYouMean(command, known);
  throw new AmplifyError(
    'UnknownCommand',
    `"${command}" is not an amplify command or plugin${suggestion ? `. Did you mean "amplify ${suggestion}"?` : ''}`,
    { resolution: 'Run "amplify help" to list the commands and plugins' },
  );
}
