import {
  CreateStackCommand,
  DeleteStackCommand,
  DescribeStackEventsCommand,
  DescribeStacksCommand,
} from '@aws-sdk/client-cloudformation';
import { DeleteBucketCommand, HeadBucketCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import { useMockedAws } from '../../__tests__/helpers/mocked-aws';
import { createRootStack } from '../create-root-stack';

const aws = useMockedAws();
const { cfnMock, s3Mock } = aws;
const now = new Date(2026, 0, 2, 14, 3, 9);
const STACK = 'amplify-app-dev-140309';

beforeEach(() => {
  cfnMock.on(CreateStackCommand).resolves({ StackId: `arn:stack/${STACK}` });
});

describe('createRootStack', () => {
  it('returns the stack outputs as a key/value object', async () => {
    cfnMock.on(DescribeStackEventsCommand).resolves({ StackEvents: [] });
    cfnMock.on(DescribeStacksCommand).resolves({
      Stacks: [{ StackName: STACK, CreationTime: now, StackStatus: 'CREATE_COMPLETE', Outputs: [{ OutputKey: 'Region', OutputValue: 'us-east-1' }, { OutputKey: 'StackName', OutputValue: STACK }] }],
    });
    const outputs = await createRootStack({ projectName: 'app', envName: 'dev', factory: aws.factory, now, onProgress: () => undefined });
    expect(outputs).toEqual({ Region: 'us-east-1', StackName: STACK });
    expect(cfnMock.commandCalls(CreateStackCommand)[0].args[0].input.StackName).toBe(STACK);
  });

  it('removes a stack whose creation failed, with its retained bucket, and names the cause', async () => {
    const statuses = ['ROLLBACK_COMPLETE', 'ROLLBACK_COMPLETE', 'DELETE_COMPLETE'];
    cfnMock.on(DescribeStacksCommand).callsFake(() => ({ Stacks: [{ StackName: STACK, StackId: `arn:stack/${STACK}`, CreationTime: now, StackStatus: statuses.shift() ?? 'DELETE_COMPLETE' }] }));
    cfnMock.on(DescribeStackEventsCommand).resolves({
      StackEvents: [
        { EventId: '1', StackId: STACK, StackName: STACK, LogicalResourceId: 'AuthRole', ResourceType: 'AWS::IAM::Role', ResourceStatus: 'CREATE_FAILED', ResourceStatusReason: 'not authorized to perform: iam:CreateRole', Timestamp: new Date() },
      ],
    });
    cfnMock.on(DeleteStackCommand).resolves({});
    s3Mock.on(HeadBucketCommand).resolves({});
    s3Mock.on(ListObjectsV2Command).resolves({ Contents: [] });
    s3Mock.on(DeleteBucketCommand).resolves({});
    await expect(createRootStack({ projectName: 'app', envName: 'dev', factory: aws.factory, now, onProgress: () => undefined, maxPollIntervalMs: 5 })).rejects.toMatchObject({
      code: 'RootStackCreationFailed',
      message: expect.stringContaining('AuthRole (AWS::IAM::Role) failed: not authorized to perform: iam:CreateRole'),
    });
    expect(cfnMock.commandCalls(DeleteStackCommand)).toHaveLength(1);
    expect(s3Mock.commandCalls(DeleteBucketCommand)[0].args[0].input.Bucket).toBe(`${STACK}-deployment`);
  });
});
