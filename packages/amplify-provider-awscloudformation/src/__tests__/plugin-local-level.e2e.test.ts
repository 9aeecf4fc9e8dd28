import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as localCloudPlugin from 'amplify-local-cloud';
import { defaultDataDir, ensureLocalCloud, stopInstance } from 'amplify-local-cloud';
import * as plugin from '../provider-plugin';
import type { ProviderContext } from '../context/provider-context';
import { scriptedPrompter } from '../io/__tests__/scripted-prompter';

/**
 * The plugin functions as the CLI calls them, with `configLevel: "local"`: the provider finds the background local
 * cloud through the local cloud plugin's `ensureLocalCloud`, which the context's plugin platform hands it (started
 * here on a free port for a temp AMPLIFY_HOME), so no endpoint is ever configured by hand. init, push, console and deleteEnv go through a context, as in `amplify init --providers`.
 */

const saved = { cwd: process.cwd(), home: process.env.AMPLIFY_HOME };
let tmp: string;
let projectRoot: string;
let endpoint: string;
let lines: string[];

function context(exeInfo: ProviderContext['exeInfo']): ProviderContext {
  return {
    input: { options: {} },
    exeInfo,
    print: { info: (m) => lines.push(m), warning: (m) => lines.push(`warning: ${m}`), success: (m) => lines.push(`success: ${m}`) },
    // As the CLI's plugin platform answers it: the local cloud plugin by its manifest name.
    amplify: { prompter: scriptedPrompter([]), getPluginInstance: (_context, name) => (name === 'local-cloud' ? localCloudPlugin : undefined) },
    environment: { env: process.env, isInteractive: () => false, stdoutIsTTY: false },
  };
}

function read<T>(relative: string): T {
  return JSON.parse(fs.readFileSync(path.join(projectRoot, relative), 'utf8')) as T;
}

function write(relative: string, data: unknown): void {
  const file = path.join(projectRoot, relative);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(data, null, 2));
}

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'provider-local-level-'));
  process.env.AMPLIFY_HOME = path.join(tmp, 'amplify-home');
  ({ endpoint } = await ensureLocalCloud({ port: 0, dataDir: defaultDataDir() }));
  projectRoot = path.join(tmp, 'app');
  write('amplify/.config/project-config.json', { projectName: 'localapp', version: '3.0', frontend: 'javascript', providers: ['awscloudformation'] });
  write('amplify/.config/local-env-info.json', { envName: 'dev' });
  process.chdir(projectRoot);
});

afterAll(async () => {
  process.chdir(saved.cwd);
  await stopInstance({ dataDir: defaultDataDir() });
  if (saved.home === undefined) delete process.env.AMPLIFY_HOME;
  else process.env.AMPLIFY_HOME = saved.home;
  fs.rmSync(tmp, { recursive: true, force: true });
});

beforeEach(() => {
  lines = [];
});

it('init and onInitSuccessful with --providers configLevel local create and record the env', async () => {
  const ctx = context({
    inputParams: { yes: true, awscloudformation: { configLevel: 'local' } },
    projectConfig: { projectName: 'localapp' },
    localEnvInfo: { envName: 'dev' },
    isNewEnv: true,
  });
  await plugin.init(ctx);
  await plugin.onInitSuccessful(ctx);
  expect(read('amplify/.config/local-aws-info.json')).toEqual({ dev: { configLevel: 'local' } });
  const root = read<{ dev: { awscloudformation: { StackName: string; Region: string } } }>('amplify/team-provider-info.json').dev.awscloudformation;
  expect(root.StackName).toMatch(/^amplify-localapp-dev-\d+$/);
  expect(root.Region).toBe('us-east-1');
  // The event log went through the context's printer.
  expect(lines.some((line) => /CREATE_COMPLETE\s+DeploymentBucket/.test(line))).toBe(true);
});

it('pushResources deploys a category resource through the context and reports it', async () => {
  write('amplify/backend/storage/files/files-cloudformation-template.json', {
    AWSTemplateFormatVersion: '2010-09-09',
    Parameters: { env: { Type: 'String' } },
    Resources: { Bucket: { Type: 'AWS::S3::Bucket' } },
    Outputs: { BucketName: { Value: { Ref: 'Bucket' } } },
  });
  const meta = read<Record<string, unknown>>('amplify/backend/amplify-meta.json');
  write('amplify/backend/amplify-meta.json', { ...meta, storage: { files: { service: 'S3', providerPlugin: 'awscloudformation' } } });
  const files = { category: 'storage', resourceName: 'files', providerPlugin: 'awscloudformation' };
  const result = await plugin.pushResources(context({ localEnvInfo: { envName: 'dev' } }), {
    resourcesToBeCreated: [files],
    resourcesToBeUpdated: [],
    resourcesToBeDeleted: [],
    allResources: [files],
  });
  expect(result.type).toBe('deployed');
  expect(read<{ storage: { files: { output: { BucketName: string } } } }>('amplify/backend/amplify-meta.json').storage.files.output.BucketName).toMatch(/\S+/);
});

