import { type ChildProcess, execFileSync, spawn } from 'child_process';
import * as fs from 'fs';
import * as net from 'net';
import * as path from 'path';
import { pathToFileURL } from 'url';
import type { LocalCloud, LocalCloudCredentials } from 'amplify-local-cloud';
import { readJson } from './fixture-project';
import { makeTempDir, removeDir } from './temp-dir';

const CLI_PACKAGE_DIR = path.dirname(require.resolve('amplify-cli/package.json'));
const LOCAL_CLOUD_BIN = path.join(path.dirname(require.resolve('amplify-local-cloud/package.json')), 'bin', 'amplify-local-cloud');

/** The built binary under test (`npx tsc -b packages/amplify-cli` first). */
export const AMPLIFY_BIN = path.join(CLI_PACKAGE_DIR, 'bin', 'amplify');
/** The CLI's fixture category plugin, added with `amplify plugin add`. */
export const DEMO_PLUGIN_DIR = path.join(CLI_PACKAGE_DIR, 'test', 'fixtures', 'amplify-category-demo');

export const GENERAL_PROVIDERS = JSON.stringify({ awscloudformation: { configLevel: 'general' } });

export interface RunResult {
  exitCode: number;
  stdout: string;
  stderr: string;
  /** Wall time of the command in milliseconds. */
  ms: number;
}

/** What an SDK client needs to reach a sandbox's local cloud: its endpoint and the keys it verifies signatures with. */
export interface SdkConfig {
  endpoint: string;
  region: string;
  credentials: { accessKeyId: string; secretAccessKey: string };
  forcePathStyle: true;
}

/**
 * A temp world for end-to-end runs: HOME and AMPLIFY_HOME in a temp folder (the user's home is never touched), a
 * local cloud started in this process on a free port (reached through AWS_ENDPOINT_URL with `configLevel:
 * general` and the cloud's own credentials in AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY), and a runner for the
 * built binary. Commands run asynchronously so that the in-process local cloud
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

  /**
   * `cloudProcess: 'child'` runs the local cloud in a process of its own (a `LocalCloudProcess`), for tests that
   * kill it as a crash would and start it again; by default it runs in this process. `callLog`: a file the
   * in-process cloud appends each call it answers to (`AMPLIFY_LOCAL_CLOUD_CALL_LOG` of the local cloud's README).
   */
  static async start(options: { cloudProcess?: 'in-process' | 'child'; callLog?: string } = {}): Promise<AmplifySandbox> {
    const root = makeTempDir('amplify-e2e-');
    fs.mkdirSync(path.join(root, 'home'), { recursive: true });
    const dataDir = path.join(root, 'cloud-data');
    // Loaded here, not at the top: the tests that only want this package's other helpers never start a cloud.
    const cloud =
      options.cloudProcess === 'child' ? await LocalCloudProcess.start(dataDir) : await (await import('amplify-local-cloud')).startLocalCloud({ port: 0, dataDir, callLog: options.callLog });
    return new AmplifySandbox(root, cloud);
  }

  /** The local cloud's own process, for a sandbox started with `cloudProcess: 'child'`. */
  get cloudProcess(): LocalCloudProcess {
    if (!(this.cloud instanceof LocalCloudProcess)) throw new Error('This sandbox runs the local cloud in the test process');
    return this.cloud;
  }

  get env(): NodeJS.ProcessEnv {
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      HOME: this.home,
      AMPLIFY_HOME: path.join(this.home, '.amplify'),
      AWS_ENDPOINT_URL: this.cloud.endpoint,
      AWS_ACCESS_KEY_ID: this.cloud.credentials.accessKeyId,
      AWS_SECRET_ACCESS_KEY: this.cloud.credentials.secretAccessKey,
      AWS_REGION: 'us-east-1',
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      NO_COLOR: '1',
    };
    return env;
  }

  /** For SDK clients the test makes itself (forcePathStyle is ignored by clients other than S3). */
  get sdkConfig(): SdkConfig {
    return { endpoint: this.cloud.endpoint, region: 'us-east-1', credentials: this.cloud.credentials, forcePathStyle: true };
  }

  private copies = 0;

  /** A copy of an app folder (an initialised project that a test is about to break, say) under the sandbox. */
  copyApp(source: string): string {
    const copy = path.join(this.root, `copy-${++this.copies}`);
    fs.cpSync(source, copy, { recursive: true });
    return copy;
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

  /**
   * Runs `amplify <args>` in `cwd`; `stdin` (a `--headless` payload, say) is piped in when given, else stdin is
   * closed (no TTY). `extraEnv` adds variables for this run (a fault point, say).
   */
  run(cwd: string, args: string[], stdin?: string, extraEnv: NodeJS.ProcessEnv = {}): Promise<RunResult> {
    return runProcess(process.execPath, [AMPLIFY_BIN, ...args], { cwd, env: { ...this.env, ...extraEnv }, stdin });
  }

  /** `amplify init` headless in `cwd`: a React app named after its folder, on the general (endpoint-configured) provider. */
  init(cwd: string, envName = 'dev'): Promise<RunResult> {
    return this.run(cwd, [
      'init',
      '--amplify',
      JSON.stringify({ projectName: path.basename(cwd), envName, defaultEditor: 'code' }),
      '--frontend',
      JSON.stringify({ frontend: 'javascript', framework: 'react' }),
      '--providers',
      GENERAL_PROVIDERS,
      '--yes',
    ]);
  }

  async close(): Promise<void> {
    await this.cloud.close();
    removeDir(this.root);
  }
}

