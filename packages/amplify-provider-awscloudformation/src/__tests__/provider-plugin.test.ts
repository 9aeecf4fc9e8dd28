import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { CloudFormationClient, CreateStackCommand, DescribeStackEventsCommand, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { AmplifyClient, CreateAppCommand, CreateBackendEnvironmentCommand, GetAppCommand, GetBackendEnvironmentCommand } from '@aws-sdk/client-amplify';
import { mockClient } from 'aws-sdk-client-mock';
import { validatePluginManifest } from 'amplify-cli-core';
import * as plugin from '../provider-plugin';
import type { ProviderContext } from '../context/provider-context';
import { scriptedPrompter } from '../io/__tests__/scripted-prompter';

const cfnMock = mockClient(CloudFormationClient);
const s3Mock = mockClient(S3Client);
const amplifyMock = mockClient(AmplifyClient);
const saved = { cwd: process.cwd(), home: process.env.AMPLIFY_HOME };
let projectRoot: string;
let lines: string[];

function context(exeInfo: ProviderContext['exeInfo'], answers: unknown[] = [], command?: string): ProviderContext {
  return {
    input: { command, options: {} },
    exeInfo,
    print: { info: (m) => lines.push(m), warning: (m) => lines.push(`warning: ${m}`), success: (m) => lines.push(`success: ${m}`) },
    amplify: { prompter: scriptedPrompter(answers) },
    environment: { env: process.env, isInteractive: () => false, stdoutIsTTY: false },
  };
}

function read<T>(relative: string): T {
  return JSON.parse(fs.readFileSync(path.join(projectRoot, relative), 'utf8')) as T;
}

beforeEach(() => {
  cfnMock.reset();
  s3Mock.reset();
  amplifyMock.reset();
  amplifyMock.on(CreateAppCommand).resolves({ app: { appId: 'd1ctxapp' } as never });
  amplifyMock.on(CreateBackendEnvironmentCommand).resolves({});
  lines = [];
  projectRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'provider-plugin-'));
  fs.mkdirSync(path.join(projectRoot, 'amplify', '.config'), { recursive: true });
  fs.writeFileSync(path.join(projectRoot, 'amplify', '.config', 'local-env-info.json'), '{"envName":"dev"}');
  process.env.AMPLIFY_HOME = path.join(projectRoot, '.home');
  process.chdir(projectRoot);
});

afterEach(() => {
  process.chdir(saved.cwd);
  if (saved.home === undefined) delete process.env.AMPLIFY_HOME;
  else process.env.AMPLIFY_HOME = saved.home;
  fs.rmSync(projectRoot, { recursive: true, force: true });
});

