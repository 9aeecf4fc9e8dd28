import { CreateStackCommand, UpdateStackCommand } from '@aws-sdk/client-cloudformation';
import {
  AddLayerVersionPermissionCommand,
  DeleteLayerVersionCommand,
  GetLayerVersionByArnCommand,
  GetLayerVersionCommand,
  GetLayerVersionPolicyCommand,
  LambdaClient,
  ListLayerVersionsCommand,
  ListLayersCommand,
  PublishLayerVersionCommand,
  RemoveLayerVersionPermissionCommand,
  ResourceConflictException,
  ResourceNotFoundException,
} from '@aws-sdk/client-lambda';
import { strToU8, zipSync } from 'fflate';
import { useCfnTestCloud } from '../../cloudformation/__tests__/helpers/cfn-test-cloud';

const cloud = useCfnTestCloud({ buckets: ['code'] });
let lambda: LambdaClient;

/** A layer stack as the function category writes it: the version replaced on new content, the old one retained. */
function layerTemplate(key: string) {
  return {
    Parameters: { runtimes: { Type: 'List<String>', Default: 'nodejs22.x' } },
    Resources: {
      Version: {
        Type: 'AWS::Lambda::LayerVersion',
        DeletionPolicy: 'Delete',
        UpdateReplacePolicy: 'Retain',
        Properties: { LayerName: 'tools', CompatibleRuntimes: { Ref: 'runtimes' }, Description: 'shared tools', Content: { S3Bucket: 'code', S3Key: key } },
      },
      Private: { Type: 'AWS::Lambda::LayerVersionPermission', Properties: { Action: 'lambda:GetLayerVersion', LayerVersionArn: { Ref: 'Version' }, Principal: { Ref: 'AWS::AccountId' } } },
      Org: {
        Type: 'AWS::Lambda::LayerVersionPermission',
        Properties: { Action: 'lambda:GetLayerVersion', LayerVersionArn: { Ref: 'Version' }, Principal: '*', OrganizationId: 'o-abcdefghij' },
      },
    },
    Outputs: { Arn: { Value: { Ref: 'Version' } } },
  };
}

const zip = (greeting: string) => Buffer.from(zipSync({ 'nodejs/node_modules/tools/index.js': strToU8(`module.exports = '${greeting}';`) }));

beforeAll(async () => {
  await cloud.upload('code', 'tools-1.zip', zip('one'));
  await cloud.upload('code', 'tools-2.zip', zip('two'));
  await cloud.cfn.send(new CreateStackCommand({ StackName: 'layers', TemplateBody: JSON.stringify(layerTemplate('tools-1.zip')) }));
  expect((await cloud.waitForStack('layers')).StackStatus).toBe('CREATE_COMPLETE');
  lambda = new LambdaClient(cloud.config);
});

afterAll(() => lambda?.destroy());

test('GetLayerVersion, GetLayerVersionByArn and ListLayers describe what the stack published', async () => {
  const version = await lambda.send(new GetLayerVersionCommand({ LayerName: 'tools', VersionNumber: 1 }));
  expect(version).toMatchObject({
    LayerArn: 'arn:aws:lambda:us-east-1:123456789012:layer:tools',
    LayerVersionArn: 'arn:aws:lambda:us-east-1:123456789012:layer:tools:1',
    Version: 1,
    Description: 'shared tools',
    CompatibleRuntimes: ['nodejs22.x'],
    Content: { CodeSize: zip('one').length },
  });
  expect(version.Content?.CodeSha256).toMatch(/^[A-Za-z0-9+/]{43}=$/);
  const byArn = await lambda.send(new GetLayerVersionByArnCommand({ Arn: 'arn:aws:lambda:us-east-1:123456789012:layer:tools:1' }));
  expect(byArn.Version).toBe(1);
  const { Layers = [] } = await lambda.send(new ListLayersCommand({}));
  expect(Layers.map((layer) => [layer.LayerName, layer.LatestMatchingVersion?.Version])).toContainEqual(['tools', 1]);
  const { Layers: python = [] } = await lambda.send(new ListLayersCommand({ CompatibleRuntime: 'python3.12' }));
  expect(python.map((layer) => layer.LayerName)).not.toContain('tools');
});

