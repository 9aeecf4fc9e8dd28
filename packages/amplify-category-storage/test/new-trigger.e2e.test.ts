import { CloudFormationClient, DescribeStackResourcesCommand, DescribeStacksCommand, GetTemplateCommand, type Stack } from '@aws-sdk/client-cloudformation';
import { AppSandbox } from 'amplify-test-support';

/**
 * Question 7 answered "new function", headless: a bucket and a table each get a trigger function made by the
 * function category, and one push deploys the four stacks with the bucket notification and the stream mapping.
 */
jest.setTimeout(240_000);

type Meta = Record<string, Record<string, { service?: string; dependsOn?: unknown[]; output?: Record<string, string> }>> & {
  providers: { awscloudformation: { StackName: string } };
};

describe('new trigger functions from the storage walkthroughs (built binary, local cloud)', () => {
  let sandbox: AppSandbox;
  let cfn: CloudFormationClient;

  beforeAll(async () => {
    sandbox = await AppSandbox.start('uploads');
    expect((await sandbox.init()).exitCode).toBe(0);
    cfn = new CloudFormationClient({
      endpoint: sandbox.cloud.endpoint,
      region: 'us-east-1',
      credentials: { accessKeyId: sandbox.env.AWS_ACCESS_KEY_ID!, secretAccessKey: sandbox.env.AWS_SECRET_ACCESS_KEY! },
    });
  });

  afterAll(async () => {
    cfn?.destroy();
    await sandbox?.close();
  });

  const meta = (): Meta => sandbox.readJson<Meta>('amplify/backend/amplify-meta.json');
  const nestedStack = async (logicalName: string): Promise<Stack> => {
    const stacks = (await cfn.send(new DescribeStacksCommand({}))).Stacks ?? [];
    const stack = stacks.find((s) => s.StackName!.startsWith(`${meta().providers.awscloudformation.StackName}-${logicalName}-`));
    if (!stack) throw new Error(`no deployed stack for ${logicalName}`);
    return stack;
  };
  const resourcesOf = async (stack: Stack): Promise<string[]> =>
    ((await cfn.send(new DescribeStackResourcesCommand({ StackName: stack.StackId }))).StackResources ?? []).map((r) => r.LogicalResourceId!);
  const parameter = (stack: Stack, key: string): string | undefined => stack.Parameters?.find((p) => p.ParameterKey === key)?.ParameterValue;

  test('S3 with a new trigger and a table with a new trigger, headless, deploy wired together', async () => {
    expect((await sandbox.run(['add', 'auth', '--yes'])).exitCode).toBe(0);
    const s3 = await sandbox.run(
      ['add', 'storage', '--headless'],
      JSON.stringify({ version: 1, serviceConfiguration: { serviceName: 'S3', resourceName: 'photos', permissions: { auth: ['CREATE_AND_UPDATE', 'READ'] }, lambdaTrigger: { mode: 'new' } } }),
    );
    expect(s3.stderr).toBe('');
    expect(s3.exitCode).toBe(0);
    const s3Trigger = Object.keys(meta().function).find((name) => name.startsWith('S3Trigger'))!;
    expect(s3Trigger).toMatch(/^S3Trigger[a-z0-9]{8}$/);
    expect(meta().storage.photos.dependsOn).toEqual([{ category: 'function', resourceName: s3Trigger, attributes: ['Name', 'Arn', 'LambdaExecutionRole'] }]);

    const table = await sandbox.run(
      ['add', 'storage', '--headless'],
      JSON.stringify({
        version: 1,
        serviceConfiguration: { serviceName: 'DynamoDB', resourceName: 'orders', columns: [{ name: 'id', type: 'string' }], partitionKey: 'id', lambdaTrigger: { mode: 'new', name: 'onOrder' } },
      }),
    );
    expect(table.stderr).toBe('');
    expect(table.exitCode).toBe(0);
    expect(sandbox.readJson('amplify/backend/storage/orders/cli-inputs.json')).toMatchObject({ triggerFunctions: ['onOrder'] });
    expect(meta().function.onOrder.dependsOn).toEqual([{ category: 'storage', resourceName: 'orders', attributes: ['Name', 'Arn', 'StreamArn'] }]);

    const push = await sandbox.run(['push', '--yes']);
    expect(push.stderr).toBe('');
    expect(push.exitCode).toBe(0);
    const deployed = meta();

    // The bucket notifies the new function, which S3 may invoke.
    const bucketStack = await nestedStack('storagephotos');
    expect(parameter(bucketStack, `function${s3Trigger}Arn`)).toBe(deployed.function[s3Trigger].output!.Arn);
    expect(await resourcesOf(bucketStack)).toEqual(expect.arrayContaining(['S3Bucket', 'TriggerPermissions', 'S3TriggerBucketPolicy']));
    const bucketTemplate = JSON.parse((await cfn.send(new GetTemplateCommand({ StackName: bucketStack.StackId }))).TemplateBody!);
    expect(bucketTemplate.Resources.S3Bucket.Properties.NotificationConfiguration.LambdaConfigurations).toEqual(
      expect.arrayContaining([expect.objectContaining({ Event: 's3:ObjectCreated:*', Function: { Ref: `function${s3Trigger}Arn` } })]),
    );

    // The table streams old and new images into the new function through its event source mapping.
    const tableTemplate = JSON.parse((await cfn.send(new GetTemplateCommand({ StackName: (await nestedStack('storageorders')).StackId }))).TemplateBody!);
    expect(tableTemplate.Resources.DynamoDBTable.Properties.StreamSpecification).toEqual({ StreamViewType: 'NEW_AND_OLD_IMAGES' });
    const functionStack = await nestedStack('functiononOrder');
    expect(parameter(functionStack, 'storageordersStreamArn')).toBe(deployed.storage.orders.output!.StreamArn);
    expect(await resourcesOf(functionStack)).toEqual(expect.arrayContaining(['LambdaFunction', 'LambdaTriggerPolicyorders', 'LambdaEventSourceMappingorders']));
  });

  test('the new S3 trigger function runs locally on its sample notification', async () => {
    const s3Trigger = Object.keys(meta().function).find((name) => name.startsWith('S3Trigger'))!;
    const invoke = await sandbox.run(['function', 'invoke', s3Trigger]);
    expect(invoke.exitCode).toBe(0);
    expect(invoke.stdout).toContain('ObjectCreated:Put: s3://example-bucket/public/my photo.jpg');
    expect(invoke.stdout).toContain('Successfully processed 1 records.');
  });

  test('an existing function of the project becomes a second trigger of the table (wired by the function category); an unknown one is refused', async () => {
    const s3Trigger = Object.keys(meta().function).find((name) => name.startsWith('S3Trigger'))!;
    const update = (name: string) =>
      sandbox.run(['update', 'storage', '--headless'], JSON.stringify({ version: 1, serviceModification: { serviceName: 'DynamoDB', resourceName: 'orders', lambdaTrigger: { mode: 'existing', name } } }));
    const unknown = await update('nothere');
    expect(unknown.exitCode).not.toBe(0);
    expect(unknown.stderr).toContain('lambdaTrigger.name: "nothere" is not a function of this project');
    const wired = await update(s3Trigger);
    expect(wired.stderr).toBe('');
    expect(wired.exitCode).toBe(0);
    expect(sandbox.readJson('amplify/backend/storage/orders/cli-inputs.json')).toMatchObject({ triggerFunctions: ['onOrder', s3Trigger] });
    expect(meta().function[s3Trigger].dependsOn).toEqual([{ category: 'storage', resourceName: 'orders', attributes: ['Name', 'Arn', 'StreamArn'] }]);

    const push = await sandbox.run(['push', '--yes']);
    expect(push.stderr).toBe('');
    expect(push.exitCode).toBe(0);
    const functionStack = await nestedStack(`function${s3Trigger}`);
    expect(parameter(functionStack, 'storageordersStreamArn')).toBe(meta().storage.orders.output!.StreamArn);
    expect(await resourcesOf(functionStack)).toEqual(expect.arrayContaining(['LambdaEventSourceMappingorders']));
  });
});
