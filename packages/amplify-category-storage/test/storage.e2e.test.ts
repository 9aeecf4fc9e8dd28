import { CloudFormationClient, DescribeStackResourcesCommand, DescribeStacksCommand, ListStacksCommand } from '@aws-sdk/client-cloudformation';
import { HeadBucketCommand, S3Client } from '@aws-sdk/client-s3';
import * as fs from 'fs';
import * as path from 'path';
import { AppSandbox } from 'amplify-test-support';

/**
 * Storage end to end on the built binary against a local cloud: S3 add under --yes (which adds the default auth
 * first), a DynamoDB table added headless, push, aws-exports keys equal to the deployed outputs, a headless S3
 * update that redeploys only the bucket's stack, remove and push. Steps run in order.
 */
jest.setTimeout(180_000);

type Meta = Record<string, Record<string, { service?: string; output?: Record<string, string>; dependsOn?: unknown[] }>>;

const tableRequest = {
  version: 1,
  serviceConfiguration: {
    serviceName: 'DynamoDB',
    resourceName: 'orders',
    columns: [
      { name: 'id', type: 'string' },
      { name: 'customerId', type: 'string' },
      { name: 'createdAt', type: 'number' },
    ],
    partitionKey: 'id',
    sortKey: 'createdAt',
    gsi: [{ name: 'byCustomer', partitionKey: 'customerId', sortKey: 'createdAt' }],
  },
};

