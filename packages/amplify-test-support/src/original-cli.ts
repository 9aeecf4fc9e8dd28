import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runProcess, type RunResult } from './amplify-sandbox';
import { KEY, runInTerminal, type ScriptedAnswer } from './pseudo-terminal';

/** The original Amplify CLI the comparisons run: `@aws-amplify/cli-internal`, pinned. */
export const ORIGINAL_CLI_PACKAGE = '@aws-amplify/cli-internal';
export const ORIGINAL_CLI_VERSION = '14.2.2';
/** Set to the original's `amplify` binary to use an install other than the cache folder. */
export const ORIGINAL_CLI_VARIABLE = 'AMPLIFY_ORIGINAL_CLI';

/** Where `scripts/bench/versus-original.js --install` installs the original: outside every repository. */
export function originalCliCacheDir(home: string = os.homedir()): string {
  return path.join(home, '.cache', 'amplify-versus', `cli-internal-${ORIGINAL_CLI_VERSION}`);
}

export type OriginalCliLocation = { type: 'found'; bin: string; nodeModules: string } | { type: 'missing'; reason: string };

/** The original's binary from `AMPLIFY_ORIGINAL_CLI`, else from the cache folder; `missing` says why neither is usable. */
export function findOriginalCli(env: NodeJS.ProcessEnv = process.env): OriginalCliLocation {
  const given = env[ORIGINAL_CLI_VARIABLE];
  const bin = given || path.join(originalCliCacheDir(), 'node_modules', '.bin', 'amplify');
  if (!fs.existsSync(bin)) {
    return {
      type: 'missing',
      reason: given
        ? `${ORIGINAL_CLI_VARIABLE}=${given} does not exist`
        : `the original Amplify CLI is not installed at ${bin}: run "node scripts/bench/versus-original.js --install" or set ${ORIGINAL_CLI_VARIABLE} to its amplify binary`,
    };
  }
  // The binary lies under the install's node_modules (`.bin/amplify` links into `@aws-amplify/cli-internal/bin`).
  const real = fs.realpathSync(bin);
  const index = real.lastIndexOf(`${path.sep}node_modules${path.sep}`);
  if (index < 0) return { type: 'missing', reason: `${real} is not inside a node_modules folder, so its plugins cannot be found` };
  return { type: 'found', bin, nodeModules: real.slice(0, index + '/node_modules'.length) };
}

export interface CloudTarget {
  endpoint: string;
  credentials: { accessKeyId: string; secretAccessKey: string };
}

/**
 * The original CLI in a home folder of its own (never the user's `~/.amplify`), pointed at a local cloud through
 * `AWS_ENDPOINT_URL` with the cloud's keys. `prepare` makes it find its function runtime plugins, which an npm
 * install puts where its plugin scan does not look (its scan covers `@aws-amplify/`, not the node_modules above).
 */
export class OriginalCli {
  readonly env: NodeJS.ProcessEnv;

  constructor(
    readonly location: { bin: string; nodeModules: string },
    readonly home: string,
    readonly cloud: CloudTarget,
  ) {
    this.env = {
      PATH: process.env.PATH,
      HOME: home,
      AWS_ENDPOINT_URL: cloud.endpoint,
      AWS_ACCESS_KEY_ID: cloud.credentials.accessKeyId,
      AWS_SECRET_ACCESS_KEY: cloud.credentials.secretAccessKey,
      AWS_REGION: 'us-east-1',
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      AMPLIFY_CLI_ENABLE_USAGE_DATA: 'false',
      CI: 'true',
      NO_COLOR: '1',
      // Its banner is fetched from GitHub on every command; offline that waits for a timeout, so it is refused at once.
      AMPLIFY_CLI_BANNER_MESSAGE_URL: 'http://127.0.0.1:9/banner-message.json',
    };
  }

  async prepare(): Promise<void> {
    fs.mkdirSync(this.home, { recursive: true });
    await this.expectOk(this.home, ['plugin', 'scan']);
    const pluginsFile = path.join(this.home, '.amplify', 'plugins.json');
    const plugins = JSON.parse(fs.readFileSync(pluginsFile, 'utf8')) as { pluginDirectories: string[] };
    if (!plugins.pluginDirectories.includes(this.location.nodeModules)) {
      plugins.pluginDirectories.push(this.location.nodeModules);
      fs.writeFileSync(pluginsFile, JSON.stringify(plugins, null, 2));
      await this.expectOk(this.home, ['plugin', 'scan']);
    }
  }

  run(cwd: string, args: string[], stdin?: string): Promise<RunResult> {
    return runProcess(this.location.bin, args, { cwd, env: this.env, stdin });
  }

  /** Answers the original's questions in a pseudo-terminal: its function, REST API and table walkthroughs have no headless form. */
  walk(cwd: string, args: string[], answers: ScriptedAnswer[]): Promise<RunResult & { unanswered: number }> {
    const quoted = [this.location.bin, ...args].map((word) => `'${word.replace(/'/g, "'\\''")}'`).join(' ');
    return runInTerminal(quoted, answers, { cwd, env: this.env, timeoutMs: 120000 });
  }

  private async expectOk(cwd: string, args: string[]): Promise<void> {
    const result = await this.run(cwd, args);
    if (result.exitCode !== 0) throw new Error(`original amplify ${args.join(' ')} exited ${result.exitCode}:\n${result.stdout}\n${result.stderr}`);
  }
}