describe('init + onInitSuccessful (headless keys, --yes)', () => {
  it('creates the root stack and registers it with the project\'s Amplify app, then persists the keys outside the project and records the env', async () => {
    const stack = {
      StackName: 'amplify-ctxapp-dev-1',
      StackId: 'arn:aws:cloudformation:eu-west-1:1:stack/amplify-ctxapp-dev-1/x',
      DeploymentBucketName: 'amplify-ctxapp-dev-1-deployment',
      AuthRoleName: 'amplify-ctxapp-dev-1-authRole',
      UnauthRoleName: 'amplify-ctxapp-dev-1-unauthRole',
      Region: 'eu-west-1',
    };
    const outputs = { ...stack, AmplifyAppId: 'd1ctxapp' };
    cfnMock.on(CreateStackCommand).resolves({ StackId: outputs.StackId });
    cfnMock.on(DescribeStackEventsCommand).resolves({ StackEvents: [] });
    cfnMock.on(DescribeStacksCommand).resolves({
      Stacks: [{ StackName: stack.StackName, CreationTime: new Date(), StackStatus: 'CREATE_COMPLETE', Outputs: Object.entries(stack).map(([OutputKey, OutputValue]) => ({ OutputKey, OutputValue })) }],
    });
    s3Mock.on(PutObjectCommand).resolves({});
    const ctx = context({
      inputParams: { yes: true, awscloudformation: { configLevel: 'project', useProfile: false, accessKeyId: 'AKIACTX', secretAccessKey: 'secret', region: 'eu-west-1' } },
      projectConfig: { projectName: 'ctxapp' },
      localEnvInfo: { envName: 'dev' },
      isNewEnv: true,
    });

    await plugin.init(ctx);
    const create = cfnMock.commandCalls(CreateStackCommand)[0].args[0].input;
    expect(create.StackName).toMatch(/^amplify-ctxapp-dev-\d{5,6}$/);
    expect(create.Capabilities).toEqual(['CAPABILITY_NAMED_IAM', 'CAPABILITY_AUTO_EXPAND']);
    expect(create.Parameters?.map((p) => p.ParameterKey)).toEqual(['DeploymentBucketName', 'AuthRoleName', 'UnauthRoleName']);
    // A project that exists already (no isNewProject) is tagged from its own tags.json, here none.
    expect(create.Tags).toBeUndefined();
    expect(await cfnMock.call(0).thisValue.config.region()).toBe('eu-west-1');
    expect(amplifyMock.commandCalls(CreateAppCommand)[0].args[0].input).toEqual({ name: 'ctxapp' });
    expect(amplifyMock.commandCalls(CreateBackendEnvironmentCommand)[0].args[0].input).toEqual({
      appId: 'd1ctxapp',
      environmentName: 'dev',
      stackName: stack.StackName,
      deploymentArtifacts: stack.DeploymentBucketName,
    });
    expect(ctx.exeInfo?.amplifyMeta?.providers?.awscloudformation).toEqual(outputs);
    expect(ctx.exeInfo?.teamProviderInfo?.dev.awscloudformation).toEqual(outputs);
    // Nothing is written into the project before the core's init has succeeded.
    expect(fs.existsSync(path.join(projectRoot, 'amplify', '.config', 'local-aws-info.json'))).toBe(false);

    await plugin.onInitSuccessful(ctx);
    const localAwsInfo = read<{ dev: { configLevel: string; useProfile: boolean; awsConfigFilePath: string } }>('amplify/.config/local-aws-info.json');
    expect(localAwsInfo.dev).toMatchObject({ configLevel: 'project', useProfile: false });
    expect(localAwsInfo.dev.awsConfigFilePath.startsWith(path.join(projectRoot, '.home', 'awscloudformation'))).toBe(true);
    expect(fs.statSync(localAwsInfo.dev.awsConfigFilePath).mode & 0o777).toBe(0o600);
    expect(JSON.stringify(read('amplify/.config/local-aws-info.json'))).not.toContain('secret');
    expect(read<{ dev: unknown }>('amplify/team-provider-info.json').dev).toEqual({ awscloudformation: outputs });
    expect(read<{ providers: unknown }>('amplify/backend/amplify-meta.json').providers).toEqual({ awscloudformation: outputs });
    expect(read<{ providers: unknown }>('amplify/#current-cloud-backend/amplify-meta.json').providers).toEqual({ awscloudformation: outputs });
    const uploaded = s3Mock.commandCalls(PutObjectCommand).map((c) => [c.args[0].input.Bucket, c.args[0].input.Key]);
    expect(uploaded).toContainEqual([outputs.DeploymentBucketName, '#current-cloud-backend.zip']);

    lines = [];
    await plugin.console(context({}));
    expect(lines).toEqual([`https://console.aws.amazon.com/cloudformation/home?region=eu-west-1#/stacks/stackinfo?stackId=${encodeURIComponent(outputs.StackId)}`]);
  });

  it("a new project's root stack gets the default tags init then writes to tags.json (they count as deployed)", async () => {
    const outputs = { StackName: 'amplify-newapp-dev-1', StackId: 'arn:aws:cloudformation:eu-west-1:1:stack/amplify-newapp-dev-1/x' };
    cfnMock.on(CreateStackCommand).resolves({ StackId: outputs.StackId });
    cfnMock.on(DescribeStackEventsCommand).resolves({ StackEvents: [] });
    cfnMock.on(DescribeStacksCommand).resolves({
      Stacks: [{ StackName: outputs.StackName, CreationTime: new Date(), StackStatus: 'CREATE_COMPLETE', Outputs: Object.entries(outputs).map(([OutputKey, OutputValue]) => ({ OutputKey, OutputValue })) }],
    });
    const ctx = context({
      inputParams: { yes: true, awscloudformation: { configLevel: 'project', useProfile: false, accessKeyId: 'AKIACTX', secretAccessKey: 'secret', region: 'eu-west-1' } },
      projectConfig: { projectName: 'newapp' },
      localEnvInfo: { envName: 'dev' },
      isNewEnv: true,
      isNewProject: true,
    });
    await plugin.init(ctx);
    expect(cfnMock.commandCalls(CreateStackCommand)[0].args[0].input.Tags).toEqual([
      { Key: 'user:Stack', Value: 'dev' },
      { Key: 'user:Application', Value: 'newapp' },
    ]);
  });

  it('fails at once naming --providers when there is nothing to use under --yes', async () => {
    const ctx = context({ inputParams: { yes: true }, projectConfig: { projectName: 'x' }, localEnvInfo: { envName: 'dev' }, isNewEnv: true });
    const saveEnv = { id: process.env.AWS_ACCESS_KEY_ID, creds: process.env.AWS_SHARED_CREDENTIALS_FILE, config: process.env.AWS_CONFIG_FILE };
    delete process.env.AWS_ACCESS_KEY_ID;
    process.env.AWS_SHARED_CREDENTIALS_FILE = path.join(projectRoot, 'none');
    process.env.AWS_CONFIG_FILE = path.join(projectRoot, 'none');
    try {
      await expect(plugin.init(ctx)).rejects.toMatchObject({ code: 'CredentialsNotFound', resolution: expect.stringContaining('--providers') });
    } finally {
      for (const [key, value] of [
        ['AWS_ACCESS_KEY_ID', saveEnv.id],
        ['AWS_SHARED_CREDENTIALS_FILE', saveEnv.creds],
        ['AWS_CONFIG_FILE', saveEnv.config],
      ] as const) {
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
      }
    }
    expect(cfnMock.commandCalls(CreateStackCommand)).toHaveLength(0);
  });
});

