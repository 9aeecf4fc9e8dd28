import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { DescribeStackEventsCommand, DescribeStackResourcesCommand, DescribeStacksCommand, GetTemplateCommand, type StackStatus } from '@aws-sdk/client-cloudformation';
import { useMockedAws } from '../../__tests__/helpers/mocked-aws';
import { ProjectFiles } from '../../project/project-files';
import { ignoreProgress } from '../progress-event';
import { settleInterruptedDeployment } from '../interrupted-deployment';
import { type DeploymentRecord, templateHash } from '../push-resources';

const aws = useMockedAws();
const { cfnMock } = aws;
const ROOT = 'amplify-app-dev';
const TEMPLATE = JSON.stringify({ Resources: { storageorders: { Type: 'AWS::CloudFormation::Stack' } } }, null, 2);
const record: DeploymentRecord = {
  stackName: ROOT,
  rootTemplateHash: templateHash(TEMPLATE),
  resources: [{ category: 'storage', resourceName: 'orders', templateUrl: 'https://bucket/orders.json' }],
};

let projectRoot: string;
let files: ProjectFiles;

beforeEach(() => {
  projectRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'provider-interrupted-'));
  files = new ProjectFiles(projectRoot);
  files.writeMeta({ storage: { orders: { service: 'DynamoDB', providerPlugin: 'awscloudformation' } } });
  cfnMock.on(DescribeStackResourcesCommand).resolves({
    StackResources: [{ LogicalResourceId: 'storageorders', ResourceType: 'AWS::CloudFormation::Stack', PhysicalResourceId: 'nested-orders', ResourceStatus: 'CREATE_COMPLETE', Timestamp: new Date() }],
  });
  cfnMock.on(DescribeStacksCommand, { StackName: 'nested-orders' }).resolves({
    Stacks: [{ StackName: 'nested-orders', CreationTime: new Date(), StackStatus: 'CREATE_COMPLETE', Outputs: [{ OutputKey: 'Name', OutputValue: 'orders-dev' }] }],
  });
  cfnMock.on(DescribeStackEventsCommand).resolves({ StackEvents: [] });
});

afterEach(() => {
  fs.rmSync(projectRoot, { recursive: true, force: true });
});

const rootStack = (status: StackStatus) => ({ Stacks: [{ StackName: ROOT, CreationTime: new Date(), StackStatus: status }] });
const settle = (given: DeploymentRecord | undefined) =>
  settleInterruptedDeployment({ files, envName: 'dev', record: given, factory: aws.factory, onProgress: ignoreProgress, maxPollIntervalMs: 1 });

describe('settleInterruptedDeployment', () => {
  test('a push stopped before its stack update deployed nothing, and the cloud is not asked', async () => {
    expect(await settle(undefined)).toEqual({ type: 'not-deployed' });
    expect(cfnMock.calls()).toHaveLength(0);
  });

  test('the root stack runs the journalled template (reformatted): the deploy is recorded in the meta', async () => {
    cfnMock.on(DescribeStacksCommand, { StackName: ROOT }).resolves(rootStack('UPDATE_COMPLETE'));
    cfnMock.on(GetTemplateCommand).resolves({ TemplateBody: JSON.stringify(JSON.parse(TEMPLATE)) });
    expect(await settle(record)).toEqual({ type: 'deployed' });
    expect(files.readMeta().storage).toEqual({
      orders: {
        service: 'DynamoDB',
        providerPlugin: 'awscloudformation',
        providerMetadata: { s3TemplateURL: 'https://bucket/orders.json', logicalId: 'storageorders' },
        output: { Name: 'orders-dev' },
      },
    });
  });

  test('an update still running is waited for before the template is compared', async () => {
    cfnMock
      .on(DescribeStacksCommand, { StackName: ROOT })
      .resolvesOnce(rootStack('UPDATE_IN_PROGRESS'))
      .resolvesOnce(rootStack('UPDATE_IN_PROGRESS'))
      .resolves(rootStack('UPDATE_COMPLETE'));
    cfnMock.on(GetTemplateCommand).resolves({ TemplateBody: TEMPLATE });
    expect(await settle(record)).toEqual({ type: 'deployed' });
  });

  test('an update that rolled back (the previous template runs) deployed nothing, and the meta is left alone', async () => {
    cfnMock.on(DescribeStacksCommand, { StackName: ROOT }).resolves(rootStack('UPDATE_ROLLBACK_COMPLETE'));
    cfnMock.on(GetTemplateCommand).resolves({ TemplateBody: '{"Resources":{}}' });
    const before = files.readMeta();
    expect(await settle(record)).toEqual({ type: 'not-deployed' });
    expect(files.readMeta()).toEqual(before);
  });

  test('an update that never started (the stack settled on an older template) deployed nothing', async () => {
    cfnMock.on(DescribeStacksCommand, { StackName: ROOT }).resolves(rootStack('UPDATE_COMPLETE'));
    cfnMock.on(GetTemplateCommand).resolves({ TemplateBody: '{"Resources":{}}' });
    expect(await settle(record)).toEqual({ type: 'not-deployed' });
  });
});
