import * as fs from 'fs';
import * as path from 'path';
import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { CloudFormationClient, ListStacksCommand } from '@aws-sdk/client-cloudformation';
import { AMPLIFY_BIN, AmplifySandbox, GENERAL_PROVIDERS, readJson, runProcess, snapshotDir } from 'amplify-test-support';

/**
 * What the CLI writes, and where: a failed command leaves the project as it found it, init checks that it can write
 * before it creates anything in the cloud, settings that name folders stay inside the project, and a template
 * naming a resource in a way AWS refuses fails the push before any upload.
 */
jest.setTimeout(180_000);

type Meta = { providers: { awscloudformation: { StackName: string; DeploymentBucketName: string } } } & Record<string, Record<string, unknown>>;

const ADD_REQUESTS: Record<string, unknown> = {
  function: { version: 1, functionName: 'worker' },
  storage: {
    version: 1,
    serviceConfiguration: { serviceName: 'DynamoDB', resourceName: 'orders', columns: [{ name: 'id', type: 'string' }], partitionKey: 'id' },
  },
  auth: {
    version: 2,
    resourceName: 'shopauth',
    serviceConfiguration: { serviceName: 'Cognito', includeIdentityPool: false, userPoolConfiguration: { signinMethod: 'EMAIL', requiredSignupAttributes: ['EMAIL'] } },
  },
};