describe('configure and saveResourceParameters', () => {
  it('replaces the env credential choice from headless input and removes the old keys file', async () => {
    const keysFile = path.join(projectRoot, '.home', 'awscloudformation', 'oldkeys');
    fs.mkdirSync(path.dirname(keysFile), { recursive: true });
    fs.writeFileSync(keysFile, '{}');
    fs.writeFileSync(path.join(projectRoot, 'amplify/.config/local-aws-info.json'), JSON.stringify({ dev: { configLevel: 'project', useProfile: false, awsConfigFilePath: keysFile } }));
    await plugin.configure(context({ inputParams: { awscloudformation: { configLevel: 'general' } } }));
    expect(read('amplify/.config/local-aws-info.json')).toEqual({ dev: { configLevel: 'general' } });
    expect(fs.existsSync(keysFile)).toBe(false);
    // "amplify configure project" prints the success line itself, once.
    expect(lines).not.toContain('success: Successfully made configuration changes to your project.');
  });

  it('asks before removing the project level configuration, and keeps it when declined', async () => {
    fs.writeFileSync(path.join(projectRoot, 'amplify/.config/local-aws-info.json'), JSON.stringify({ dev: { configLevel: 'local' } }));
    await plugin.configure(context({}, ['remove', false]));
    expect(read('amplify/.config/local-aws-info.json')).toEqual({ dev: { configLevel: 'local' } });
    await plugin.configure(context({}, ['remove', true]));
    expect(read('amplify/.config/local-aws-info.json')).toEqual({ dev: { configLevel: 'general' } });
  });

  it('keeps env-specific parameters out of parameters.json', () => {
    plugin.saveResourceParameters(context({}), 'awscloudformation', 'auth', 'users', { poolName: 'users', googleClientId: 'g-123' }, ['googleClientId']);
    expect(read('amplify/backend/auth/users/parameters.json')).toEqual({ poolName: 'users' });
    expect(read('amplify/team-provider-info.json')).toEqual({ dev: { categories: { auth: { users: { googleClientId: 'g-123' } } } } });
    expect(plugin.loadResourceParameters(context({}), 'auth', 'users')).toEqual({ poolName: 'users', googleClientId: 'g-123' });
  });
});

describe('the project the core names', () => {
  it('is used instead of the working directory (exeInfo.localEnvInfo.projectPath)', () => {
    const elsewhere = fs.mkdtempSync(path.join(os.tmpdir(), 'provider-elsewhere-'));
    process.chdir(elsewhere);
    try {
      const ctx = context({ localEnvInfo: { envName: 'dev', projectPath: projectRoot } });
      plugin.saveResourceParameters(ctx, 'awscloudformation', 'storage', 'files', { bucketName: 'b', region: 'x' }, ['region']);
      expect(read('amplify/backend/storage/files/parameters.json')).toEqual({ bucketName: 'b' });
      expect(plugin.loadResourceParameters(ctx, 'storage', 'files')).toEqual({ bucketName: 'b', region: 'x' });
      expect(fs.readdirSync(elsewhere)).toEqual([]);
    } finally {
      process.chdir(projectRoot);
      fs.rmSync(elsewhere, { recursive: true, force: true });
    }
  });
});

describe('saveResourceParameters and the recorded code location', () => {
  it("replaces the category's env-specific values but keeps where the last push put the code", () => {
    fs.writeFileSync(
      path.join(projectRoot, 'amplify/team-provider-info.json'),
      JSON.stringify({ dev: { categories: { function: { hello: { GREETING: 'old', deploymentBucketName: 'bucket', s3Key: 'amplify-builds/hello-1-build.zip' } } } } }),
    );
    plugin.saveResourceParameters(context({}), 'awscloudformation', 'function', 'hello', { GREETING: 'new' }, ['GREETING']);
    expect(read<{ dev: { categories: unknown } }>('amplify/team-provider-info.json').dev.categories).toEqual({
      function: { hello: { GREETING: 'new', deploymentBucketName: 'bucket', s3Key: 'amplify-builds/hello-1-build.zip' } },
    });
  });
});

