import * as fs from 'fs';
import * as path from 'path';
import { AmplifyError, AmplifyEvent, CommandFlagHelp, CommandInput, isAmplifyError, PluginInfo } from 'amplify-cli-core';
import type { CliEnvironment } from './cli-environment';
import type { CliSession } from './cli-session';
import { coreCommands, findCoreCommandKey, groupVerbs } from './commands';
import { ORIGINAL_ONLY_FLAGS } from './commands/command-help';
import { coreCommandHelp, printCoreCommandHelp, printPluginHelp, renderCategoryVerbHelp, renderPluginCommandHelp } from './output/help-view';
import type { Printer } from './output/printer';
import type * as ProblemsViewModule from './output/problems-view';
import { loadPluginPlatform } from './platform/plugin-platform-loader';
import { PluginRegistry } from './platform/plugin-registry';
import { parseCommandInput } from './routing/command-input';
import type * as DidYouMeanModule from './routing/did-you-mean';
import { CommandTarget, nonCorePlugins, pluginNouns, resolveCommand } from './routing/resolve-command';
import { rejectUnknownOptions } from './routing/unknown-options';
import { settleInterruptedPushIfAny, settlesInterruptedPush } from './lifecycle/push/settle-before-command';

/** Core commands around which the core raises lifecycle events, as the original does. */
const COMMAND_EVENTS: Record<string, [AmplifyEvent, AmplifyEvent]> = {
  init: ['PreInit', 'PostInit'],
  push: ['PrePush', 'PostPush'],
  pull: ['PrePull', 'PostPull'],
};

/** One run of the CLI after the entry has set up output: load plugins, route, execute. Errors propagate. */
export async function dispatch(environment: CliEnvironment, printer: Printer): Promise<void> {
  const { env, homeDir, homeDotAmplifyDir, execPath, platform, cliPackageDir } = environment;
  const platformOptions = { env, homeDir, homeDotAmplifyDir, execPath, platform, cliPackageDir };
  const loaded = loadPluginPlatform(platformOptions);
  if (loaded.scanned) {
    (require('./output/problems-view') as typeof ProblemsViewModule).reportProblems(printer, loaded.cache.problems);
  }
  const registry = new PluginRegistry(loaded.cache, platformOptions);
  const core = registry.core;
  const session: CliSession = {
    environment,
    registry,
    printer,
    cliPackage: { name: core.packageName, version: core.packageVersion },
  };
  await route(session, environment.argv, loaded.cache.plugins);
}

async function route(session: CliSession, argv: string[], plugins: Record<string, PluginInfo[]>): Promise<void> {
  const { printer, registry } = session;
  const input = parseCommandInput(argv, pluginNouns(plugins));
  // `amplify --help` alone is `amplify help`.
  const bareHelp = input.plugin === undefined && input.command === undefined && input.options?.help === true;
  const target: CommandTarget = resolveCommand(input, { coreManifest: registry.core.manifest, plugins });
  const wantsHelp = input.options?.help === true;
  switch (target.kind) {
    case 'category-verb':
      printer.info(renderCategoryVerbHelp(target.verb, nonCorePlugins(plugins)));
      return;
    case 'plugin-help':
      printPluginHelpOrCommand(printer, target.noun, target.plugins, input.subCommands?.[0]);
      return;
    case 'plugin': {
      if (wantsHelp || target.command === 'help') {
        if (answerPluginHelp(printer, target, input)) return;
        // The plugin reads its command from the input, so the input is what must say help.
        input.command = 'help';
        input.subCommands = [];
        await runPlugin(session, input, { ...target, command: 'help' });
        return;
      }
      // Only a command whose every candidate declares its flags has a complete list to check against.
      const flagLists = target.candidates.map((info) => info.manifest.commandHelp?.[target.command]?.flags);
      if (flagLists.every((flags): flags is CommandFlagHelp[] => flags !== undefined)) {
        rejectUnknownOptions(argv, `${target.noun} ${target.command}`, flagLists.flat(), { hidden: ['plugin'] });
      }
      await runPlugin(session, input, target);
      return;
    }
    case 'core':
      if (target.command === 'help' && target.subCommands.length > 0) {
        // `amplify help <words>` is `amplify <words> --help`: one answer for both spellings.
        await route(session, [...argv.slice(0, 2), ...target.subCommands, '--help'], plugins);
        return;
      }
      await runCoreCommand(session, target.command, target.subCommands, input, bareHelp);
      return;
  }
}

async function runPlugin(session: CliSession, input: CommandInput, target: Extract<CommandTarget, { kind: 'plugin' }>): Promise<void> {
  // Loaded only when a plugin runs: `help` and `status` never pay for the toolbox and the executor.
  const { runPluginCommand } = await import('./execution/run-plugin-command');
  try {
    await runPluginCommand(session, input, target.command, target.candidates);
  } catch (error) {
    // Help must not depend on a plugin's code: when that code cannot even load, its manifest still can answer.
    if (target.command !== 'help' || !isAmplifyError(error) || error.code !== 'PluginLoadFailed') {
      throw error;
    }
    session.printer.warning(`⚠ ${error.message}; showing the commands its manifest declares`);
    printPluginHelp(session.printer, target.noun, target.candidates);
  }
}