describe('write safety (built binary, local cloud)', () => {
  let sandbox: AmplifySandbox;
  /** An initialised project that each test copies before breaking the copy. */
  let pristine: string;
  /** Numbers the fresh apps of the tests that start from scratch. */
  let apps = 0;
  const copyProject = (): string => sandbox.copyApp(pristine);
  const credentials = () => ({ accessKeyId: sandbox.env.AWS_ACCESS_KEY_ID!, secretAccessKey: sandbox.env.AWS_SECRET_ACCESS_KEY! });
  const rootStacks = async (): Promise<string[]> => {
    const cfn = new CloudFormationClient({ endpoint: sandbox.cloud.endpoint, region: 'us-east-1', credentials: credentials() });
    const listed = await cfn.send(new ListStacksCommand({}));
    cfn.destroy();
    return (listed.StackSummaries ?? []).filter((s) => s.StackStatus !== 'DELETE_COMPLETE').map((s) => s.StackName!);
  };

  beforeAll(async () => {
    sandbox = await AmplifySandbox.start();
    pristine = sandbox.createApp('pristine');
    const init = await sandbox.init(pristine);
    expect(init.stderr).toBe('');
    expect(init.exitCode).toBe(0);
  });

  afterAll(async () => {
    await sandbox?.close();
  });

  describe.each(['function', 'storage', 'auth'])('amplify add %s', (category) => {
    test.each([
      ['backend-config.json', '{ "function": { '],
      ['amplify-meta.json', '{"providers": }'],
    ])('with a corrupt %s fails in one line naming the file and changes nothing', async (file, corrupt) => {
      const app = copyProject();
      fs.writeFileSync(path.join(app, 'amplify', 'backend', file), corrupt);
      const before = snapshotDir(app);
      const result = await sandbox.run(app, ['add', category, '--headless'], JSON.stringify(ADD_REQUESTS[category]));
      expect(result.exitCode).toBe(1);
      // The error and its resolution, no stack.
      const [message, ...rest] = result.stderr.trimEnd().split('\n');
      expect(message).toMatch(new RegExp(`^✖ .*${path.join('amplify', 'backend', file).replace(/[.]/g, '\\.')}`));
      expect(rest.length).toBeLessThanOrEqual(1);
      expect(snapshotDir(app)).toEqual(before);
    });
  });

  describe('init checks that it can write before it creates the env in the cloud', () => {
    test('with access keys and a writable home, init keeps the keys in the amplify home (the write the next case cannot do)', async () => {
      const app = sandbox.createApp(`keys-${++apps}`);
      const amplifyHome = path.join(sandbox.root, `home-${apps}`, '.amplify');
      const result = await initIn(app, { ...sandbox.env, AMPLIFY_HOME: amplifyHome });
      expect(result.stderr).toBe('');
      expect(result.exitCode).toBe(0);
      expect(fs.readdirSync(path.join(amplifyHome, 'awscloudformation'))).toHaveLength(1);
    });

    // Access keys given at init are what init keeps in the amplify home, next to the project.
    const keysProviders = () => JSON.stringify({ awscloudformation: { configLevel: 'project', useProfile: false, ...credentials(), region: 'us-east-1' } });
    const initIn = (app: string, env: NodeJS.ProcessEnv = sandbox.env) =>
      runProcess(process.execPath, [AMPLIFY_BIN, 'init', '--amplify', JSON.stringify({ projectName: 'guarded', envName: 'dev', defaultEditor: 'code' }), '--frontend', JSON.stringify({ frontend: 'javascript', framework: 'react' }), '--providers', keysProviders(), '--yes'], { cwd: app, env });

    test('an amplify home that cannot be created (its parent is a file) fails in one line naming the folder; no stack, no files', async () => {
      const app = sandbox.createApp(`home-${++apps}`);
      const blocker = path.join(sandbox.root, `blocker-${apps}`);
      fs.writeFileSync(blocker, '');
      const amplifyHome = path.join(blocker, '.amplify');
      const stacksBefore = await rootStacks();
      const before = snapshotDir(app);
      const result = await initIn(app, { ...sandbox.env, AMPLIFY_HOME: amplifyHome });
      expect(result.exitCode).toBe(1);
      const [message, ...rest] = result.stderr.trimEnd().split('\n');
      expect(message).toBe(`✖ Cannot write the amplify home (credentials and keys) to ${amplifyHome}: ${blocker} is a file, not a folder`);
      expect(rest).toEqual(['  Make the folder writable, or point AMPLIFY_HOME at a folder you can write to']);
      expect(await rootStacks()).toEqual(stacksBefore);
      expect(snapshotDir(app)).toEqual(before);
    });

    test('a project folder where amplify/ cannot be made fails the same way', async () => {
      const app = sandbox.createApp(`blocked-${++apps}`);
      fs.writeFileSync(path.join(app, 'amplify'), 'not a folder');
      const stacksBefore = await rootStacks();
      const result = await initIn(app);
      expect(result.exitCode).toBe(1);
      expect(result.stderr.split('\n')[0]).toBe(`✖ Cannot write the project files to ${path.join(app, 'amplify')}: ${path.join(app, 'amplify')} is a file, not a folder`);
      expect(await rootStacks()).toEqual(stacksBefore);
    });
  });

  describe('frontend folders stay inside the project', () => {
    test('init refuses a --frontend SourceDir outside the project before creating anything', async () => {
      const app = sandbox.createApp(`outside-${++apps}`);
      const stacksBefore = await rootStacks();
      const frontend = { frontend: 'javascript', framework: 'react', config: { SourceDir: '../x', DistributionDir: 'build', BuildCommand: 'b', StartCommand: 's' } };
      const result = await sandbox.run(app, ['init', '--amplify', JSON.stringify({ projectName: 'outside', envName: 'dev', defaultEditor: 'code' }), '--frontend', JSON.stringify(frontend), '--providers', GENERAL_PROVIDERS, '--yes']);
      expect(result.exitCode).toBe(1);
      expect(result.stderr.split('\n')[0]).toBe('✖ --frontend config.SourceDir "../x" leads outside the project');
      expect(await rootStacks()).toEqual(stacksBefore);
      expect(fs.existsSync(path.join(app, 'amplify'))).toBe(false);
    });

    test('a hand-edited SourceDir of ../outside is refused when read back: nothing is written outside the project', async () => {
      const app = copyProject();
      const configFile = path.join(app, 'amplify', '.config', 'project-config.json');
      const config = readJson<{ javascript: { config: Record<string, string> } }>(configFile);
      config.javascript.config.SourceDir = '../outside';
      fs.writeFileSync(configFile, JSON.stringify(config, null, 2));
      const before = snapshotDir(app);
      // Checking out the env rewrites the frontend config files from the deployed outputs.
      const result = await sandbox.run(app, ['env', 'checkout', 'dev']);
      expect(result.exitCode).toBe(1);
      expect(result.stderr.split('\n')[0]).toBe(`✖ javascript.config.SourceDir "../outside" in ${configFile} leads outside the project`);
      expect(fs.existsSync(path.join(sandbox.root, 'outside'))).toBe(false);
      expect(snapshotDir(app)).toEqual(before);
    });
  });

  test('a function template naming the function "../x" fails amplify push before anything is uploaded', async () => {
    const app = copyProject();
    const added = await sandbox.run(app, ['add', 'function', '--headless'], JSON.stringify({ version: 1, functionName: 'worker' }));
    expect(added.exitCode).toBe(0);
    const templateFile = path.join(app, 'amplify', 'backend', 'function', 'worker', 'worker-cloudformation-template.json');
    const template = readJson<{ Resources: { LambdaFunction: { Properties: Record<string, unknown> } } }>(templateFile);
    template.Resources.LambdaFunction.Properties.FunctionName = '../x';
    fs.writeFileSync(templateFile, JSON.stringify(template, null, 2));
    const meta = readJson<Meta>(path.join(app, 'amplify', 'backend', 'amplify-meta.json'));
    const s3 = new S3Client({ endpoint: sandbox.cloud.endpoint, region: 'us-east-1', forcePathStyle: true, credentials: credentials() });
    const objects = async () => (await s3.send(new ListObjectsV2Command({ Bucket: meta.providers.awscloudformation.DeploymentBucketName }))).Contents?.map((o) => o.Key) ?? [];
    const uploadedBefore = await objects();
    const stacksBefore = await rootStacks();

    const result = await sandbox.run(app, ['push', '--yes']);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain('resource LambdaFunction: Properties.FunctionName: FunctionName "../x" does not match ^[a-zA-Z0-9_-]+$');
    expect(await objects()).toEqual(uploadedBefore);
    expect(await rootStacks()).toEqual(stacksBefore);
    s3.destroy();
  });
});
