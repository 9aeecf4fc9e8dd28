import { AmplifyError, CommandInput, PluginInfo, PluginManifest } from 'amplify-cli-core';
import { CATEGORY_VERBS } from '../commands/command-help';
import { normaliseOptions } from './command-input';
import type * as DidYouMeanModule from './did-you-mean';

/** Only a mistyped command needs suggestions, so their module is not loaded on every start. */
const didYouMean: typeof DidYouMeanModule.didYouMean = (input, candidates) => (require('./did-you-mean') as typeof DidYouMeanModule).didYouMean(input, candidates);

/** What a command line asks for, decided from manifests alone (no plugin code is loaded to route). */
export type CommandTarget =
  | { kind: 'core'; command: string; subCommands: string[] }
  /** `amplify <plugin> help` for a plugin without its own help command: rendered from its manifest. */
  | { kind: 'plugin-help'; noun: string; plugins: PluginInfo[] }
  | { kind: 'plugin'; noun: string; command: string; candidates: PluginInfo[] }
  /** `amplify add` (update, remove, import) without a category: answered with the categories that can. */
  | { kind: 'category-verb'; verb: string };

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
  // gluegun's longest command path: a plugin's own command (`commands/hello.js`) takes the words it does not
  // declare as its parameters, so `amplify hello there` runs `hello` with `there` first. Categories keep the
  // suggestion instead: their words are verbs, where a typo must not run the top command.
  const own = ownCommand(addressed);
  if (own !== undefined && addressed.every((info) => info.manifest.type !== 'category')) {
    input.subCommands = [requested, ...(input.subCommands ?? [])];
    input.command = own;
    return { kind: 'plugin', noun, command: own, candidates: declared(own) };
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
  const own = ownCommand(addressed);
  if (own !== undefined) {
    return own;
  }
  if (input.options?.version === true && commands.has('version')) {
    return 'version';
  }
  return 'help';
}

/** The command named like the plugin itself (the gluegun-era top command), if the plugin has one. */
function ownCommand(addressed: PluginInfo[]): string | undefined {
  return addressed.find((info) => (info.manifest.commands ?? []).includes(info.manifest.name))?.manifest.name;
}

/** Installed category plugins (one per name, sorted) that handle `verb`, directly or by a command alias. */
export function categoriesWithVerb(plugins: PluginInfo[], verb: string): PluginInfo[] {
  const byName = new Map<string, PluginInfo>();
  for (const info of plugins) {
    const { manifest } = info;
    if (manifest.type !== 'category' || byName.has(manifest.name)) continue;
    if ((manifest.commands ?? []).includes(verb) || manifest.commandAliases?.[verb] !== undefined) byName.set(manifest.name, info);
  }
  return [...byName.values()].sort((a, b) => a.manifest.name.localeCompare(b.manifest.name));
}

/**
 * `amplify add` without a category asks which; with a word that is no installed category it is an error that
 * lists the categories that can (the word order swap has already routed every installed category).
 */
function resolveCategoryVerb(verb: string, input: CommandInput, plugins: Record<string, PluginInfo[]>): CommandTarget {
  const word = input.subCommands?.[0];
  if (word === undefined) {
    return { kind: 'category-verb', verb };
  }
  const names = categoriesWithVerb(nonCorePlugins(plugins), verb).map((info) => info.manifest.name);
  const suggestion = names.length > 0 ? didYouMean(word, names) : undefined;
  throw new AmplifyError(
    'UnknownCategory',
    `"${word}" is not an installed category${suggestion ? `. Did you mean "amplify ${verb} ${suggestion}"?` : ''}`,
    {
      resolution:
        names.length > 0
          ? `Categories that support "${verb}": ${names.join(', ')}; run "amplify ${verb} <category>"`
          : `No installed category supports "${verb}"; run "amplify help" to see the commands`,
    },
  );
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
  if (Object.prototype.hasOwnProperty.call(CATEGORY_VERBS, command)) {
    return resolveCategoryVerb(command, input, plugins);
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
