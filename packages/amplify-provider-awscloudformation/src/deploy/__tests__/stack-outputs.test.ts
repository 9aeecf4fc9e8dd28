import { CloudFormationClient, DescribeStackResourcesCommand, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { mockClient } from 'aws-sdk-client-mock';
import { SdkCloudFormationApi } from '../../aws/cloudformation-api';
import type { StackActivityEvent } from '../progress-event';
import { collectNestedStackOutputs, nestedStacksTouched } from '../stack-outputs';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
const cfnMock = mockClient(CloudFormationClient);
const ROOT = 'amplify-app-dev-1';
const arn = (logicalId: string) => `arn:aws:cloudformation:us-east-1:123456789012:stack/${ROOT}-${logicalId}/1`;

let api: SdkCloudFormationApi;
beforeEach(() => {
  cfnMock.reset();
  api = new SdkCloudFormationApi(new CloudFormationClient({ region: 'us-east-1', credentials: { accessKeyId: 'a', secretAccessKey: 'b' } }));
  cfnMock.on(DescribeStackResourcesCommand, { StackName: ROOT }).resolves({
    StackResources: [
      { LogicalResourceId: 'DeploymentBucket', ResourceType: 'AWS::S3::Bucket', PhysicalResourceId: 'bucket', ResourceStatus: 'CREATE_COMPLETE', Timestamp: new Date() },
      ...['storageimages', 'storagenotes'].map((id) => ({
        LogicalResourceId: id,
        ResourceType: 'AWS::CloudFormation::Stack',
        PhysicalResourceId: arn(id),
        ResourceStatus: 'UPDATE_COMPLETE' as const,
        Timestamp: new Date(),
      })),
    ],
  });
  for (const [id, value] of [
    ['storageimages', 'images-v2'],
    ['storagenotes', 'notes-v2'],
  ]) {
    cfnMock.on(DescribeStacksCommand, { StackName: arn(id) }).resolves({
      Stacks: [{ StackName: id, CreationTime: new Date(), StackStatus: 'UPDATE_COMPLETE', Outputs: [{ OutputKey: 'Name', OutputValue: value }] }],
    });
  }
});

const describedStacks = () => cfnMock.commandCalls(DescribeStacksCommand).map((call) => call.args[0].input.StackName);

describe('collectNestedStackOutputs', () => {
  it('describes every nested stack when nothing is recorded', async () => {
    await expect(collectNestedStackOutputs(api, ROOT)).resolves.toEqual({ storageimages: { Name: 'images-v2' }, storagenotes: { Name: 'notes-v2' } });
    expect(describedStacks().sort()).toEqual([arn('storageimages'), arn('storagenotes')]);
  });

  it('keeps recorded outputs of stacks not to refresh, and describes the others and any stack without a record', async () => {
    const outputs = await collectNestedStackOutputs(api, ROOT, { recorded: { storagenotes: { Name: 'notes-v1' } }, refresh: new Set() });
    expect(outputs).toEqual({ storageimages: { Name: 'images-v2' }, storagenotes: { Name: 'notes-v1' } });
    expect(describedStacks()).toEqual([arn('storageimages')]);

    cfnMock.resetHistory();
    const refreshed = await collectNestedStackOutputs(api, ROOT, {
      recorded: { storageimages: { Name: 'images-v1' }, storagenotes: { Name: 'notes-v1' } },
      refresh: new Set(['storagenotes']),
    });
    expect(refreshed).toEqual({ storageimages: { Name: 'images-v1' }, storagenotes: { Name: 'notes-v2' } });
    expect(describedStacks()).toEqual([arn('storagenotes')]);
  });

  it('leaves out recorded stacks that the root stack no longer has', async () => {
    const outputs = await collectNestedStackOutputs(api, ROOT, { recorded: { storagegone: { Name: 'x' }, storageimages: { Name: 'i' }, storagenotes: { Name: 'n' } } });
    expect(Object.keys(outputs).sort()).toEqual(['storageimages', 'storagenotes']);
  });
});

describe('nestedStacksTouched', () => {
  const stackEvent = (logicalId: string, resourceType: string, nestedPath: string[] = []): StackActivityEvent => ({
    type: 'stack-event',
    eventId: `${logicalId}-${nestedPath.join('/')}`,
    stackName: nestedPath.length > 0 ? `${ROOT}-${nestedPath[0]}` : ROOT,
    nestedPath,
    logicalId,
    resourceType,
    status: 'UPDATE_COMPLETE',
    timestamp: new Date(),
  });

  it("names the root's nested stacks that the operation reported, not the root itself or resources inside them", () => {
    const touched = nestedStacksTouched([
      stackEvent(ROOT, 'AWS::CloudFormation::Stack'),
      stackEvent('storageimages', 'AWS::CloudFormation::Stack'),
      stackEvent('Bucket', 'AWS::S3::Bucket', ['storageimages']),
      stackEvent('Inner', 'AWS::CloudFormation::Stack', ['storageimages']),
      stackEvent('DeploymentBucket', 'AWS::S3::Bucket'),
    ]);
    expect([...touched]).toEqual(['storageimages']);
  });
});
