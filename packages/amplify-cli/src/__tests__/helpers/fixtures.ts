import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { PassThrough } from 'stream';
import type { CliEnvironment } from '../../cli-environment';

const REAL_CLI_DIR = path.resolve(__dirname, '..', '..', '..');

/** Temp folders made by a test file, removed by `cleanupTempDirs` in its afterAll/afterEach. */
const created: string[] = [];

export function makeTempDir(prefix = 'amplify-cli-test-'): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), prefix)));
  created.push(dir);
  return dir;
}

export function cleanupTempDirs(): void {
  for (const dir of created.splice(0)) {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export interface PackageSpec {
  version?: string;
  /** Written as amplify-plugin.json: an object is serialised, a string is written as is (to test broken JSON). */
  manifest?: object | string;
  /** Extra package.json fields (e.g. an `amplify` manifest block or `main`). */
  packageJson?: Record<string, unknown>;
  files?: Record<string, string>;
}

/** Writes a package folder `<parent>/<name>` and returns its path. */
export function writePackage(parent: string, name: string, spec: PackageSpec = {}): string {
  const dir = path.join(parent, name);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name, version: spec.version ?? '1.0.0', ...spec.packageJson }));
  if (spec.manifest !== undefined) {
    const text = typeof spec.manifest === 'string' ? spec.manifest : JSON.stringify(spec.manifest);
    fs.writeFileSync(path.join(dir, 'amplify-plugin.json'), text);
  }
  for (const [file, content] of Object.entries(spec.files ?? {})) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), content);
  }
  return dir;
}

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
