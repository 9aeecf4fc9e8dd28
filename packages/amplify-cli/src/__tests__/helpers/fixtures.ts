import * as fs from 'fs';
import * as path from 'path';
import { PassThrough } from 'stream';
import { makeTempDir } from 'amplify-test-support';
import type { CliEnvironment } from '../../cli-environment';

const REAL_CLI_DIR = path.resolve(__dirname, '..', '..', '..');

/** A machine in a temp folder: a CLI install, a global prefix, a home and a working directory. */
export interface FakeMachine {
  root: string;
  /** The CLI package, installed as `<root>/cli/lib/node_modules/amplify-cli`. */
  cliDir: string;
  /** The CLI's own node_modules (where bundled plugins live). */
  cliNodeModules: string;
  /** npm's global prefix, set through `npm_config_prefix`. */
  globalPrefix: string;
  globalNodeModules: string;
  home: string;
  cwd: string;
}

export function makeFakeMachine(): FakeMachine {
  const root = makeTempDir();
  const cliDir = path.join(root, 'cli', 'lib', 'node_modules', 'amplify-cli');
  fs.mkdirSync(cliDir, { recursive: true });
  fs.copyFileSync(path.join(REAL_CLI_DIR, 'package.json'), path.join(cliDir, 'package.json'));
  fs.copyFileSync(path.join(REAL_CLI_DIR, 'amplify-plugin.json'), path.join(cliDir, 'amplify-plugin.json'));
  fs.cpSync(path.join(REAL_CLI_DIR, 'templates'), path.join(cliDir, 'templates'), { recursive: true });
  const cliNodeModules = path.join(cliDir, 'node_modules');
  const globalPrefix = path.join(root, 'global');
  const globalNodeModules = path.join(globalPrefix, 'lib', 'node_modules');
  const home = path.join(root, 'home');
  const cwd = path.join(root, 'work');
  for (const dir of [cliNodeModules, globalNodeModules, home, cwd]) {
    fs.mkdirSync(dir, { recursive: true });
  }
  return { root, cliDir, cliNodeModules, globalPrefix, globalNodeModules, home, cwd };
}

export interface CapturedRun {
  environment: CliEnvironment;
  stdout: () => string;
  stderr: () => string;
}

export interface RunOptions {
  cwd?: string;
  stdin?: string;
  stdinIsTTY?: boolean;
  env?: NodeJS.ProcessEnv;
}

/** An environment for `runCli` on the fake machine, with captured output. `args` are the words after `amplify`. */
export function fakeEnvironment(machine: FakeMachine, args: string[], options: RunOptions = {}): CapturedRun {
  let out = '';
  let err = '';
  const stdin = new PassThrough() as PassThrough & { isTTY?: boolean };
  stdin.isTTY = options.stdinIsTTY ?? false;
  if (options.stdin !== undefined) {
    stdin.end(options.stdin);
  }
  const environment: CliEnvironment = {
    argv: ['node', 'amplify', ...args],
    env: { npm_config_prefix: machine.globalPrefix, NO_COLOR: '1', ...options.env },
    cwd: options.cwd ?? machine.cwd,
    homeDir: machine.home,
    homeDotAmplifyDir: path.join(machine.home, '.amplify'),
    execPath: path.join(machine.root, 'node', 'bin', 'node'),
    platform: 'linux',
    cliPackageDir: machine.cliDir,
    stdin,
    stdout: { write: (text: string) => (out += text) },
    stderr: { write: (text: string) => (err += text) },
  };
  return { environment, stdout: () => out, stderr: () => err };
}
