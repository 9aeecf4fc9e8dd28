import {
  DeleteStackCommand,
  DescribeStackEventsCommand,
  DescribeStackResourcesCommand,
  DescribeStacksCommand,
  GetTemplateCommand,
} from '@aws-sdk/client-cloudformation';
import { DeleteBucketCommand, DeleteObjectCommand, HeadBucketCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import { useMockedAws } from '../../__tests__/helpers/mocked-aws';
import { deleteEnvFromCloud } from '../delete-env';
import type { ProgressEvent } from '../../deploy/progress-event';

const aws = useMockedAws();
const { cfnMock, s3Mock } = aws;
const ROOT = 'amplify-app-dev-1';
const ROOT_ID = `arn:aws:cloudformation:us-east-1:1:stack/${ROOT}/x`;
const NESTED = 'arn:aws:cloudformation:us-east-1:1:stack/nested-storage/y';
const rootStack = { StackName: ROOT, DeploymentBucketName: `${ROOT}-deployment` };

beforeEach(() => {
  const resource = (LogicalResourceId: string, ResourceType: string, PhysicalResourceId: string) => ({
    LogicalResourceId,
    ResourceType,
    PhysicalResourceId,
    ResourceStatus: 'CREATE_COMPLETE' as const,
    Timestamp: new Date(),
  });
  cfnMock.on(DescribeStackResourcesCommand, { StackName: ROOT }).resolves({
    StackResources: [resource('DeploymentBucket', 'AWS::S3::Bucket', rootStack.DeploymentBucketName), resource('storageuploads', 'AWS::CloudFormation::Stack', NESTED)],
  });
  cfnMock.on(DescribeStackResourcesCommand, { StackName: NESTED }).resolves({
    StackResources: [resource('Uploads', 'AWS::S3::Bucket', 'app-uploads-dev'), resource('Archive', 'AWS::S3::Bucket', 'app-archive-dev')],
  });
  cfnMock.on(GetTemplateCommand, { StackName: ROOT }).resolves({ TemplateBody: JSON.stringify({ Resources: { DeploymentBucket: { Type: 'AWS::S3::Bucket', DeletionPolicy: 'Retain' } } }) });
  // A YAML nested template: the archive bucket is kept by policy.
  cfnMock.on(GetTemplateCommand, { StackName: NESTED }).resolves({
    TemplateBody: 'Resources:\n  Uploads:\n    Type: AWS::S3::Bucket\n  Archive:\n    Type: AWS::S3::Bucket\n    DeletionPolicy: Retain\n',
  });
  let describes = 0;
  cfnMock.on(DescribeStacksCommand).callsFake(() => {
    describes++;
    return { Stacks: [{ StackName: ROOT, StackId: ROOT_ID, CreationTime: new Date(), StackStatus: describes === 1 ? 'UPDATE_COMPLETE' : 'DELETE_COMPLETE' }] };
  });
  cfnMock.on(DescribeStackEventsCommand).resolves({ StackEvents: [] });
  cfnMock.on(DeleteStackCommand).resolves({});
  s3Mock.on(HeadBucketCommand).resolves({});
  s3Mock.on(ListObjectsV2Command).resolves({ Contents: [{ Key: 'a.txt' }, { Key: 'b.txt' }], IsTruncated: false });
  s3Mock.on(DeleteObjectCommand).resolves({});
  s3Mock.on(DeleteBucketCommand).resolves({});
});

describe('deleteEnvFromCloud', () => {
  it('empties the buckets the stacks will delete, deletes the stack, then the deployment bucket; retained buckets stay', async () => {
    const result = await deleteEnvFromCloud({ envName: 'dev', rootStack, factory: aws.factory, deleteS3: true, onProgress: () => undefined, maxPollIntervalMs: 5 });
    expect(result).toEqual({ stack: 'deleted', bucketsDeleted: ['app-uploads-dev', rootStack.DeploymentBucketName] });
    const emptied = s3Mock.commandCalls(ListObjectsV2Command).map((c) => c.args[0].input.Bucket);
    expect(emptied).toEqual(['app-uploads-dev', rootStack.DeploymentBucketName]);
    expect(s3Mock.commandCalls(DeleteBucketCommand).map((c) => c.args[0].input.Bucket)).toEqual([rootStack.DeploymentBucketName]);
    expect(cfnMock.commandCalls(DeleteStackCommand)[0].args[0].input.StackName).toBe(ROOT_ID);
  });

  it('keeps the deployment bucket without deleteS3', async () => {
    const result = await deleteEnvFromCloud({ envName: 'dev', rootStack, factory: aws.factory, deleteS3: false, onProgress: () => undefined, maxPollIntervalMs: 5 });
    expect(result.bucketsDeleted).toEqual(['app-uploads-dev']);
    expect(s3Mock.commandCalls(DeleteBucketCommand)).toHaveLength(0);
  });

  it('warns and carries on when the stack is already gone', async () => {
    cfnMock.on(DescribeStacksCommand).rejects(Object.assign(new Error(`Stack with id ${ROOT} does not exist`), { name: 'ValidationError' }));
    cfnMock.on(DescribeStackResourcesCommand).rejects(Object.assign(new Error(`Stack with id ${ROOT} does not exist`), { name: 'ValidationError' }));
    const events: ProgressEvent[] = [];
    const result = await deleteEnvFromCloud({ envName: 'dev', rootStack, factory: aws.factory, deleteS3: true, onProgress: (e) => events.push(e) });
    expect(result).toEqual({ stack: 'not-found', bucketsDeleted: [rootStack.DeploymentBucketName] });
    expect(events).toContainEqual(expect.objectContaining({ type: 'notice', level: 'warning' }));
    expect(cfnMock.commandCalls(DeleteStackCommand)).toHaveLength(0);
  });

  const awsError = (name: string, message: string) => Object.assign(new Error(message), { name });
  const run = () => deleteEnvFromCloud({ envName: 'dev', rootStack, factory: aws.factory, deleteS3: true, onProgress: () => undefined, maxPollIntervalMs: 5 });
  const expectNothingDeleted = () => {
    expect(s3Mock.commandCalls(ListObjectsV2Command)).toHaveLength(0);
    expect(s3Mock.commandCalls(DeleteBucketCommand)).toHaveLength(0);
    expect(cfnMock.commandCalls(DeleteStackCommand)).toHaveLength(0);
  };

  it.each([
    ['throttled', awsError('Throttling', 'Rate exceeded')],
    ['denied', awsError('AccessDenied', 'User is not authorized to perform: cloudformation:DescribeStackResources')],
    // Says "does not exist" but about something else than the stack: not a gone stack.
    ['answering about another thing', awsError('ValidationError', 'Resource storageuploads does not exist for stack nested-storage')],
  ])('stops, deleting nothing, when listing a nested stack is %s', async (_case, error) => {
    cfnMock.on(DescribeStackResourcesCommand, { StackName: NESTED }).rejects(error);
    const failure = run();
    await expect(failure).rejects.toMatchObject({ name: 'AmplifyError', code: 'StackResourcesUnreadable', message: expect.stringContaining(`${NESTED} to empty its buckets: ${error.name}: ${error.message}`) });
    await failure.catch((e: Error) => expect(e.message).not.toContain('\n'));
    expectNothingDeleted();
  });

  it('treats a nested stack that is gone as having no buckets', async () => {
    cfnMock.on(DescribeStackResourcesCommand, { StackName: NESTED }).rejects(awsError('ValidationError', `Stack with id ${NESTED} does not exist`));
    const result = await run();
    expect(result).toEqual({ stack: 'deleted', bucketsDeleted: [rootStack.DeploymentBucketName] });
  });

  it.each([
    ['cannot be fetched', () => cfnMock.on(GetTemplateCommand, { StackName: NESTED }).rejects(awsError('AccessDenied', 'not authorized to perform: cloudformation:GetTemplate'))],
    ['is empty', () => cfnMock.on(GetTemplateCommand, { StackName: NESTED }).resolves({})],
    ['does not parse', () => cfnMock.on(GetTemplateCommand, { StackName: NESTED }).resolves({ TemplateBody: 'Resources: [unclosed' })],
  ])('never empties a bucket when the deployed template %s: it stops naming the stack', async (_case, arrange) => {
    arrange();
    await expect(run()).rejects.toMatchObject({ code: 'DeployedTemplateUnreadable', message: expect.stringContaining(`stack ${NESTED} cannot be read`) });
    expectNothingDeleted();
  });
});
