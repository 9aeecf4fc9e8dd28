import { isAmplifyError } from 'amplify-cli-core';
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
export function main(argv: string[]): Promise<number> {
  return runCli(processEnvironment(argv));
}

function isDebug(environment: CliEnvironment): boolean {
  return environment.argv.includes('--debug') || environment.env.AMPLIFY_ENABLE_DEBUG_OUTPUT === 'true';
}

/** `✖ <message>` and the resolution on the next line; the stack (and causes) only when debugging. */
export function reportError(printer: Printer, error: unknown, debug: boolean): void {
  const message = error instanceof Error ? error.message : String(error);
  printer.error(`✖ ${message}`);
  if (isAmplifyError(error) && error.resolution) {
    printer.error(`  ${error.resolution}`);
  } else if (!isAmplifyError(error)) {
    printer.error('  This is a bug in amplify; run again with --debug and report the output.');
  }
  if (debug) {
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