it("console says which local cloud it uses and prints a one-time link to its page of the env's stacks", async () => {
  const url = await plugin.console(context({}));
  expect(lines).toEqual([`Using this HOME's local cloud at ${endpoint} (already running).`, url]);
  expect(url).toMatch(new RegExp(`^${endpoint}/_local-cloud/console/[0-9a-f]{48}$`));
  const { StackName } = read<Record<string, { awscloudformation: { StackName: string } }>>('amplify/team-provider-info.json').dev.awscloudformation;
  const page = await fetch(url);
  expect(page.status).toBe(200);
  expect(await page.text()).toContain(`<h2>${StackName}</h2>`);
  expect((await fetch(url)).status).toBe(403);
});

it('providerUtils.syncCurrentCloudBackend brings back the deployed copy of the backend', async () => {
  // The core's part after a push: the pushed resource in #current-cloud-backend/, then uploaded.
  fs.cpSync(path.join(projectRoot, 'amplify/backend/storage'), path.join(projectRoot, 'amplify/#current-cloud-backend/storage'), { recursive: true });
  await plugin.storeCurrentCloudBackend(context({}));
  fs.rmSync(path.join(projectRoot, 'amplify/#current-cloud-backend'), { recursive: true, force: true });
  expect(await plugin.providerUtils.syncCurrentCloudBackend(context({}))).toBe(true);
  expect(fs.existsSync(path.join(projectRoot, 'amplify/#current-cloud-backend/storage/files/files-cloudformation-template.json'))).toBe(true);
  expect(read<{ providers: unknown }>('amplify/#current-cloud-backend/amplify-meta.json').providers).toEqual({
    awscloudformation: read<{ dev: { awscloudformation: unknown } }>('amplify/team-provider-info.json').dev.awscloudformation,
  });
});

it('works in the project the core names (projectPath), and deletes an env this machine has no credentials for', async () => {
  // Another project, driven from this one's directory: only exeInfo.localEnvInfo.projectPath says where it is.
  const other = path.join(tmp, 'other');
  fs.mkdirSync(path.join(other, 'amplify/.config'), { recursive: true });
  fs.writeFileSync(path.join(other, 'amplify/.config/project-config.json'), JSON.stringify({ projectName: 'otherapp', version: '3.0', frontend: 'javascript', providers: ['awscloudformation'] }));
  fs.writeFileSync(path.join(other, 'amplify/.config/local-env-info.json'), JSON.stringify({ envName: 'test' }));
  const ctx = context({
    inputParams: { yes: true, awscloudformation: { configLevel: 'local' } },
    projectConfig: { projectName: 'otherapp' },
    localEnvInfo: { envName: 'test', projectPath: other },
    isNewEnv: true,
  });
  await plugin.init(ctx);
  await plugin.onInitSuccessful(ctx);
  const testStack = JSON.parse(fs.readFileSync(path.join(other, 'amplify/team-provider-info.json'), 'utf8')).test.awscloudformation.StackName;
  expect(testStack).toMatch(/^amplify-otherapp-test-\d+$/);
  expect(fs.existsSync(path.join(projectRoot, 'amplify/.config/local-aws-info.json'))).toBe(true);
  expect(read<Record<string, unknown>>('amplify/.config/local-aws-info.json')).toEqual({ dev: { configLevel: 'local' } });

  // As in a clone that has only configured "dev": deleting "test" borrows dev's choice and says so.
  fs.writeFileSync(path.join(other, 'amplify/.config/local-aws-info.json'), JSON.stringify({ dev: { configLevel: 'local' } }));
  fs.writeFileSync(path.join(other, 'amplify/.config/local-env-info.json'), JSON.stringify({ envName: 'dev' }));
  lines = [];
  await plugin.deleteEnv(context({ localEnvInfo: { envName: 'dev', projectPath: other } }), 'test', true);
  expect(lines).toContain('warning: Env "test" has no credentials configured on this machine; using those of env "dev".');
  expect(lines.some((line) => line.includes('DELETE_COMPLETE') && line.includes(testStack))).toBe(true);
});

it('deleteEnv removes the env from the local cloud', async () => {
  await plugin.deleteEnv(context({}), 'dev', true);
  expect(lines.some((line) => /DELETE_COMPLETE/.test(line))).toBe(true);
});
