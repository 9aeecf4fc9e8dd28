import { spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { startLocalCloud, type LocalCloud } from 'amplify-local-cloud';

/** The built binary under test (`npx tsc -b packages/amplify-cli` first). */
export const AMPLIFY_BIN = path.resolve(__dirname, '..', '..', 'bin', 'amplify');
export const DEMO_PLUGIN_DIR = path.resolve(__dirname, '..', 'fixtures', 'amplify-category-demo');

/** Fixed keys for the local cloud: any pair is an account of its own, so every command must use the same one. */
export const TEST_CREDENTIALS = { accessKeyId: 'AKIAE2ETESTKEY000001', secretAccessKey: 'e2e-test-secret' };
export const GENERAL_PROVIDERS = JSON.stringify({ awscloudformation: { configLevel: 'general' } });

export interface RunResult {
  exitCode: number;
  stdout: string;
  stderr: string;
  /** Wall time of the command in milliseconds. */
  ms: number;
}

/**
 * A temp world for end-to-end runs: HOME and AMPLIFY_HOME in a temp folder (the user's home is never touched), a
 * local cloud started in this process on a free port (reached through AWS_ENDPOINT_URL with `configLevel:
 * general`), and a runner for the built binary. Commands run asynchronously so that the in-process local cloud
 * keeps answering while they wait.
 */
export class AmplifySandbox {
  readonly root: string;
  readonly home: string;
  private constructor(
    root: string,
    readonly cloud: LocalCloud,
  ) {
    this.root = root;
    this.home = path.join(root, 'home');
  }

  static async start(): Promise<AmplifySandbox> {
    const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'amplify-e2e-')));
    fs.mkdirSync(path.join(root, 'home'), { recursive: true });
    const cloud = await startLocalCloud({ port: 0, dataDir: path.join(root, 'cloud-data') });
    return new AmplifySandbox(root, cloud);
  }

  get env(): NodeJS.ProcessEnv {
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      HOME: this.home,
      AMPLIFY_HOME: path.join(this.home, '.amplify'),
      AWS_ENDPOINT_URL: this.cloud.endpoint,
      AWS_ACCESS_KEY_ID: TEST_CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: TEST_CREDENTIALS.secretAccessKey,
      AWS_REGION: 'us-east-1',
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      NO_COLOR: '1',
    };
    return env;
  }

  /** A new app folder (a react-like JavaScript app) under the sandbox. */
  createApp(name: string): string {
    const dir = path.join(this.root, name);
    fs.mkdirSync(path.join(dir, 'src'), { recursive: true });
    fs.writeFileSync(
      path.join(dir, 'package.json'),
      JSON.stringify({ name, version: '0.1.0', private: true, dependencies: { react: '18.3.1', 'react-dom': '18.3.1' } }, null, 2),
    );
    return dir;
  }

  /** Runs `amplify <args>` in `cwd` with stdin closed (no TTY). */
  run(cwd: string, args: string[]): Promise<RunResult> {
    return runProcess(process.execPath, [AMPLIFY_BIN, ...args], { cwd, env: this.env });
  }

  async close(): Promise<void> {
    await this.cloud.close();
    fs.rmSync(this.root, { recursive: true, force: true });
  }
}

export function runProcess(command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv }): Promise<RunResult> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ exitCode: code ?? -1, stdout, stderr, ms: Date.now() - started }));
  });
}

export function readJson<T = Record<string, unknown>>(file: string): T {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
}

/** Every file under `dir` with its bytes, for byte-for-byte comparisons of a folder before and after. */
export function snapshotDir(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (current: string): void => {
    for (const entry of fs.readdirSync(current, { withFileTypes: true })) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) walk(full);
      else files[path.relative(dir, full)] = fs.readFileSync(full).toString('base64');
    }
  };
  walk(dir);
  return files;
}
