import type { CommandFlagHelp, CommandHelp, PluginInfo, PluginManifest } from 'amplify-cli-core';
import { CATEGORY_VERBS, CORE_COMMAND_HELP, GLOBAL_FLAGS } from '../commands/command-help';
import { categoriesWithVerb } from '../routing/resolve-command';
import type { Printer } from './printer';

/*
 * Every help screen, core or plugin, is rendered here from command descriptions (CORE_COMMAND_HELP and the
 * plugins' manifest `commandHelp`), in one layout: usage, description, sections of aligned rows, examples, link.
 */

type Rows = Array<[string, string]>;

function section(title: string, rows: Rows): string[] {
  if (rows.length === 0) return [];
  const width = Math.max(...rows.map(([left]) => left.length));
  return ['', `${title}:`, ...rows.map(([left, right]) => (right ? `  ${left.padEnd(width)}  ${right}` : `  ${left}`))];
}

function flagSpelling(flag: CommandFlagHelp): string {
  const names = flag.short ? `--${flag.name}, -${flag.short}` : `--${flag.name}`;
  return flag.value ? `${names} ${flag.value}` : names;
}

const GLOBAL_OPTIONS_LINE = `Global options: ${GLOBAL_FLAGS.map(flagSpelling).join(', ')}`;

/** One command's help: `words` are what follows `amplify` (e.g. `function invoke`). */
export function renderCommandHelp(words: string, help: CommandHelp, aliases: string[] = []): string {
  const flags = help.flags ?? [];
  const lines = [
    `Usage: amplify ${help.usage ?? words}${flags.length > 0 ? ' [options]' : ''}`,
    '',
    help.description,
    ...(aliases.length > 0 ? ['', `Aliases: ${aliases.map((alias) => `amplify ${alias}`).join(', ')}`] : []),
    ...section('Subcommands', Object.entries(help.subcommands ?? {}).map(([name, text]) => [`amplify ${words} ${name}`, text])),
    ...section('Options', flags.map((flag) => [flagSpelling(flag), flag.description])),
    '',
    GLOBAL_OPTIONS_LINE,
    ...section('Examples', (help.examples ?? []).map((example) => [example, ''])),
    ...(help.learnMore ? ['', `Learn more: ${help.learnMore}`] : []),
  ];
  return lines.join('\n');
}

/** The description of a core command key (`push`, `env add`), if it has one. */
export function coreCommandHelp(key: string): CommandHelp | undefined {
  return Object.prototype.hasOwnProperty.call(CORE_COMMAND_HELP, key) ? CORE_COMMAND_HELP[key] : undefined;
}

export function printCoreCommandHelp(printer: Printer, key: string, core: PluginManifest): void {
  const help = coreCommandHelp(key);
  if (help === undefined) return;
  const aliases = Object.entries(core.commandAliases ?? {})
    .filter(([, target]) => target === key)
    .map(([alias]) => alias);
  printer.info(renderCommandHelp(key, help, aliases));
}

/** `amplify add` (and update, remove, import) without a category: the categories that can do it. */
export function renderCategoryVerbHelp(verb: string, plugins: PluginInfo[]): string {
  const categories = categoriesWithVerb(plugins, verb);
  const rows: Rows = categories.map((info) => [`amplify ${verb} ${info.manifest.name}`, info.manifest.commandHelp?.[verb]?.description ?? info.manifest.displayName ?? '']);
  return [
    `Usage: amplify ${verb} <category> [options]   (the same as amplify <category> ${verb})`,
    '',
    `${CATEGORY_VERBS[verb]}.`,
    ...(rows.length > 0 ? section('Categories', rows) : ['', `No installed category supports "${verb}".`]),
    '',
    GLOBAL_OPTIONS_LINE,
    '',
    `Run "amplify ${verb} <category> --help" for the options of one category.`,
  ].join('\n');
}

