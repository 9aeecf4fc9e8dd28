import { CreateStackCommand, DeleteStackCommand, DescribeStackEventsCommand, DescribeStackResourcesCommand, DescribeStacksCommand, GetTemplateCommand, ListStacksCommand, UpdateStackCommand } from '@aws-sdk/client-cloudformation';
import { CreateBucketCommand, HeadBucketCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { useCfnTestCloud } from './helpers/cfn-test-cloud';
import { strToU8, zipSync } from 'fflate';

const cloud = useCfnTestCloud();

const bucketTemplate = (extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    Description: 'lifecycle',
    Parameters: { Env: { Type: 'String', Default: 'dev', AllowedValues: ['dev', 'prod'] }, Secret: { Type: 'String', NoEcho: true, Default: 's3cr3t' } },
    Resources: {
      Bucket: { Type: 'AWS::S3::Bucket', ...extra },
      Topic: { Type: 'AWS::SNS::Topic', Properties: { TopicName: { 'Fn::Sub': '${AWS::StackName}-${Env}' } } },
    },
    Outputs: {
      BucketName: { Value: { Ref: 'Bucket' } },
      BucketArn: { Value: { 'Fn::GetAtt': ['Bucket', 'Arn'] }, Export: { Name: { 'Fn::Sub': '${AWS::StackName}-BucketArn' } } },
      TopicArn: { Value: { Ref: 'Topic' } },
    },
  });

test('creates a stack asynchronously, then describes it with outputs, masked NoEcho and resources', async () => {
  const { StackId } = await cloud.cfn.send(new CreateStackCommand({ StackName: 'life', TemplateBody: bucketTemplate() }));
  expect(StackId).toMatch(/^arn:aws:cloudformation:us-east-1:123456789012:stack\/life\/[0-9a-f-]{36}$/);
  const stack = await cloud.waitForStack('life');
  expect(stack.StackStatus).toBe('CREATE_COMPLETE');
  const outputs = Object.fromEntries(stack.Outputs!.map((output) => [output.OutputKey, output.OutputValue]));
  expect(outputs.BucketName).toMatch(/^life-bucket-[a-z0-9]{12,13}$/);
  expect(outputs.BucketArn).toBe(`arn:aws:s3:::${outputs.BucketName}`);
  expect(outputs.TopicArn).toBe('arn:aws:sns:us-east-1:123456789012:life-dev');
  expect(stack.Parameters).toEqual(expect.arrayContaining([{ ParameterKey: 'Secret', ParameterValue: '****' }, { ParameterKey: 'Env', ParameterValue: 'dev' }]));
  const { StackResources } = await cloud.cfn.send(new DescribeStackResourcesCommand({ StackName: 'life' }));
  expect(StackResources!.map((resource) => [resource.LogicalResourceId, resource.ResourceStatus])).toEqual([
    ['Bucket', 'CREATE_COMPLETE'],
    ['Topic', 'CREATE_COMPLETE'],
  ]);
  const events = await cloud.events('life');
  expect(events[0]).toMatchObject({ LogicalResourceId: 'life', ResourceStatus: 'CREATE_COMPLETE' });
  expect(events[events.length - 1]).toMatchObject({ LogicalResourceId: 'life', ResourceStatus: 'CREATE_IN_PROGRESS', ResourceStatusReason: 'User Initiated' });
  const template = await cloud.cfn.send(new GetTemplateCommand({ StackName: 'life' }));
  expect(template.TemplateBody).toBe(bucketTemplate());
});

test('an identical update answers "No updates are to be performed."', async () => {
  await expect(cloud.cfn.send(new UpdateStackCommand({ StackName: 'life', TemplateBody: bucketTemplate() }))).rejects.toMatchObject({
    name: 'ValidationError',
    message: 'No updates are to be performed.',
  });
});

test('an update changes a parameter in place and replaces on a create-only change, deleting the old one in cleanup', async () => {
  await cloud.cfn.send(new UpdateStackCommand({ StackName: 'life', TemplateBody: bucketTemplate(), Parameters: [{ ParameterKey: 'Env', ParameterValue: 'prod' }] }));
  const stack = await cloud.waitForStack('life');
  expect(stack.StackStatus).toBe('UPDATE_COMPLETE');
  expect(stack.LastUpdatedTime).toBeDefined();
  const outputs = Object.fromEntries(stack.Outputs!.map((output) => [output.OutputKey, output.OutputValue]));
  expect(outputs.TopicArn).toBe('arn:aws:sns:us-east-1:123456789012:life-prod');
  const events = await cloud.events('life');
  const sinceUpdate = events.slice(0, events.findIndex((event) => event.ResourceStatus === 'UPDATE_IN_PROGRESS' && event.LogicalResourceId === 'life') + 1);
  const statuses = sinceUpdate.reverse().map((event) => `${event.LogicalResourceId} ${event.ResourceStatus}`);
  expect(statuses).toEqual([
    'life UPDATE_IN_PROGRESS',
    'Topic UPDATE_IN_PROGRESS',
    'Topic UPDATE_IN_PROGRESS',
    'Topic UPDATE_COMPLETE',
    'life UPDATE_COMPLETE_CLEANUP_IN_PROGRESS',
    'Topic DELETE_IN_PROGRESS',
    'Topic DELETE_COMPLETE',
    'life UPDATE_COMPLETE',
  ]);
  expect(sinceUpdate.find((event) => event.ResourceStatusReason?.startsWith('Requested update requires the creation'))).toBeDefined();
});

