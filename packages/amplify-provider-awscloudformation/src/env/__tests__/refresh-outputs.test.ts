import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { DescribeStackResourcesCommand, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { useMockedAws } from '../../__tests__/helpers/mocked-aws';
import { ProjectFiles } from '../../project/project-files';
import { refreshOutputsFromCloud } from '../refresh-outputs';

const aws = useMockedAws();
const { cfnMock } = aws;
let projectRoot: string;

beforeEach(() => {
  projectRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'provider-refresh-'));
});

afterEach(() => {
  fs.rmSync(projectRoot, { recursive: true, force: true });
});

it("takes outputs from the env's stacks and the deployment records from its current-cloud meta", async () => {
  const files = new ProjectFiles(projectRoot);
  // Backend meta as the previously checked-out env left it; the current-cloud copy is this env's.
  files.writeMeta({
    function: { hello: { service: 'Lambda', providerPlugin: 'awscloudformation', build: true, s3Bucket: { deploymentBucketName: 'dev-bucket', s3Key: 'k1' }, output: { Name: 'hello-dev' } } },
  });
  files.writeCurrentMeta({
    function: {
      hello: {
        service: 'Lambda',
        providerPlugin: 'awscloudformation',
        providerMetadata: { s3TemplateURL: 'https://s3.amazonaws.com/prod-bucket/t.json', logicalId: 'functionhello' },
        s3Bucket: { deploymentBucketName: 'prod-bucket', s3Key: 'k2' },
      },
    },
  });
  cfnMock.on(DescribeStackResourcesCommand).resolves({
    StackResources: [{ LogicalResourceId: 'functionhello', ResourceType: 'AWS::CloudFormation::Stack', PhysicalResourceId: 'nested-hello', ResourceStatus: 'CREATE_COMPLETE', Timestamp: new Date() }],
  });
  cfnMock.on(DescribeStacksCommand, { StackName: 'nested-hello' }).resolves({
    Stacks: [{ StackName: 'nested-hello', CreationTime: new Date(), StackStatus: 'CREATE_COMPLETE', Outputs: [{ OutputKey: 'Name', OutputValue: 'hello-prod' }] }],
  });
  await refreshOutputsFromCloud(files, aws.factory.cloudFormation(), 'root-prod');
  expect(files.readMeta().function).toEqual({
    hello: {
      service: 'Lambda',
      providerPlugin: 'awscloudformation',
      build: true,
      output: { Name: 'hello-prod' },
      providerMetadata: { s3TemplateURL: 'https://s3.amazonaws.com/prod-bucket/t.json', logicalId: 'functionhello' },
      s3Bucket: { deploymentBucketName: 'prod-bucket', s3Key: 'k2' },
    },
  });
});