/** `amplify help`: core commands, category commands, then every plugin with its commands, all from manifests. */
export function printHelp(printer: Printer, core: PluginManifest, plugins: PluginInfo[]): void {
  const aliases = Object.entries(core.commandAliases ?? {});
  const commandRows: Rows = (core.commands ?? []).map((command) => {
    const alias = aliases.filter(([, target]) => target === command).map(([name]) => name);
    return [alias.length > 0 ? `${command} (${alias.join(', ')})` : command, coreCommandHelp(command)?.description ?? ''];
  });
  const verbRows: Rows = Object.entries(CATEGORY_VERBS).map(([verb, text]) => {
    const names = categoriesWithVerb(plugins, verb).map((info) => info.manifest.name);
    return [`${verb} <category>`, `${text}${names.length > 0 ? ` (${names.join(', ')})` : ''}`];
  });
  const pluginRows: Rows = plugins
    .filter((info) => info.manifest.type !== 'core')
    .map((info) => [
      [info.manifest.name, ...(info.manifest.aliases ?? [])].join(', '),
      `${info.manifest.type}: ${(info.manifest.commands ?? []).filter((command) => command !== 'help').join(', ') || 'no commands'} (${info.packageName}@${info.packageVersion})`,
    ]);
  printer.info(
    [
      'Usage: amplify <command> [subcommand] [options]',
      ...section('Commands', commandRows),
      ...section('Category commands (amplify <verb> <category> is amplify <category> <verb>)', verbRows),
      ...section('Plugins (amplify <plugin> <command>)', pluginRows),
      '',
      GLOBAL_OPTIONS_LINE,
      '',
      'Run "amplify help <command>" or "amplify <command> --help" for the details of one command.',
    ].join('\n'),
  );
}

/** Why a plugin without commands is still useful, by type. */
const NO_COMMANDS: Record<string, string> = {
  frontend: 'It has no commands of its own: "amplify init" and "amplify configure project" use it for the app\'s configuration files.',
  provider: 'It has no commands of its own: "amplify init" and "amplify push" use it to deploy.',
  category: 'It has no commands of its own.',
  util: 'It has no commands of its own; it acts on the events it handles.',
  core: '',
};

/** `amplify <plugin> help`: the plugin's commands and what each does, from its manifest. */
export function renderPluginHelp(noun: string, info: PluginInfo): string {
  const { manifest } = info;
  const commands = (manifest.commands ?? []).filter((command) => command !== 'help');
  const aliases = Object.entries(manifest.commandAliases ?? {});
  const rows: Rows = commands.map((command) => {
    const alias = aliases.filter(([, target]) => target === command).map(([name]) => name);
    const description = manifest.commandHelp?.[command]?.description ?? '';
    // The plugin's own command (gluegun's top command) runs as `amplify <plugin>` alone.
    const words = command === manifest.name ? noun : `${noun} ${command}`;
    return [`amplify ${words}`, `${description}${alias.length > 0 ? ` (alias: ${alias.join(', ')})` : ''}`.trim()];
  });
  const events = manifest.eventHandlers ?? [];
  return [
    `Usage: amplify ${noun} <command> [options]${manifest.type === 'category' ? `   (the same as amplify <command> ${noun})` : ''}`,
    '',
    `${manifest.displayName ?? manifest.name}: ${manifest.type} plugin ${info.packageName}@${info.packageVersion}`,
    ...(rows.length > 0 ? section('Commands', rows) : ['', NO_COMMANDS[manifest.type]]),
    ...(events.length > 0 ? ['', `Handles events: ${events.join(', ')}`] : []),
    '',
    GLOBAL_OPTIONS_LINE,
    ...(rows.length > 0 ? ['', `Run "amplify ${noun} <command> --help" for the details of one command.`] : []),
  ].join('\n');
}

export function printPluginHelp(printer: Printer, noun: string, plugins: PluginInfo[]): void {
  printer.info(plugins.map((info) => renderPluginHelp(noun, info)).join('\n\n'));
}

/**
 * `amplify <plugin> <command> --help`: the command's description from the manifest; a command without one gets
 * its line in the plugin's help.
 */
export function renderPluginCommandHelp(noun: string, command: string, info: PluginInfo): string {
  const help = info.manifest.commandHelp?.[command];
  const aliases = Object.entries(info.manifest.commandAliases ?? {})
    .filter(([, target]) => target === command)
    .map(([alias]) => `${noun} ${alias}`);
  // The plugin's own command runs as `amplify <plugin>` alone.
  const words = command === info.manifest.name ? noun : `${noun} ${command}`;
  if (help !== undefined) return renderCommandHelp(words, help, aliases);
  return renderCommandHelp(words, { description: `A command of ${info.manifest.displayName ?? info.manifest.name} (${info.packageName}); it describes no options.` }, aliases);
}