test('DeleteStack deletes in reverse order, keeps Retain resources, and the deleted stack is found by id only', async () => {
  const template = JSON.stringify({
    Resources: {
      Kept: { Type: 'AWS::S3::Bucket', DeletionPolicy: 'Retain', Properties: { BucketName: 'kept-bucket-retain' } },
      Gone: { Type: 'AWS::S3::Bucket', Properties: { BucketName: 'gone-bucket' } },
      Policy: { Type: 'AWS::S3::BucketPolicy', Properties: { Bucket: { Ref: 'Gone' }, PolicyDocument: { Statement: [] } } },
    },
  });
  const { StackId } = await cloud.cfn.send(new CreateStackCommand({ StackName: 'retain', TemplateBody: template }));
  expect((await cloud.waitForStack('retain')).StackStatus).toBe('CREATE_COMPLETE');
  await cloud.cfn.send(new DeleteStackCommand({ StackName: 'retain' }));
  const deleted = await cloud.waitForStack(StackId!);
  expect(deleted.StackStatus).toBe('DELETE_COMPLETE');
  await expect(cloud.cfn.send(new DescribeStacksCommand({ StackName: 'retain' }))).rejects.toThrow('Stack with id retain does not exist');
  const events = (await cloud.events(StackId!)).reverse().map((event) => `${event.LogicalResourceId} ${event.ResourceStatus}`);
  const deletion = events.slice(events.indexOf('retain DELETE_IN_PROGRESS'));
  expect(deletion.indexOf('Policy DELETE_COMPLETE')).toBeLessThan(deletion.indexOf('Gone DELETE_IN_PROGRESS'));
  expect(deletion).toContain('Kept DELETE_SKIPPED');
  // The retained bucket still exists; the other one is gone.
  await expect(cloud.s3.send(new HeadBucketCommand({ Bucket: 'kept-bucket-retain' }))).resolves.toBeDefined();
  await expect(cloud.s3.send(new HeadBucketCommand({ Bucket: 'gone-bucket' }))).rejects.toThrow();
  const { StackSummaries } = await cloud.cfn.send(new ListStacksCommand({ StackStatusFilter: ['DELETE_COMPLETE'] }));
  expect(StackSummaries!.map((summary) => summary.StackId)).toContain(StackId);
});

test('a non-empty bucket fails the delete as on AWS', async () => {
  const template = JSON.stringify({ Resources: { Full: { Type: 'AWS::S3::Bucket', Properties: { BucketName: 'full-bucket-x' } } } });
  await cloud.cfn.send(new CreateStackCommand({ StackName: 'full', TemplateBody: template }));
  await cloud.waitForStack('full');
  await cloud.s3.send(new PutObjectCommand({ Bucket: 'full-bucket-x', Key: 'a.txt', Body: 'a' }));
  await cloud.cfn.send(new DeleteStackCommand({ StackName: 'full' }));
  const stack = await cloud.waitForStack('full');
  expect(stack.StackStatus).toBe('DELETE_FAILED');
  expect(stack.StackStatusReason).toBe('The following resource(s) failed to delete: [Full]. ');
  const events = await cloud.events('full');
  expect(events.find((event) => event.ResourceStatus === 'DELETE_FAILED' && event.LogicalResourceId === 'Full')?.ResourceStatusReason).toContain('BucketNotEmpty');
});

