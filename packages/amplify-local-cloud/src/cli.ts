import { isAmplifyError } from 'amplify-cli-core';
import { findCommand } from './commands/command-table';
import type { CommandOutput, RawOptions } from './commands/command-types';

/** The standalone printer: results on stdout, warnings on stderr, no colours. */
const consoleOutput: CommandOutput = {
  info: (message) => process.stdout.write(`${message}\n`),
  success: (message) => process.stdout.write(`${message}\n`),
  warning: (message) => process.stderr.write(`${message}\n`),
};

/** Options that never take a value, so `--detach start` does not read `start` as the value of `--detach`. */
const FLAGS = new Set(['--detach', '--debug']);

/** Splits `<command> [--name value | --name=value | --flag]...` into the command and its options. */
export function parseArgs(argv: readonly string[]): { command?: string; options: RawOptions } {
  const options: RawOptions = {};
  let command: string | undefined;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '-h' || arg === '--help') {
      command = 'help';
    } else if (arg.startsWith('--')) {
      const equals = arg.indexOf('=');
      if (equals > 0) {
        options[arg.slice(2, equals)] = arg.slice(equals + 1);
      } else if (i + 1 < argv.length && !argv[i + 1].startsWith('--') && !FLAGS.has(arg)) {
        options[arg.slice(2)] = argv[i + 1];
        i += 1;
      } else {
        options[arg.slice(2)] = true;
      }
    } else {
      command ??= arg;
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
    process.exitCode = 1;
  }
}
