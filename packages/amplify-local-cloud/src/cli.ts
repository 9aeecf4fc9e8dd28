import { isAmplifyError, isOptionWord, readOption } from 'amplify-cli-core';
import { findCommand } from './commands/command-table';
import { EXIT_DATA_DIR_IN_USE } from './instance/server-info';
import type { CommandOutput, RawOptions } from './commands/command-types';

/** The standalone printer: results on stdout, warnings on stderr, no colours. */
const consoleOutput: CommandOutput = {
  info: (message) => process.stdout.write(`${message}\n`),
  success: (message) => process.stdout.write(`${message}\n`),
  warning: (message) => process.stderr.write(`${message}\n`),
};

/** Options that never take a value, so `--detach start` does not read `start` as the value of `--detach`. */
const FLAGS: ReadonlySet<string> = new Set(['detach', 'debug', 'json']);

/**
 * Splits `<command> [--name value | --name=value | --flag]...` into the command and its options, reading options
 * by the core's rule (the `amplify` binary's); the first other word is the command.
 */
export function parseArgs(argv: readonly string[]): { command?: string; options: RawOptions } {
  const options: RawOptions = {};
  let command: string | undefined;
  for (let i = 0; i < argv.length; ) {
    const arg = argv[i];
    if (arg === '-h' || arg === '--help') {
      command = 'help';
      i += 1;
    } else if (isOptionWord(arg)) {
      const option = readOption(argv, i, FLAGS);
      options[option.name] = option.value;
      i = option.next;
    } else {
      command ??= arg;
      i += 1;
    }
  }
  return { command, options };
}

/**
 * The entry of `bin/amplify-local-cloud`: the one place that turns errors into a message, a resolution and a
 * non-zero exit code (stack traces with --debug).
 */
export async function main(argv: readonly string[], output: CommandOutput = consoleOutput): Promise<void> {
  const { command, options } = parseArgs(argv);
  try {
    await findCommand(command).run(options, output);
  } catch (error) {
    if (isAmplifyError(error)) {
      process.stderr.write(`${error.message}\n${error.resolution ? `${error.resolution}\n` : ''}`);
    } else {
      process.stderr.write(`Unexpected failure: ${error instanceof Error ? error.message : String(error)}\n`);
    }
    if (options.debug === true && error instanceof Error && error.stack) {
      process.stderr.write(`${error.stack}\n`);
    }
    process.exitCode = isAmplifyError(error) && error.code === 'LocalCloudDataDirInUse' ? EXIT_DATA_DIR_IN_USE : 1;
  }
}
