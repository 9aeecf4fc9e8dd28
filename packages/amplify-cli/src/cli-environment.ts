import * as os from 'os';
import * as path from 'path';
import { AmplifyError, pathManager } from 'amplify-cli-core';
import { ignoreClosedPipe } from './ignore-closed-pipe';
import type { OutputStream } from './output/printer';

/** A readable stdin as far as the CLI uses it (headless payloads, the TTY check). */
export interface InputStream extends NodeJS.ReadableStream {
  isTTY?: boolean;
}

/**
 * Everything the CLI reads from its process, gathered once at the entry so that no module reads `process.*` at
 * import time and tests can run the whole CLI in-process against temp folders.
 */
export interface CliEnvironment {
  /** The full argv, node and script path included (as `context.input.argv`). */
  argv: string[];
  env: NodeJS.ProcessEnv;
  cwd: string;
  homeDir: string;
  /** `~/.amplify`, or `$AMPLIFY_HOME` when set: where the plugin cache lives. */
  homeDotAmplifyDir: string;
  execPath: string;
  platform: NodeJS.Platform;
  /** Root of the running CLI package. */
  cliPackageDir: string;
  stdin: InputStream;
  stdout: OutputStream;
  stderr: OutputStream;
}

/** The working directory; a folder deleted (or moved) under the shell is named, with the way out. */
function workingDirectory(): string {
  try {
    return process.cwd();
  } catch (cause) {
    const shellDir = process.env.PWD ? ` (${process.env.PWD})` : '';
    throw new AmplifyError('WorkingDirectoryMissing', `The working directory${shellDir} no longer exists: it was deleted or moved after the shell entered it`, {
      resolution: 'Change to an existing folder (e.g. "cd ~" or cd back into the re-created project) and run the command again',
      cause,
    });
  }
}

export function processEnvironment(argv: string[]): CliEnvironment {
  ignoreClosedPipe(process.stdout);
  ignoreClosedPipe(process.stderr);
  const cwd = workingDirectory();
  const environment: Omit<CliEnvironment, 'stdin'> = {
    argv,
    env: process.env,
    cwd,
    homeDir: os.homedir(),
    homeDotAmplifyDir: pathManager.getHomeDotAmplifyDirPath(),
    execPath: process.execPath,
    platform: process.platform,
    cliPackageDir: path.resolve(__dirname, '..'),
    stdout: process.stdout,
    stderr: process.stderr,
  };
  // process.stdin builds a stream (a TTY reader loads readline) on first access: only headless input and prompts
  // need it, so it is touched only then.
  return Object.defineProperty(environment, 'stdin', { get: () => process.stdin, enumerable: true }) as CliEnvironment;
}

