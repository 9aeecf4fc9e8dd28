import * as fs from 'fs';
import * as path from 'path';
import { AmplifyError, AmplifyEvent, CommandInput, isAmplifyError } from 'amplify-cli-core';
import type { CliEnvironment } from './cli-environment';
import type { CliSession } from './cli-session';
import { coreCommands, findCoreCommandKey, groupVerbs } from './commands';
import { printCoreCommandHelp, printPluginHelp } from './output/help-view';
import type { Printer } from './output/printer';
import type * as ProblemsViewModule from './output/problems-view';
import { loadPluginPlatform } from './platform/plugin-platform-loader';
import { PluginRegistry } from './platform/plugin-registry';
import { parseCommandInput } from './routing/command-input';
import type * as DidYouMeanModule from './routing/did-you-mean';
import { CommandTarget, pluginNouns, resolveCommand } from './routing/resolve-command';
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
  const input = parseCommandInput(environment.argv, pluginNouns(loaded.cache.plugins));
  const resolved: CommandTarget = resolveCommand(input, { coreManifest: core.manifest, plugins: loaded.cache.plugins });
  const target = input.options?.help === true ? helpTarget(resolved, input) : resolved;
  switch (target.kind) {
    case 'plugin-help':
      printPluginHelp(printer, target.noun, target.plugins);
      return;
    case 'plugin': {
      // Loaded only when a plugin runs: `help` and `status` never pay for the toolbox and the executor.
      const { runPluginCommand } = await import('./execution/run-plugin-command');
      try {
        await runPluginCommand(session, input, target.command, target.candidates);
      } catch (error) {
        // Help must not depend on a plugin's code: when that code cannot even load, its manifest still can answer.
        if (target.command !== 'help' || !isAmplifyError(error) || error.code !== 'PluginLoadFailed') {
          throw error;
        }
        printer.warning(`⚠ ${error.message}; showing the commands its manifest declares`);
        printPluginHelp(printer, target.noun, target.candidates);
      }
      return;
    }
    case 'core':
      await runCoreCommand(session, target.command, target.subCommands, input);
      return;
  }
}

/**
 * `--help` (`-h`) anywhere asks what a command does; it must never run it (`amplify delete --force -h` deleted
 * the project). A plugin answers with its help command (or its manifest); core commands in runCoreCommand.
 */
function helpTarget(target: CommandTarget, input: CommandInput): CommandTarget {
  if (target.kind !== 'plugin') {
    return target;
  }
  if (!target.candidates.some((info) => info.manifest.commands?.includes('help'))) {
    return { kind: 'plugin-help', noun: target.noun, plugins: target.candidates };
  }
  // The plugin reads its command from the input, so the input is what must say help.
  input.command = 'help';
  input.subCommands = [];
  return { ...target, command: 'help' };
}

async function runCoreCommand(session: CliSession, command: string, subCommands: string[], input: CommandInput): Promise<void> {
  const found = findCoreCommandKey(command, subCommands) ?? groupFallback(command, subCommands);
  // Under --help a group lists its verbs and any other command prints its line of help instead of running.
  const key = input.options?.help === true && `${command} help` in coreCommands ? `${command} help` : found;
  if (input.options?.help === true && key !== undefined && key !== 'help' && !key.endsWith(' help')) {
    printCoreCommandHelp(session.printer, key);
    return;
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