/** `amplify <plugin> help [command]` from manifests: the plugin's commands, or the one command asked about. */
function printPluginHelpOrCommand(printer: Printer, noun: string, plugins: PluginInfo[], command: string | undefined): void {
  const aliasOf = (info: PluginInfo, word: string): string | undefined =>
    Object.prototype.hasOwnProperty.call(info.manifest.commandAliases ?? {}, word) ? info.manifest.commandAliases?.[word] : undefined;
  const resolved = command === undefined ? undefined : (plugins.map((info) => aliasOf(info, command)).find((target) => target !== undefined) ?? command);
  const owners = resolved === undefined ? [] : plugins.filter((info) => (info.manifest.commands ?? []).includes(resolved));
  if (resolved !== undefined && owners.length > 0) {
    printer.info(owners.map((info) => renderPluginCommandHelp(noun, resolved, info)).join('\n\n'));
    return;
  }
  printPluginHelp(printer, noun, plugins);
}

/**
 * `--help` (`-h`) anywhere asks what a command does; it must never run it (`amplify delete --force -h` deleted
 * the project). Plugins that describe their commands in their manifest are answered here, without their code;
 * false when the plugin's own help command must answer.
 */
function answerPluginHelp(printer: Printer, target: Extract<CommandTarget, { kind: 'plugin' }>, input: CommandInput): boolean {
  const described = target.candidates.filter((info) => info.manifest.commandHelp !== undefined);
  const ownHelp = target.candidates.some((info) => info.manifest.commands?.includes('help'));
  if (described.length === 0 && ownHelp) return false;
  const plugins = described.length > 0 ? described : target.candidates;
  const asked = target.command === 'help' ? input.subCommands?.[0] : target.command;
  printPluginHelpOrCommand(printer, target.noun, plugins, asked);
  return true;
}

async function runCoreCommand(session: CliSession, command: string, subCommands: string[], input: CommandInput, bareHelp = false): Promise<void> {
  const core = session.registry.core.manifest;
  // Under --help a command prints its description instead of running; a group's unknown verb shows the group.
  if (input.options?.help === true && !bareHelp) {
    printCoreCommandHelp(session.printer, findCoreCommandKey(command, subCommands) ?? command, core);
    return;
  }
  const key = findCoreCommandKey(command, subCommands) ?? groupFallback(command, subCommands);
  const flags = key === undefined ? undefined : coreCommandHelp(key)?.flags;
  if (key !== undefined && flags !== undefined) {
    for (const name of rejectUnknownOptions(input.argv, key, flags, { noEffect: ORIGINAL_ONLY_FLAGS[key] })) {
      session.printer.warning(`⚠ --${name} is accepted for scripts written for the original amplify; it has no effect here`);
    }
  }
  if (key === undefined) {
    throw new AmplifyError('CommandNotAvailable', `"amplify ${command}" is not available yet in this build of amplify`, {
      resolution: 'Run "amplify help" to see the commands this build provides',
    });
  }
  const { createAmplifyContext } = await import('./context/create-context');
  const context = createAmplifyContext(session, input);
  const commandModule = await coreCommands[key]();
  if (settlesInterruptedPush(command)) await settleInterruptedPushIfAny(context, session.environment.cwd, command);
  const events = COMMAND_EVENTS[command];
  if (events) {
    await context.amplify.raiseEvent(context, events[0]);
  }
  await commandModule.run(context);
  if (events) {
    await context.amplify.raiseEvent(context, events[1]);
  }
}

/** `amplify plugin` or `amplify plugin help` runs the group's help; an unknown verb is an error with a suggestion. */
function groupFallback(command: string, subCommands: string[]): string | undefined {
  const verbs = groupVerbs(command);
  if (verbs.length === 0) {
    return undefined;
  }
  const verb = subCommands[0];
  if (verb === undefined || verb === 'help') {
    return `${command} help`;
  }
  const suggestion = (require('./routing/did-you-mean') as typeof DidYouMeanModule).didYouMean(verb, verbs);
  throw new AmplifyError(
    'UnknownCommand',
    `"amplify ${command}" has no subcommand "${verb}"${suggestion ? `. Did you mean "amplify ${command} ${suggestion}"?` : ''}`,
    { resolution: `Run "amplify ${command} help" to list its subcommands` },
  );
}

/** The running CLI's version, read without loading anything else (for `--version` fast paths and reports). */
export function readCliVersion(cliPackageDir: string): string {
  return (JSON.parse(fs.readFileSync(path.join(cliPackageDir, 'package.json'), 'utf8')) as { version: string }).version;
}
