import type { PluginInfo, PluginManifest } from 'amplify-cli-core';
import { CORE_COMMAND_HELP } from '../commands/command-help';
import type { Printer } from './printer';

export function printHelp(printer: Printer, core: PluginManifest, plugins: PluginInfo[]): void {
  printer.info('Usage: amplify <command> [subcommand] [options]\n');
  const aliases = Object.entries(core.commandAliases ?? {});
  const commandRows = (core.commands ?? []).map((command) => {
    const alias = aliases.filter(([, target]) => target === command).map(([name]) => name);
    return [alias.length > 0 ? `${command} (${alias.join(', ')})` : command, CORE_COMMAND_HELP[command] ?? ''];
  });
  printer.table([['Command', 'Description'], ...commandRows]);
  if (plugins.length > 0) {
    printer.info('\nPlugins: amplify <plugin> <command> (same as amplify <command> <plugin>)\n');
    printer.table([
      ['Plugin', 'Type', 'Commands', 'Package'],
      ...plugins.map((info) => [
        [info.manifest.name, ...(info.manifest.aliases ?? [])].join(', '),
        info.manifest.type,
        (info.manifest.commands ?? []).join(', '),
        `${info.packageName}@${info.packageVersion}`,
      ]),
    ]);
  }
  printer.info('\nRun "amplify <plugin> help" for the commands of one plugin. Options: --yes (-y), --debug, --help (-h).');
}

/** `amplify <command> --help` for a core command: its usage and line of help, instead of running it. */
export function printCoreCommandHelp(printer: Printer, key: string): void {
  printer.info(`Usage: amplify ${key} [options]\n`);
  printer.info(CORE_COMMAND_HELP[key] ?? CORE_COMMAND_HELP[key.split(' ')[0]] ?? '');
  printer.info('\nOptions: --yes (-y), --debug, --help (-h). Run "amplify help" for every command.');
}

/** `amplify <plugin> help` for plugins that do not handle `help` themselves: their manifest's commands. */
export function printPluginHelp(printer: Printer, noun: string, plugins: PluginInfo[]): void {
  for (const info of plugins) {
    printer.info(`${info.manifest.displayName ?? info.manifest.name} (${info.manifest.type} plugin ${info.packageName}@${info.packageVersion})\n`);
    printer.info(`Usage: amplify ${noun} <command> (same as amplify <command> ${noun})\n`);
    const aliases = Object.entries(info.manifest.commandAliases ?? {});
    printer.table([
      ['Command', 'Aliases'],
      ...(info.manifest.commands ?? []).map((command) => [
        command,
        aliases
          .filter(([, target]) => target === command)
          .map(([alias]) => alias)
          .join(', '),
      ]),
    ]);
  }
}