describe('storage (built binary, local cloud)', () => {
  let sandbox: AppSandbox;
  const meta = (): Meta => sandbox.readJson<Meta>('amplify/backend/amplify-meta.json');
  const clientConfig = () => ({
    endpoint: sandbox.cloud.endpoint,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: { accessKeyId: sandbox.env.AWS_ACCESS_KEY_ID!, secretAccessKey: sandbox.env.AWS_SECRET_ACCESS_KEY! },
  });
  const nestedStacks = async (): Promise<Record<string, Date | undefined>> => {
    const rootName = sandbox.readJson<{ providers: { awscloudformation: { StackName: string } } }>('amplify/backend/amplify-meta.json').providers.awscloudformation.StackName;
    const listed = await new CloudFormationClient(clientConfig()).send(new ListStacksCommand({}));
    const result: Record<string, Date | undefined> = {};
    for (const stack of listed.StackSummaries ?? []) {
      if (stack.StackStatus === 'DELETE_COMPLETE' || !stack.StackName?.startsWith(`${rootName}-`)) continue;
      result[stack.StackName.slice(rootName.length + 1).replace(/-[A-Z0-9]+$/, '')] = stack.LastUpdatedTime ?? stack.CreationTime;
    }
    return result;
  };
  const s3Name = (): string => Object.entries(meta().storage).find(([, entry]) => entry.service === 'S3')![0];

  beforeAll(async () => {
    sandbox = await AppSandbox.start('store');
    expect((await sandbox.init()).exitCode).toBe(0);
  });

  afterAll(async () => {
    await sandbox?.close();
  });

  test('headless S3 add without auth fails naming the way out', async () => {
    const request = { version: 1, serviceConfiguration: { serviceName: 'S3', permissions: { auth: ['READ'] } } };
    const result = await sandbox.run(['add', 'storage', '--headless'], JSON.stringify(request));
    expect(result.exitCode).not.toBe(0);
    expect(result.stderr).toContain('amplify add auth');
  });

  test('S3 add under --yes adds the default auth first, then the bucket resource', async () => {
    const result = await sandbox.run(['add', 'storage', '--yes']);
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
    expect(Object.values(meta().auth).map((entry) => entry.service)).toEqual(['Cognito']);
    const name = s3Name();
    expect(name).toMatch(/^s3[0-9a-f]{8}$/);
    const dir = path.join(sandbox.app, 'amplify', 'backend', 'storage', name);
    expect(sandbox.readJson(`amplify/backend/storage/${name}/cli-inputs.json`)).toMatchObject({ storageAccess: 'auth', authAccess: ['CREATE_AND_UPDATE', 'READ', 'DELETE'], triggerFunction: 'NONE' });
    expect(fs.existsSync(path.join(dir, 'build', 'cloudformation-template.json'))).toBe(true);
    const again = await sandbox.run(['add', 'storage', '--yes']);
    expect(again.exitCode).not.toBe(0);
    expect(again.stderr).toContain('update storage');
  });

  test('a DynamoDB table is added headless; a bad key names the field', async () => {
    const bad = { ...tableRequest, serviceConfiguration: { ...tableRequest.serviceConfiguration, partitionKey: 'nope' } };
    const refused = await sandbox.run(['add', 'storage', '--headless'], JSON.stringify(bad));
    expect(refused.exitCode).not.toBe(0);
    expect(refused.stderr).toContain('serviceConfiguration.partitionKey');
    const result = await sandbox.run(['add', 'storage', '--headless'], JSON.stringify(tableRequest));
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
    expect(meta().storage.orders.service).toBe('DynamoDB');
  });

  test('push deploys auth, bucket and table; aws-exports carries their outputs', async () => {
    const push = await sandbox.run(['push', '--yes']);
    expect(push.stderr).toBe('');
    expect(push.exitCode).toBe(0);
    const bucket = meta().storage[s3Name()].output!;
    const table = meta().storage.orders.output!;
    const auth = Object.values(meta().auth)[0].output!;
    expect(bucket.BucketName).toMatch(/^store[0-9a-f]+-dev$/);
    expect(table).toMatchObject({ Name: 'orders-dev', PartitionKeyName: 'id', PartitionKeyType: 'S', SortKeyName: 'createdAt', SortKeyType: 'N', Region: 'us-east-1' });
    expect(table.StreamArn).toContain('/stream/');
    expect(sandbox.awsExports()).toMatchObject({
      aws_user_pools_id: auth.UserPoolId,
      aws_cognito_identity_pool_id: auth.IdentityPoolId,
      aws_user_files_s3_bucket: bucket.BucketName,
      aws_user_files_s3_bucket_region: 'us-east-1',
      aws_dynamodb_all_tables_region: 'us-east-1',
      aws_dynamodb_table_schemas: [{ tableName: 'orders-dev', region: 'us-east-1' }],
    });
    await expect(new S3Client(clientConfig()).send(new HeadBucketCommand({ Bucket: bucket.BucketName }))).resolves.toBeDefined();
    const amplifyJs = sandbox.amplifyJsConfig();
    expect(amplifyJs.Auth?.Cognito).toMatchObject({ userPoolId: auth.UserPoolId, userPoolClientId: auth.AppClientIDWeb, identityPoolId: auth.IdentityPoolId });
    expect(amplifyJs.Storage?.S3).toMatchObject({ bucket: bucket.BucketName, region: 'us-east-1' });
  });

  test('the bucket policies reach the root stack roles by name (resolved by the root stack, not passed as text)', async () => {
    const cfn = new CloudFormationClient(clientConfig());
    const providers = sandbox.readJson<{ providers: { awscloudformation: { StackName: string; AuthRoleName: string; UnauthRoleName: string } } }>('amplify/backend/amplify-meta.json').providers.awscloudformation;
    const stacks = await cfn.send(new DescribeStacksCommand({}));
    const storageStack = stacks.Stacks!.find((stack) => stack.StackName!.startsWith(`${providers.StackName}-storage${s3Name()}-`))!;
    const parameter = (key: string): string | undefined => storageStack.Parameters?.find((p) => p.ParameterKey === key)?.ParameterValue;
    expect(parameter('authRoleName')).toBe(providers.AuthRoleName);
    expect(parameter('unauthRoleName')).toBe(providers.UnauthRoleName);
  });

  test('a headless S3 update redeploys only the bucket stack', async () => {
    const before = await nestedStacks();
    const name = s3Name();
    const update = { version: 1, serviceModification: { serviceName: 'S3', resourceName: name, permissions: { auth: ['READ'] } } };
    const result = await sandbox.run(['update', 'storage', '--headless'], JSON.stringify(update));
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
    expect(sandbox.readJson(`amplify/backend/storage/${name}/build/parameters.json`)).toMatchObject({ s3PermissionsAuthenticatedPublic: 's3:GetObject', s3PermissionsAuthenticatedUploads: 'DISALLOW' });
    const push = await sandbox.run(['push', '--yes']);
    expect(push.exitCode).toBe(0);
    const after = await nestedStacks();
    expect(after[`storage${name}`]?.getTime()).not.toEqual(before[`storage${name}`]?.getTime());
    expect(after.storageorders?.getTime()).toEqual(before.storageorders?.getTime());
    const authStack = Object.keys(after).find((id) => id.startsWith('auth'))!;
    expect(after[authStack]?.getTime()).toEqual(before[authStack]?.getTime());
  });

  test('a headless DynamoDB update adds an index and redeploys only the table stack', async () => {
    const before = await nestedStacks();
    const update = { version: 1, serviceModification: { serviceName: 'DynamoDB', resourceName: 'orders', columns: [{ name: 'status', type: 'string' }], gsi: [{ name: 'byCustomer', partitionKey: 'customerId', sortKey: 'createdAt' }, { name: 'byStatus', partitionKey: 'status' }] } };
    const result = await sandbox.run(['update', 'storage', '--headless'], JSON.stringify(update));
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
    const push = await sandbox.run(['push', '--yes']);
    expect(push.exitCode).toBe(0);
    const after = await nestedStacks();
    expect(after.storageorders?.getTime()).not.toEqual(before.storageorders?.getTime());
    expect(after[`storage${s3Name()}`]?.getTime()).toEqual(before[`storage${s3Name()}`]?.getTime());
  });

  test('a user pool group gets its own access to the bucket through its group role', async () => {
    const groups = { version: 2, serviceModification: { serviceName: 'Cognito', includeIdentityPool: true, userPoolModification: { userPoolGroups: [{ groupName: 'Editors' }] } } };
    const auth = await sandbox.run(['update', 'auth', '--headless'], JSON.stringify(groups));
    expect(auth.stderr).toBe('');
    expect(auth.exitCode).toBe(0);
    const name = s3Name();
    const update = { version: 1, serviceModification: { serviceName: 'S3', resourceName: name, permissions: { auth: ['READ'], groups: { Editors: ['CREATE_AND_UPDATE', 'READ', 'DELETE'] } } } };
    const result = await sandbox.run(['update', 'storage', '--headless'], JSON.stringify(update));
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
    const authName = Object.keys(meta().auth).find((n) => n !== 'userPoolGroups')!;
    expect(meta().storage[name].dependsOn).toEqual([
      { category: 'auth', resourceName: authName, attributes: ['UserPoolId'] },
      { category: 'auth', resourceName: 'userPoolGroups', attributes: ['EditorsGroupRole'] },
    ]);
    const push = await sandbox.run(['push', '--yes']);
    expect(push.stderr).toBe('');
    expect(push.exitCode).toBe(0);
    const cfn = new CloudFormationClient(clientConfig());
    const rootName = sandbox.readJson<{ providers: { awscloudformation: { StackName: string } } }>('amplify/backend/amplify-meta.json').providers.awscloudformation.StackName;
    const stack = (await cfn.send(new DescribeStacksCommand({}))).Stacks!.find((s) => s.StackName!.startsWith(`${rootName}-storage${name}-`))!;
    const resources = await cfn.send(new DescribeStackResourcesCommand({ StackName: stack.StackId }));
    expect(resources.StackResources?.find((r) => r.LogicalResourceId === 'EditorsGroupPolicy')?.ResourceStatus).toMatch(/COMPLETE$/);
    expect(stack.Parameters?.find((p) => p.ParameterKey === 'authuserPoolGroupsEditorsGroupRole')?.ParameterValue).toBe(meta().auth.userPoolGroups.output!.EditorsGroupRole);
  });

  test('removing the table and pushing deletes its stack and its aws-exports entry', async () => {
    expect((await sandbox.run(['remove', 'storage', 'orders', '--yes'])).exitCode).toBe(0);
    const push = await sandbox.run(['push', '--yes']);
    expect(push.exitCode).toBe(0);
    expect(meta().storage.orders).toBeUndefined();
    expect(Object.keys(await nestedStacks())).not.toContain('storageorders');
    expect(sandbox.awsExports()).not.toHaveProperty('aws_dynamodb_table_schemas');
    expect(sandbox.awsExports()).toHaveProperty('aws_user_files_s3_bucket');
  });

  test('removing the bucket resource and pushing deletes its stack but retains the bucket, as the original does', async () => {
    const name = s3Name();
    const bucket = meta().storage[name].output!.BucketName;
    expect((await sandbox.run(['remove', 'storage', name, '--yes'])).exitCode).toBe(0);
    const push = await sandbox.run(['push', '--yes']);
    expect(push.exitCode).toBe(0);
    expect(meta().storage ?? {}).toEqual({});
    expect(Object.keys(await nestedStacks()).filter((id) => id.startsWith('storage'))).toEqual([]);
    expect(sandbox.awsExports()).not.toHaveProperty('aws_user_files_s3_bucket');
    await expect(new S3Client(clientConfig()).send(new HeadBucketCommand({ Bucket: bucket }))).resolves.toBeDefined();
  });
});
