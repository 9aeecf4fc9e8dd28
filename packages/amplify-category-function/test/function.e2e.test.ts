import * as fs from 'fs';
import { CloudFormationClient, DescribeStackResourcesCommand } from '@aws-sdk/client-cloudformation';
import * as path from 'path';
import { AmplifySandbox, readJson } from 'amplify-test-support';

/**
 * The function category on the built binary against a local cloud started here: add with --yes, local invoke,
 * push, update and push, remove and push. The steps share one project and run in order.
 */
jest.setTimeout(180_000);

interface FunctionMeta {
  build?: boolean;
  service?: string;
  providerPlugin?: string;
  dependsOn?: unknown[];
  output?: Record<string, string>;
}

describe('amplify function (built binary, local cloud)', () => {
  let sandbox: AmplifySandbox;
  let app: string;
  let functionName: string;
  const meta = (): { function?: Record<string, FunctionMeta> } => readJson(path.join(app, 'amplify', 'backend', 'amplify-meta.json'));
  const functionDir = (): string => path.join(app, 'amplify', 'backend', 'function', functionName);
  const run = (...args: string[]) => sandbox.run(app, args);

  /** Logical id -> physical id of a stack's resources, read from the local cloud. */
  async function stackResources(stackName: string): Promise<Record<string, string>> {
    const cfn = new CloudFormationClient(sandbox.sdkConfig);
    try {
      const { StackResources = [] } = await cfn.send(new DescribeStackResourcesCommand({ StackName: stackName }));
      return Object.fromEntries(StackResources.map((r) => [r.LogicalResourceId!, r.PhysicalResourceId!]));
    } finally {
      cfn.destroy();
    }
  }
  const rootStackName = (): string =>
    readJson<{ providers: { awscloudformation: { StackName: string } } }>(path.join(app, 'amplify', 'backend', 'amplify-meta.json')).providers.awscloudformation.StackName;

  beforeAll(async () => {
    // The SDK clients of this test process would warn about the Node.js version on every run.
    process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
    sandbox = await AmplifySandbox.start();
    app = sandbox.createApp('fnapp');
    const init = await sandbox.init(app);
    expect(init.stderr).toBe('');
    expect(init.exitCode).toBe(0);
  });

  afterAll(async () => {
    await sandbox?.close();
  });

  test('without a TTY and without --yes, add fails at once naming the flag', async () => {
    const result = await run('function', 'add');
    expect(result.exitCode).not.toBe(0);
    expect(result.stderr).toMatch(/--headless functionName|--yes/);
    expect(meta().function).toBeUndefined();
  });

  test('add --yes writes a hello world function with the generated name', async () => {
    const result = await run('add', 'function', '--yes');
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
    const functions = meta().function ?? {};
    expect(Object.keys(functions)).toHaveLength(1);
    functionName = Object.keys(functions)[0];
    expect(functionName).toMatch(/^fnapp[a-z0-9]{8}$/);
    expect(functions[functionName]).toEqual({ build: true, providerPlugin: 'awscloudformation', service: 'Lambda', dependsOn: [] });
    for (const file of [`${functionName}-cloudformation-template.json`, 'function-parameters.json', 'parameters.json', 'amplify.state', 'src/index.js', 'src/package.json', 'src/event.json']) {
      expect(fs.existsSync(path.join(functionDir(), file))).toBe(true);
    }
    expect(result.stdout).toContain(`Successfully added resource ${functionName} locally.`);
  });

  test('invoke runs the handler locally with src/event.json and prints its result', async () => {
    const result = await run('function', 'invoke', functionName);
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('EVENT: {"key1":"value1","key2":"value2","key3":"value3"}');
    expect(result.stdout).toContain('"body": "\\"Hello from Lambda!\\""');
    expect(result.stdout).toContain('"statusCode": 200');
  });

  test('invoke of a handler that throws fails with its message', async () => {
    const source = path.join(functionDir(), 'src', 'index.js');
    const original = fs.readFileSync(source, 'utf8');
    try {
      fs.writeFileSync(source, "exports.handler = async (event) => { throw new TypeError('no ' + event.key1); };\n");
      const result = await run('function', 'invoke', functionName);
      expect(result.exitCode).not.toBe(0);
      expect(result.stderr.split('\n')[0]).toContain(`Function ${functionName} failed: TypeError: no value1`);
    } finally {
      fs.writeFileSync(source, original);
    }
  });

  test('invoke --event takes another event file', async () => {
    fs.writeFileSync(path.join(app, 'other-event.json'), JSON.stringify({ hello: 'there' }));
    const result = await run('function', 'invoke', functionName, '--event', 'other-event.json');
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('EVENT: {"hello":"there"}');
  });

  test('push deploys the function; meta records its outputs', async () => {
    const result = await run('push', '--yes');
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
    const output = meta().function?.[functionName].output ?? {};
    expect(output.Name).toBe(`${functionName}-dev`);
    expect(output.Arn).toMatch(new RegExp(`^arn:aws:lambda:us-east-1:\\d{12}:function:${functionName}-dev$`));
    expect(output.Region).toBe('us-east-1');
    expect(output.LambdaExecutionRole).toMatch(/^fnappLambdaRole[a-z0-9]{8}-dev$/);
    expect(output.LambdaExecutionRoleArn).toContain(':role/');
    const nestedStackId = (await stackResources(rootStackName()))[`function${functionName}`];
    expect(nestedStackId).toBeDefined();
    const nested = await stackResources(nestedStackId);
    expect(nested.LambdaFunction).toBe(`${functionName}-dev`);
    expect(Object.keys(nested).sort()).toEqual(['LambdaExecutionRole', 'LambdaFunction', 'lambdaexecutionpolicy']);
  });

  test('update --headless sets an environment variable and a schedule; function push deploys them', async () => {
    const update = await sandbox.run(
      app,
      ['update', 'function', '--headless'],
      JSON.stringify({ version: 1, functionName, environmentVariables: { GREETING: 'hi' }, schedule: 'rate(5 minutes)' }),
    );
    expect(update.stderr).toBe('');
    expect(update.exitCode).toBe(0);
    const template = readJson<{ Parameters: Record<string, unknown>; Resources: { LambdaFunction: { Properties: { Environment: { Variables: Record<string, unknown> } } } } }>(
      path.join(functionDir(), `${functionName}-cloudformation-template.json`),
    );
    expect(template.Parameters.greeting).toEqual({ Type: 'String' });
    expect(template.Resources.LambdaFunction.Properties.Environment.Variables.GREETING).toEqual({ Ref: 'greeting' });
    const teamProviderInfo = readJson<Record<string, { categories?: Record<string, Record<string, Record<string, string>>> }>>(path.join(app, 'amplify', 'team-provider-info.json'));
    expect(teamProviderInfo.dev.categories?.function[functionName].greeting).toBe('hi');

    const status = await run('status');
    expect(status.stdout).toMatch(new RegExp(`Function\\s*\\|\\s*${functionName}\\s*\\|\\s*Update`));
    const push = await run('function', 'push', '--yes');
    expect(push.stderr).toBe('');
    expect(push.exitCode).toBe(0);
    expect((await run('status')).stdout).toMatch(new RegExp(`Function\\s*\\|\\s*${functionName}\\s*\\|\\s*No Change`));
    const nested = await stackResources((await stackResources(rootStackName()))[`function${functionName}`]);
    expect(Object.keys(nested).sort()).toEqual(['CloudWatchEvent', 'LambdaExecutionRole', 'LambdaFunction', 'PermissionForEventsToInvokeLambda', 'lambdaexecutionpolicy']);
    expect(meta().function?.[functionName].output?.CloudWatchEventRule).toBe(nested.CloudWatchEvent);
  });

  test('build packages the function without deploying; console prints its Lambda console page', async () => {
    const build = await run('function', 'build', functionName);
    expect(build.stderr).toBe('');
    expect(build.exitCode).toBe(0);
    expect(build.stdout).toMatch(new RegExp(`Built function ${functionName}: ${functionName}-[0-9a-f]+-build\\.zip`));
    const entry = meta().function?.[functionName] as FunctionMeta & { lastBuildTimeStamp?: string; distZipFilename?: string };
    expect(entry.lastBuildTimeStamp).toBeDefined();
    expect(fs.existsSync(path.join(functionDir(), 'dist', entry.distZipFilename!))).toBe(true);

    const consoleRun = await run('function', 'console', functionName);
    expect(consoleRun.exitCode).toBe(0);
    expect(consoleRun.stdout).toContain(`https://us-east-1.console.aws.amazon.com/lambda/home?region=us-east-1#/functions/${functionName}-dev`);
  });

  test('a bad headless payload names the field', async () => {
    const result = await sandbox.run(app, ['add', 'function', '--headless'], JSON.stringify({ version: 1, template: 'cron' }));
    expect(result.exitCode).not.toBe(0);
    expect(result.stderr.split('\n')[0]).toContain('template must be one of "hello-world", "crud", "serverless"');
  });

  test('remove --yes, then push deletes the function from the cloud', async () => {
    const removed = await run('function', 'remove', functionName, '--yes');
    expect(removed.stderr).toBe('');
    expect(removed.exitCode).toBe(0);
    expect(fs.existsSync(functionDir())).toBe(false);
    const push = await run('push', '--yes');
    expect(push.stderr).toBe('');
    expect(push.exitCode).toBe(0);
    expect(meta().function?.[functionName]).toBeUndefined();
    expect((await stackResources(rootStackName()))[`function${functionName}`]).toBeUndefined();
  });
});
