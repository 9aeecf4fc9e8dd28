import { execFileSync, spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { startLocalCloud, type LocalCloud } from 'amplify-local-cloud';

/** The built `amplify` binary (`npx tsc -b packages/amplify-cli packages/amplify-category-auth` first). */
const AMPLIFY_BIN = path.resolve(require.resolve('amplify-cli/package.json'), '..', 'bin', 'amplify');
const CREDENTIALS = { AWS_ACCESS_KEY_ID: 'AKIAE2ESTORAGEKEY001', AWS_SECRET_ACCESS_KEY: 'e2e-storage-secret' };

export interface RunResult {
  exitCode: number;
  stdout: string;
  stderr: string;
  ms: number;
}

/**
 * A temp world for the category end-to-end tests: a private HOME, a local cloud on a free port, and a JavaScript
 * app initialised headless against it.
 */
export class CategorySandbox {
  private constructor(
    readonly root: string,
    readonly app: string,
    readonly cloud: LocalCloud,
  ) {}

  static async start(projectName: string): Promise<CategorySandbox> {
    const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'amplify-category-e2e-')));
    const app = path.join(root, projectName);
    fs.mkdirSync(path.join(app, 'src'), { recursive: true });
    fs.mkdirSync(path.join(root, 'home'));
    fs.writeFileSync(path.join(app, 'package.json'), JSON.stringify({ name: projectName, version: '0.1.0', type: 'module', dependencies: { react: '18.3.1' } }));
    const cloud = await startLocalCloud({ port: 0, dataDir: path.join(root, 'cloud-data') });
    return new CategorySandbox(root, app, cloud);
  }

  get env(): NodeJS.ProcessEnv {
    return {
      PATH: process.env.PATH,
      HOME: path.join(this.root, 'home'),
      AMPLIFY_HOME: path.join(this.root, 'home', '.amplify'),
      AWS_ENDPOINT_URL: this.cloud.endpoint,
      AWS_REGION: 'us-east-1',
      ...CREDENTIALS,
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      NO_COLOR: '1',
    };
  }

  /** Runs `amplify <args>` in the app; `stdin` is piped in when given, else stdin is closed (no TTY). */
  run(args: string[], stdin?: string): Promise<RunResult> {
    const started = Date.now();
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [AMPLIFY_BIN, ...args], { cwd: this.app, env: this.env, stdio: [stdin === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.on('error', reject);
      child.on('close', (code) => resolve({ exitCode: code ?? -1, stdout, stderr, ms: Date.now() - started }));
      if (stdin !== undefined) child.stdin!.end(stdin);
    });
  }

  async init(envName = 'dev'): Promise<RunResult> {
    return this.run([
      'init',
      '--amplify',
      JSON.stringify({ projectName: path.basename(this.app), envName, defaultEditor: 'code' }),
      '--frontend',
      JSON.stringify({ frontend: 'javascript', framework: 'react' }),
      '--providers',
      JSON.stringify({ awscloudformation: { configLevel: 'general' } }),
      '--yes',
    ]);
  }

  readJson<T = Record<string, unknown>>(relative: string): T {
    return JSON.parse(fs.readFileSync(path.join(this.app, relative), 'utf8')) as T;
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
    const script = path.join(this.root, 'configure-amplify.mjs');
    fs.writeFileSync(
      script,
      [
        `import config from ${JSON.stringify(pathToFileURL(path.join(this.app, 'src', 'aws-exports.js')).href)};`,
        `import { Amplify } from ${JSON.stringify(pathToFileURL(entry).href)};`,
        'Amplify.configure(config);',
        'process.stdout.write(JSON.stringify(Amplify.getConfig()));',
      ].join('\n'),
    );
    return JSON.parse(execFileSync(process.execPath, [script], { cwd: this.app, encoding: 'utf8' })) as ReturnType<CategorySandbox['amplifyJsConfig']>;
  }

  async close(): Promise<void> {
    await this.cloud.close();
    fs.rmSync(this.root, { recursive: true, force: true });
  }
}