const FRONTEND = { frontend: 'javascript', framework: 'none', config: { SourceDir: 'src', DistributionDir: 'dist', BuildCommand: 'npm run-script build', StartCommand: 'npm run-script start' } };

/** The `--providers` payload of the original's CI lines, with the local cloud's keys. */
export function projectProviders(cloud: CloudTarget): string {
  return JSON.stringify({ awscloudformation: { configLevel: 'project', useProfile: false, ...cloud.credentials, region: 'us-east-1' } });
}

/** The original's headless CI lines, as its documentation gives them. */
export const originalCiLines = {
  init: (cloud: CloudTarget, projectName: string, envName: string): string[] => [
    'init',
    '--amplify', JSON.stringify({ projectName, envName, defaultEditor: 'code' }),
    '--frontend', JSON.stringify(FRONTEND),
    '--providers', projectProviders(cloud),
    '--yes',
  ],
  envAdd: (cloud: CloudTarget, envName: string): string[] => ['env', 'add', '--amplify', JSON.stringify({ envName, defaultEditor: 'code' }), '--providers', projectProviders(cloud), '--yes'],
  pull: (cloud: CloudTarget, appId: string, projectName: string, envName: string): string[] => [
    'pull',
    '--appId', appId,
    '--envName', envName,
    '--amplify', JSON.stringify({ projectName, envName, defaultEditor: 'code' }),
    '--frontend', JSON.stringify(FRONTEND),
    '--providers', projectProviders(cloud),
    '--yes',
  ],
  addAuth: (resourceName: string): string =>
    JSON.stringify({
      version: 2,
      resourceName,
      serviceConfiguration: {
        serviceName: 'Cognito',
        userPoolConfiguration: { signinMethod: 'EMAIL', requiredSignupAttributes: ['EMAIL'] },
        includeIdentityPool: true,
        identityPoolConfiguration: { unauthenticatedLogin: true },
      },
    }),
  addS3Storage: (resourceName: string): string =>
    JSON.stringify({ version: 1, serviceConfiguration: { serviceName: 'S3', resourceName, permissions: { auth: ['CREATE_AND_UPDATE', 'READ', 'DELETE'], guest: ['READ'] } } }),
  addGraphQlApi: (apiName: string, schema: string): string =>
    JSON.stringify({ version: 1, serviceConfiguration: { serviceName: 'AppSync', apiName, transformSchema: schema, defaultAuthType: { mode: 'API_KEY', expirationTime: 30 } } }),
};

/** Answers to the original's walkthroughs (`add function`, `add api` for REST, `add storage` for a table). */
export const originalWalkthroughs = {
  /** A Node.js "Hello World" function. */
  function: (name: string): ScriptedAnswer[] => [
    { question: /Select which capability you want to add/, keys: KEY.enter },
    { question: /Provide an AWS Lambda function name/, keys: `${name}${KEY.enter}` },
    { question: /Choose the runtime that you want to use/, keys: KEY.enter },
    { question: /Choose the function template that you want to use/, keys: KEY.enter },
    { question: /configure advanced settings/, keys: `n${KEY.enter}` },
    { question: /edit the local lambda function now/, keys: `n${KEY.enter}` },
  ],
  /** A REST API whose default path invokes the project's only function, open to everyone. */
  restApi: (name: string): ScriptedAnswer[] => [
    { question: /Select from one of the below mentioned services/, keys: `${KEY.down}${KEY.enter}` },
    { question: /friendly name for your resource/, keys: `${name}${KEY.enter}` },
    { question: /Provide a path/, keys: KEY.enter },
    { question: /Choose a Lambda source/, keys: `${KEY.down}${KEY.enter}` },
    { question: /Restrict API access/, keys: `n${KEY.enter}` },
    { question: /add another path/, keys: `n${KEY.enter}` },
  ],
  /** Hosting on S3 behind CloudFront, with the bucket name it proposes. */
  s3AndCloudFrontHosting: (): ScriptedAnswer[] => [
    { question: /Select the plugin module to execute/, keys: `${KEY.down}${KEY.enter}` },
    { question: /hosting bucket name/, keys: KEY.enter },
  ],
  /** Hosting with Amplify Console, deployed by hand (`amplify publish` zips the build and deploys it to the app's branch). */
  amplifyConsoleHosting: (): ScriptedAnswer[] => [
    { question: /Select the plugin module to execute/, keys: KEY.enter },
    { question: /Choose a type/, keys: KEY.enter },
  ],
  /** A DynamoDB table keyed by a string `id`. */
  dynamoTable: (name: string): ScriptedAnswer[] => [
    { question: /Select from one of the below mentioned services/, keys: `${KEY.down}${KEY.enter}` },
    { question: /Provide a friendly name/, keys: `${name}${KEY.enter}` },
    { question: /Provide table name/, keys: KEY.enter },
    { question: /What would you like to name this column/, keys: `id${KEY.enter}` },
    { question: /Choose the data type/, keys: KEY.enter },
    { question: /add another column/, keys: `n${KEY.enter}` },
    { question: /add a sort key/, keys: `n${KEY.enter}` },
    { question: /global secondary indexes/, keys: `n${KEY.enter}` },
    { question: /Lambda Trigger/, keys: `n${KEY.enter}` },
  ],
};