test("the stack's LayerVersionPermissions are the version's policy; statements are added and removed through the API", async () => {
  const policy = await lambda.send(new GetLayerVersionPolicyCommand({ LayerName: 'tools', VersionNumber: 1 }));
  const statements = (JSON.parse(policy.Policy!) as { Statement: Array<Record<string, unknown>> }).Statement;
  expect(statements.map((statement) => statement.Principal)).toEqual([{ AWS: 'arn:aws:iam::123456789012:root' }, '*']);
  expect(statements[1].Condition).toEqual({ StringEquals: { 'aws:PrincipalOrgID': 'o-abcdefghij' } });

  const added = await lambda.send(new AddLayerVersionPermissionCommand({ LayerName: 'tools', VersionNumber: 1, StatementId: 'partner', Action: 'lambda:GetLayerVersion', Principal: '210987654321' }));
  expect(JSON.parse(added.Statement!)).toMatchObject({ Sid: 'partner', Principal: { AWS: 'arn:aws:iam::210987654321:root' } });
  await expect(
    lambda.send(new AddLayerVersionPermissionCommand({ LayerName: 'tools', VersionNumber: 1, StatementId: 'partner', Action: 'lambda:GetLayerVersion', Principal: '*' })),
  ).rejects.toBeInstanceOf(ResourceConflictException);
  await lambda.send(new RemoveLayerVersionPermissionCommand({ LayerName: 'tools', VersionNumber: 1, StatementId: 'partner' }));
  const after = await lambda.send(new GetLayerVersionPolicyCommand({ LayerName: 'tools', VersionNumber: 1 }));
  expect((JSON.parse(after.Policy!) as { Statement: unknown[] }).Statement).toHaveLength(2);
});

test('new content replaces the version: 2 is published, 1 is retained, and the permissions follow the new version', async () => {
  await cloud.cfn.send(new UpdateStackCommand({ StackName: 'layers', TemplateBody: JSON.stringify(layerTemplate('tools-2.zip')) }));
  const stack = await cloud.waitForStack('layers');
  expect(stack.StackStatus).toBe('UPDATE_COMPLETE');
  expect(stack.Outputs?.find((output) => output.OutputKey === 'Arn')?.OutputValue).toBe('arn:aws:lambda:us-east-1:123456789012:layer:tools:2');
  const { LayerVersions = [] } = await lambda.send(new ListLayerVersionsCommand({ LayerName: 'tools' }));
  expect(LayerVersions.map((version) => version.Version)).toEqual([2, 1]);
  const policy = await lambda.send(new GetLayerVersionPolicyCommand({ LayerName: 'tools', VersionNumber: 2 }));
  expect((JSON.parse(policy.Policy!) as { Statement: unknown[] }).Statement).toHaveLength(2);
  // The replaced permissions were removed from the retained version.
  await expect(lambda.send(new GetLayerVersionPolicyCommand({ LayerName: 'tools', VersionNumber: 1 }))).rejects.toBeInstanceOf(ResourceNotFoundException);
});

test('PublishLayerVersion and DeleteLayerVersion: numbers are never reused', async () => {
  const published = await lambda.send(new PublishLayerVersionCommand({ LayerName: 'adhoc', Content: { ZipFile: zip('adhoc') }, CompatibleRuntimes: ['nodejs22.x'] }));
  expect(published.Version).toBe(1);
  await lambda.send(new DeleteLayerVersionCommand({ LayerName: 'adhoc', VersionNumber: 1 }));
  await expect(lambda.send(new GetLayerVersionCommand({ LayerName: 'adhoc', VersionNumber: 1 }))).rejects.toBeInstanceOf(ResourceNotFoundException);
  const again = await lambda.send(new PublishLayerVersionCommand({ LayerName: 'adhoc', Content: { S3Bucket: 'code', S3Key: 'tools-1.zip' } }));
  expect(again.Version).toBe(2);
});

test('a zip holding a symbolic link or a path out of the archive is refused', async () => {
  const link = Buffer.from(zipSync({ 'nodejs/evil': [strToU8('/etc/passwd'), { os: 3, attrs: (0o120777 << 16) >>> 0 }] }));
  await expect(lambda.send(new PublishLayerVersionCommand({ LayerName: 'evil', Content: { ZipFile: link } }))).rejects.toThrow(/nodejs\/evil is a symbolic link/);
  const escaping = Buffer.from(zipSync({ '../escape.js': strToU8('x') }));
  await expect(lambda.send(new PublishLayerVersionCommand({ LayerName: 'evil', Content: { ZipFile: escaping } }))).rejects.toThrow(/leaves the archive root/);
  await expect(lambda.send(new ListLayerVersionsCommand({ LayerName: 'evil' }))).resolves.toMatchObject({ LayerVersions: [] });
});