describe('executeAmplifyCommand', () => {
  it('rejects commands it does not have', async () => {
    await expect(plugin.executeAmplifyCommand(context({}, [], 'deploy'))).rejects.toMatchObject({ code: 'UnknownCommand' });
  });

  it('has a manifest that declares exactly these commands', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'amplify-plugin.json'), 'utf8'));
    expect(manifest).toMatchObject({ name: 'awscloudformation', type: 'provider', aliases: ['awscfn', 'aws'], commands: ['configure', 'console', 'reset-cache'], eventHandlers: [] });
    expect(Object.keys(manifest.commandHelp)).toEqual(manifest.commands);
    expect(validatePluginManifest(manifest)).toEqual({ valid: true, manifest });
  });
});

describe("the context's environment", () => {
  it('decides the region and the endpoint, whatever process.env says', async () => {
    fs.writeFileSync(path.join(projectRoot, 'amplify', '.config', 'local-aws-info.json'), '{"dev":{"configLevel":"general"}}');
    const keys = ['AWS_REGION', 'AWS_ENDPOINT_URL'] as const;
    const before = keys.map((key) => [key, process.env[key]] as const);
    Object.assign(process.env, { AWS_REGION: 'us-west-2', AWS_ENDPOINT_URL: 'http://process-env.example:1' });
    try {
      const env = { AWS_REGION: 'eu-north-1', AWS_ENDPOINT_URL: 'http://127.0.0.1:4566' };
      const factory = await plugin.getConfiguredAWSClient({ ...context(undefined), environment: { env, isInteractive: () => false, stdoutIsTTY: false } });
      try {
        expect(factory.region).toBe('eu-north-1');
        const endpoint = await factory.cloudFormationClient().config.endpoint?.();
        expect(`${endpoint?.hostname}:${endpoint?.port}`).toBe('127.0.0.1:4566');
        expect(factory.s3Client().config.forcePathStyle).toBe(true);
      } finally {
        factory.destroy();
      }
    } finally {
      for (const [key, value] of before) {
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
      }
    }
  });
});

describe('resolveAppBackend (pull --appId in a folder without a project)', () => {
  const keys = { configLevel: 'project', useProfile: false, accessKeyId: 'AKIAPULL', secretAccessKey: 'secret', region: 'eu-west-1' };
  const stack = { StackName: 'amplify-shop-dev-1', StackId: 'arn:aws:cloudformation:eu-west-1:1:stack/amplify-shop-dev-1/x', DeploymentBucketName: 'amplify-shop-dev-1-deployment', Region: 'eu-west-1' };

  beforeEach(() => {
    amplifyMock.on(GetAppCommand).resolves({ app: { appId: 'd1shop', name: 'shop' } as never });
    amplifyMock.on(GetBackendEnvironmentCommand).resolves({ backendEnvironment: { environmentName: 'dev', stackName: stack.StackName, deploymentArtifacts: stack.DeploymentBucketName } as never });
  });

  it("records the env's root stack outputs with the app id and this machine's credentials, and answers the env and project names", async () => {
    cfnMock.on(DescribeStacksCommand).resolves({
      Stacks: [{ StackName: stack.StackName, CreationTime: new Date(), StackStatus: 'UPDATE_COMPLETE', Outputs: Object.entries(stack).map(([OutputKey, OutputValue]) => ({ OutputKey, OutputValue })) }],
    });
    const ctx = context({ inputParams: { yes: true, awscloudformation: keys }, localEnvInfo: { envName: '', projectPath: projectRoot } });
    await expect(plugin.resolveAppBackend(ctx, { appId: 'd1shop', envName: 'dev' })).resolves.toEqual({ envName: 'dev', projectName: 'shop' });
    expect(read<{ dev: unknown }>('amplify/team-provider-info.json').dev).toEqual({ awscloudformation: { ...stack, AmplifyAppId: 'd1shop' } });
    expect(read<{ dev: { configLevel: string } }>('amplify/.config/local-aws-info.json').dev.configLevel).toBe('project');
  });

  it('names a root stack that is gone, and records nothing', async () => {
    cfnMock.on(DescribeStacksCommand).rejects(Object.assign(new Error(`Stack with id ${stack.StackName} does not exist`), { name: 'ValidationError' }));
    const ctx = context({ inputParams: { yes: true, awscloudformation: keys }, localEnvInfo: { envName: '', projectPath: projectRoot } });
    await expect(plugin.resolveAppBackend(ctx, { appId: 'd1shop', envName: 'dev' })).rejects.toMatchObject({ code: 'StackNotFound', message: expect.stringContaining(stack.StackName) });
    expect(fs.existsSync(path.join(projectRoot, 'amplify', 'team-provider-info.json'))).toBe(false);
  });
});