test('TemplateURL, UsePreviousTemplate, UsePreviousValue and Tags', async () => {
  await cloud.s3.send(new CreateBucketCommand({ Bucket: 'lifecycle-templates' }));
  const url = await cloud.upload('lifecycle-templates', 'one.yaml', 'Parameters:\n  A: {Type: String}\n  B: {Type: String}\nResources:\n  T: {Type: AWS::SNS::Topic, Properties: {DisplayName: !Sub "${A}-${B}"}}\nOutputs:\n  D: {Value: !GetAtt T.TopicName}\n');
  await cloud.cfn.send(
    new CreateStackCommand({
      StackName: 'from-url',
      TemplateURL: url,
      Parameters: [
        { ParameterKey: 'A', ParameterValue: 'a1' },
        { ParameterKey: 'B', ParameterValue: 'b1' },
      ],
      Tags: [{ Key: 'team', Value: 'blue' }],
    }),
  );
  expect((await cloud.waitForStack('from-url')).Tags).toEqual([{ Key: 'team', Value: 'blue' }]);
  await cloud.cfn.send(
    new UpdateStackCommand({
      StackName: 'from-url',
      UsePreviousTemplate: true,
      Parameters: [
        { ParameterKey: 'A', UsePreviousValue: true },
        { ParameterKey: 'B', ParameterValue: 'b2' },
      ],
    }),
  );
  const stack = await cloud.waitForStack('from-url');
  expect(stack.StackStatus).toBe('UPDATE_COMPLETE');
  expect(stack.Parameters).toEqual(expect.arrayContaining([{ ParameterKey: 'A', ParameterValue: 'a1' }, { ParameterKey: 'B', ParameterValue: 'b2' }]));
});

test('DescribeStackEvents pages newest first with NextToken', async () => {
  const resources = Object.fromEntries(Array.from({ length: 40 }, (_, index) => [`Topic${index}`, { Type: 'AWS::SNS::Topic' }]));
  await cloud.cfn.send(new CreateStackCommand({ StackName: 'many', TemplateBody: JSON.stringify({ Resources: resources }) }));
  await cloud.waitForStack('many');
  const first = await cloud.cfn.send(new DescribeStackEventsCommand({ StackName: 'many' }));
  expect(first.StackEvents).toHaveLength(100);
  expect(first.NextToken).toBeDefined();
  const all = await cloud.events('many');
  expect(all).toHaveLength(40 * 3 + 2);
  expect(new Set(all.map((event) => event.EventId)).size).toBe(all.length);
  const times = all.map((event) => event.Timestamp!.getTime());
  expect([...times].sort((a, b) => b - a)).toEqual(times);
});

test('a bucket name that is taken fails the resource', async () => {
  const body = JSON.stringify({ Resources: { Taken: { Type: 'AWS::S3::Bucket', Properties: { BucketName: 'lifecycle-templates' } } } });
  await cloud.cfn.send(new CreateStackCommand({ StackName: 'clash', TemplateBody: body }));
  expect((await cloud.waitForStack('clash')).StackStatus).toBe('ROLLBACK_COMPLETE');
  const reason = (await cloud.events('clash')).find((event) => event.ResourceStatus === 'CREATE_FAILED')!.ResourceStatusReason;
  expect(reason).toMatch(/^lifecycle-templates already exists/);
});

test('UpdateReplacePolicy Retain keeps a replaced resource; RetainExceptOnCreate does not survive a failed create', async () => {
  const template = (name: string) =>
    JSON.stringify({ Resources: { Kept: { Type: 'AWS::S3::Bucket', UpdateReplacePolicy: 'Retain', Properties: { BucketName: name } } } });
  await cloud.cfn.send(new CreateStackCommand({ StackName: 'replace-policy', TemplateBody: template('urp-one') }));
  await cloud.waitForStack('replace-policy');
  await cloud.cfn.send(new UpdateStackCommand({ StackName: 'replace-policy', TemplateBody: template('urp-two') }));
  expect((await cloud.waitForStack('replace-policy')).StackStatus).toBe('UPDATE_COMPLETE');
  const skipped = (await cloud.events('replace-policy')).find((event) => event.ResourceStatus === 'DELETE_SKIPPED');
  expect(skipped).toMatchObject({ LogicalResourceId: 'Kept', PhysicalResourceId: 'urp-one' });
  await expect(cloud.s3.send(new HeadBucketCommand({ Bucket: 'urp-one' }))).resolves.toBeDefined();
  await expect(cloud.s3.send(new HeadBucketCommand({ Bucket: 'urp-two' }))).resolves.toBeDefined();

  const failing = JSON.stringify({
    Resources: {
      Temp: { Type: 'AWS::S3::Bucket', DeletionPolicy: 'RetainExceptOnCreate', Properties: { BucketName: 'retain-except-on-create' } },
      Bad: { Type: 'AWS::SNS::Topic', DependsOn: 'Temp', Properties: { Colour: 'red' } },
    },
  });
  await cloud.cfn.send(new CreateStackCommand({ StackName: 'except-on-create', TemplateBody: failing }));
  expect((await cloud.waitForStack('except-on-create')).StackStatus).toBe('ROLLBACK_COMPLETE');
  await expect(cloud.s3.send(new HeadBucketCommand({ Bucket: 'retain-except-on-create' }))).rejects.toThrow();
});

