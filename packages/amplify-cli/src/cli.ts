import { fileSystemError, isAmplifyError, printable } from 'amplify-cli-core';
import { CliEnvironment, processEnvironment } from './cli-environment';
import { dispatch } from './dispatch';
import { createPrinter, Printer } from './output/printer';

/**
 * Exit codes: 0 success, 1 any error (a user-fixable error, our own fault, an unknown command, a declined
 * confirmation). The one place errors are caught and rendered.
 */
export const EXIT_SUCCESS = 0;
export const EXIT_FAILURE = 1;

/** Runs the CLI for `environment` and returns the exit code; the binary sets `process.exitCode` from it. */
export async function runCli(environment: CliEnvironment): Promise<number> {
  const printer = createPrinter(environment.stdout, environment.stderr, environment.env);
  try {
    await dispatch(environment, printer);
    return EXIT_SUCCESS;
  } catch (error) {
    reportError(printer, error, isDebug(environment));
    return EXIT_FAILURE;
  }
}

/** Entry used by `bin/amplify`. */
export async function main(argv: string[]): Promise<number> {
  let environment: CliEnvironment;
  try {
    environment = processEnvironment(argv);
  } catch (error) {
    reportError(createPrinter(process.stdout, process.stderr, process.env), error, argv.includes('--debug'));
    return EXIT_FAILURE;
  }
  return runCli(environment);
}

function isDebug(environment: CliEnvironment): boolean {
  return environment.argv.includes('--debug') || environment.env.AMPLIFY_ENABLE_DEBUG_OUTPUT === 'true';
}

/**
 * A failed file system call anywhere underneath (a read-only project, a file where a folder belongs, a name too
 * long) is the user's to fix, even when a plugin let it through: it is named with its path instead of as a bug.
 */
function userFixable(error: unknown): unknown {
  if (isAmplifyError(error) && error.code !== 'PluginCommandFailed') return error;
  const seen = new Set<unknown>();
  for (let current: unknown = error; typeof current === 'object' && current !== null && !seen.has(current); current = (current as Error).cause) {
    seen.add(current);
    const named = fileSystemError(current);
    if (named) return named;
  }
  return error;
}

/**
 * `✖ <message>` (its first line, control characters escaped) and the resolution on the next line; the rest of a
 * multi-line message, the stack and the causes only when debugging.
 */
export function reportError(printer: Printer, thrown: unknown, debug: boolean): void {
  const error = userFixable(thrown);
  const [firstLine, ...moreLines] = (error instanceof Error ? error.message : String(error)).split('\n');
  printer.error(`✖ ${printable(firstLine)}`);
  if (isAmplifyError(error) && error.resolution) {
    printer.error(`  ${printable(error.resolution)}`);
  } else if (!isAmplifyError(error)) {
    printer.error('  This is a bug in amplify; run again with --debug and report the output.');
  }
  if (debug) {
    if (moreLines.length > 0) printer.error(moreLines.join('\n'));
    let current: unknown = error;
    while (current instanceof Error) {
      printer.error(current.stack ?? current.message);
      current = current.cause;
      if (current instanceof Error) {
        printer.error('Caused by:');
      }
    }
  } else if (!isAmplifyError(error) || error.code === 'PluginLoadFailed' || error.code === 'PluginCommandFailed') {
    printer.error('  (run with --debug for the stack trace)');
  }
}