/**
 * A sandbox holding one app: the shape the category end-to-end tests share (one app per suite, paths relative to
 * it, headless init, and the generated `aws-exports.js` read back as data or through Amplify JS).
 */
export class AppSandbox {
  private constructor(
    private readonly sandbox: AmplifySandbox,
    readonly app: string,
  ) {}

  static async start(projectName: string): Promise<AppSandbox> {
    const sandbox = await AmplifySandbox.start();
    return new AppSandbox(sandbox, sandbox.createApp(projectName));
  }

  get root(): string {
    return this.sandbox.root;
  }

  get cloud(): LocalCloud {
    return this.sandbox.cloud;
  }

  get env(): NodeJS.ProcessEnv {
    return this.sandbox.env;
  }

  get sdkConfig(): SdkConfig {
    return this.sandbox.sdkConfig;
  }

  /** Runs `amplify <args>` in the app; `stdin` is piped in when given, else stdin is closed (no TTY). */
  run(args: string[], stdin?: string): Promise<RunResult> {
    return this.sandbox.run(this.app, args, stdin);
  }

  /** `amplify init` headless: a React app on the general (endpoint-configured) provider. */
  init(envName = 'dev'): Promise<RunResult> {
    return this.sandbox.init(this.app, envName);
  }

  readJson<T = Record<string, unknown>>(relative: string): T {
    return readJson<T>(path.join(this.app, relative));
  }

  /** The object `src/aws-exports.js` exports. */
  awsExports(): Record<string, unknown> {
    const text = fs.readFileSync(path.join(this.app, 'src', 'aws-exports.js'), 'utf8');
    const body = text.slice(text.indexOf('{'), text.lastIndexOf('}') + 1);
    return JSON.parse(body) as Record<string, unknown>;
  }

  /** Loads `src/aws-exports.js` into Amplify JS v6 in a separate Node process and returns `Amplify.getConfig()`. */
  amplifyJsConfig(): { Auth?: { Cognito?: Record<string, unknown> }; Storage?: { S3?: Record<string, unknown> } } {
    const entry = path.join(path.dirname(require.resolve('aws-amplify/package.json')), 'dist', 'esm', 'index.mjs');
    // The file is an ES module while the app's package.json does not say so: an `.mjs` copy loads it as one.
    const exportsModule = path.join(this.root, 'aws-exports.mjs');
    fs.copyFileSync(path.join(this.app, 'src', 'aws-exports.js'), exportsModule);
    const script = path.join(this.root, 'configure-amplify.mjs');
    fs.writeFileSync(
      script,
      [
        `import config from ${JSON.stringify(pathToFileURL(exportsModule).href)};`,
        `import { Amplify } from ${JSON.stringify(pathToFileURL(entry).href)};`,
        'Amplify.configure(config);',
        'process.stdout.write(JSON.stringify(Amplify.getConfig()));',
      ].join('\n'),
    );
    return JSON.parse(execFileSync(process.execPath, [script], { cwd: this.app, encoding: 'utf8' })) as ReturnType<AppSandbox['amplifyJsConfig']>;
  }

  close(): Promise<void> {
    return this.sandbox.close();
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/**
 * The local cloud as a child process (`amplify-local-cloud start`), which a test can kill with SIGKILL and start
 * again over the same data directory and port, so the endpoint the project records stays valid.
 */
export class LocalCloudProcess implements LocalCloud {
  private child: ChildProcess | undefined;
  readonly endpoint: string;

  private constructor(
    readonly port: number,
    readonly dataDir: string,
  ) {
    this.endpoint = `http://127.0.0.1:${port}`;
  }

  static async start(dataDir: string): Promise<LocalCloudProcess> {
    const cloud = new LocalCloudProcess(await freePort(), dataDir);
    await cloud.restart();
    return cloud;
  }

  get pid(): number {
    return this.child!.pid!;
  }

  get running(): boolean {
    return this.child !== undefined && this.child.exitCode === null && this.child.signalCode === null;
  }

  /** The instance's keys, which its first start wrote into the data directory. */
  get credentials(): LocalCloudCredentials {
    const { readInstanceCredentials } = require('amplify-local-cloud') as typeof import('amplify-local-cloud');
    const credentials = readInstanceCredentials(this.dataDir);
    if (credentials === undefined) throw new Error(`The local cloud has written no credentials in ${this.dataDir}`);
    return credentials;
  }

  /** Starts the server (again); resolves once it listens. */
  restart(): Promise<void> {
    const child = spawn(process.execPath, [LOCAL_CLOUD_BIN, 'start', '--port', String(this.port), '--data-dir', this.dataDir], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    });
    this.child = child;
    return new Promise((resolve, reject) => {
      let output = '';
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        if (/listening at/.test(output)) {
          child.stdout!.off('data', onData);
          child.stdout!.resume();
          resolve();
        }
      };
      child.stdout!.on('data', onData);
      child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.once('exit', (code) => reject(new Error(`the local cloud exited (${code}) before listening: ${output.trim()}`)));
    });
  }

  /** Resolves once the server has exited (killed by a fault point, or here). */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
  }

  async close(): Promise<void> {
    const child = this.child;
    if (!child || !this.running) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
}

export function runProcess(command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv; stdin?: string }): Promise<RunResult> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: [options.stdin === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ exitCode: code ?? -1, stdout, stderr, ms: Date.now() - started }));
    if (options.stdin !== undefined) child.stdin?.end(options.stdin);
  });
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