test('Lambda versions and layer versions are numbered per function and per layer', async () => {
  const template = (description: string) =>
    JSON.stringify({
      Resources: {
        Layer: { Type: 'AWS::Lambda::LayerVersion', Properties: { LayerName: 'shared', Description: description, Content: { S3Bucket: 'layer-code', S3Key: 'layer.zip' } } },
        Fn: {
          Type: 'AWS::Lambda::Function',
          Properties: { FunctionName: 'versioned', Runtime: 'nodejs20.x', Handler: 'index.handler', Role: 'arn:aws:iam::123456789012:role/r', Code: { ZipFile: 'exports.handler = async () => 1;' } },
        },
        Version: { Type: 'AWS::Lambda::Version', Properties: { FunctionName: { Ref: 'Fn' }, Description: description } },
        Live: { Type: 'AWS::Lambda::Alias', Properties: { FunctionName: { Ref: 'Fn' }, FunctionVersion: { 'Fn::GetAtt': ['Version', 'Version'] }, Name: 'live' } },
      },
      Outputs: { Layer: { Value: { Ref: 'Layer' } }, Version: { Value: { Ref: 'Version' } }, Alias: { Value: { Ref: 'Live' } } },
    });
  await cloud.s3.send(new CreateBucketCommand({ Bucket: 'layer-code' }));
  await cloud.upload('layer-code', 'layer.zip', Buffer.from(zipSync({ 'nodejs/node_modules/shared/index.js': strToU8('module.exports = 1;') })));
  const outputsOf = async () => Object.fromEntries((await cloud.waitForStack('versions')).Outputs!.map((output) => [output.OutputKey!, output.OutputValue!]));
  await cloud.cfn.send(new CreateStackCommand({ StackName: 'versions', TemplateBody: template('one') }));
  expect(await outputsOf()).toEqual({
    Layer: 'arn:aws:lambda:us-east-1:123456789012:layer:shared:1',
    Version: 'arn:aws:lambda:us-east-1:123456789012:function:versioned:1',
    Alias: 'arn:aws:lambda:us-east-1:123456789012:function:versioned:live',
  });
  // Both descriptions are create-only: the update publishes new versions.
  await cloud.cfn.send(new UpdateStackCommand({ StackName: 'versions', TemplateBody: template('two') }));
  expect(await outputsOf()).toMatchObject({
    Layer: 'arn:aws:lambda:us-east-1:123456789012:layer:shared:2',
    Version: 'arn:aws:lambda:us-east-1:123456789012:function:versioned:2',
  });
});

test('an update deletes resources the template dropped or whose condition no longer holds', async () => {
  const template = (withExtra: boolean, keepBucket: string) =>
    JSON.stringify({
      Parameters: { KeepBucket: { Type: 'String' } },
      Conditions: { Keep: { 'Fn::Equals': [{ Ref: 'KeepBucket' }, 'yes'] } },
      Resources: {
        Stays: { Type: 'AWS::SNS::Topic' },
        Conditional: { Type: 'AWS::S3::Bucket', Condition: 'Keep', Properties: { BucketName: 'conditional-bucket-x' } },
        ...(withExtra ? { Extra: { Type: 'AWS::S3::Bucket', Properties: { BucketName: 'extra-bucket-x' } } } : {}),
      },
    });
  const resources = async () =>
    ((await cloud.cfn.send(new DescribeStackResourcesCommand({ StackName: 'shrinks' }))).StackResources ?? []).map((resource) => resource.LogicalResourceId).sort();
  await cloud.cfn.send(new CreateStackCommand({ StackName: 'shrinks', TemplateBody: template(true, 'yes'), Parameters: [{ ParameterKey: 'KeepBucket', ParameterValue: 'yes' }] }));
  await cloud.waitForStack('shrinks');
  expect(await resources()).toEqual(['Conditional', 'Extra', 'Stays']);
  await cloud.cfn.send(new UpdateStackCommand({ StackName: 'shrinks', TemplateBody: template(false, 'no'), Parameters: [{ ParameterKey: 'KeepBucket', ParameterValue: 'no' }] }));
  expect((await cloud.waitForStack('shrinks')).StackStatus).toBe('UPDATE_COMPLETE');
  expect(await resources()).toEqual(['Stays']);
  await expect(cloud.s3.send(new HeadBucketCommand({ Bucket: 'extra-bucket-x' }))).rejects.toThrow();
  await expect(cloud.s3.send(new HeadBucketCommand({ Bucket: 'conditional-bucket-x' }))).rejects.toThrow();
});
