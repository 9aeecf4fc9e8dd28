import { CloudFormationClient, DescribeStackResourcesCommand, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { AppSandbox } from 'amplify-test-support';

/**
 * An S3 bucket whose trigger is a function of the project (built by amplify-category-function): the bucket stack
 * receives the function's outputs, grants S3 the right to invoke it, and the trigger question only appears then.
 */
jest.setTimeout(180_000);

type Meta = Record<string, Record<string, { service?: string; dependsOn?: unknown[] }>>;

describe('S3 trigger (built binary, local cloud)', () => {
  let sandbox: AppSandbox;

  beforeAll(async () => {
    sandbox = await AppSandbox.start('pics');
    expect((await sandbox.init()).exitCode).toBe(0);
  });

  afterAll(async () => {
    await sandbox?.close();
  });

  test('a bucket triggering an existing function deploys with the function wired in', async () => {
    const fn = await sandbox.run(['add', 'function', '--headless'], JSON.stringify({ version: 1, functionName: 'resize', template: 'hello-world' }));
    expect(fn.stderr).toBe('');
    expect(fn.exitCode).toBe(0);
    expect((await sandbox.run(['add', 'auth', '--yes'])).exitCode).toBe(0);
    const missing = await sandbox.run(['add', 'storage', '--headless'], JSON.stringify({ version: 1, serviceConfiguration: { serviceName: 'S3', permissions: { auth: ['READ'] }, lambdaTrigger: { mode: 'existing', name: 'nothere' } } }));
    expect(missing.exitCode).not.toBe(0);
    expect(missing.stderr).toContain('lambdaTrigger.name');
    const add = await sandbox.run(
      ['add', 'storage', '--headless'],
      JSON.stringify({ version: 1, serviceConfiguration: { serviceName: 'S3', resourceName: 'pictures', permissions: { auth: ['CREATE_AND_UPDATE', 'READ'] }, lambdaTrigger: { mode: 'existing', name: 'resize' } } }),
    );
    expect(add.stderr).toBe('');
    expect(add.exitCode).toBe(0);
    expect(sandbox.readJson<Meta>('amplify/backend/amplify-meta.json').storage.pictures.dependsOn).toEqual([
      { category: 'function', resourceName: 'resize', attributes: ['Name', 'Arn', 'LambdaExecutionRole'] },
    ]);

    const push = await sandbox.run(['push', '--yes']);
    expect(push.stderr).toBe('');
    expect(push.exitCode).toBe(0);
    const cfn = new CloudFormationClient({
      endpoint: sandbox.cloud.endpoint,
      region: 'us-east-1',
      credentials: { accessKeyId: sandbox.env.AWS_ACCESS_KEY_ID!, secretAccessKey: sandbox.env.AWS_SECRET_ACCESS_KEY! },
    });
    const rootName = sandbox.readJson<{ providers: { awscloudformation: { StackName: string } } }>('amplify/backend/amplify-meta.json').providers.awscloudformation.StackName;
    const stack = (await cfn.send(new DescribeStacksCommand({}))).Stacks!.find((s) => s.StackName!.startsWith(`${rootName}-storagepictures-`))!;
    const functionOutputs = sandbox.readJson<Record<string, Record<string, { output: Record<string, string> }>>>('amplify/backend/amplify-meta.json').function.resize.output;
    expect(stack.Parameters?.find((p) => p.ParameterKey === 'functionresizeArn')?.ParameterValue).toBe(functionOutputs.Arn);
    const resources = await cfn.send(new DescribeStackResourcesCommand({ StackName: stack.StackId }));
    expect(resources.StackResources?.map((r) => r.LogicalResourceId)).toEqual(expect.arrayContaining(['S3Bucket', 'TriggerPermissions', 'S3TriggerBucketPolicy']));
  });
});
