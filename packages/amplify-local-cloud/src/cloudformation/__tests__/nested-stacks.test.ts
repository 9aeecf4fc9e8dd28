import { CreateStackCommand, DeleteStackCommand, DescribeStacksCommand, ListExportsCommand, ListStackResourcesCommand, ListStacksCommand, UpdateStackCommand } from '@aws-sdk/client-cloudformation';
import { useCfnTestCloud } from './helpers/cfn-test-cloud';

const cloud = useCfnTestCloud({ buckets: ['deployment'] });

/** A child with one table and one queue whose names depend on a parameter; it exports the table ARN. */
const child = (suffix: string) =>
  JSON.stringify({
    Parameters: { Env: { Type: 'String' } },
    Resources: {
      Table: {
        Type: 'AWS::DynamoDB::Table',
        Properties: {
          KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
          AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
          BillingMode: 'PAY_PER_REQUEST',
          StreamSpecification: { StreamViewType: 'NEW_IMAGE' },
        },
      },
      Queue: { Type: 'AWS::SQS::Queue', Properties: { QueueName: { 'Fn::Sub': `\${Env}-queue-${suffix}` } } },
    },
    Outputs: {
      TableArn: { Value: { 'Fn::GetAtt': ['Table', 'Arn'] }, Export: { Name: { 'Fn::Sub': '${AWS::StackName}-TableArn' } } },
      StreamArn: { Value: { 'Fn::GetAtt': 'Table.StreamArn' } },
      QueueName: { Value: { 'Fn::GetAtt': ['Queue', 'QueueName'] } },
    },
  });

/** A consumer of the first child's output, passed through the parent. */
const consumer = JSON.stringify({
  Parameters: { TableArn: { Type: 'String' } },
  Resources: { Topic: { Type: 'AWS::SNS::Topic', Properties: { DisplayName: { 'Fn::Select': [5, { 'Fn::Split': [':', { Ref: 'TableArn' }] }] } } } },
  Outputs: { Display: { Value: { 'Fn::Select': [5, { 'Fn::Split': [':', { Ref: 'TableArn' }] }] } } },
});

const root = (urls: { a: string; b: string; consumer: string }) =>
  JSON.stringify({
    Resources: {
      ChildA: { Type: 'AWS::CloudFormation::Stack', Properties: { TemplateURL: urls.a, Parameters: { Env: 'dev' } } },
      ChildB: { Type: 'AWS::CloudFormation::Stack', Properties: { TemplateURL: urls.b, Parameters: { Env: 'dev' } } },
      Consumer: {
        Type: 'AWS::CloudFormation::Stack',
        Properties: { TemplateURL: urls.consumer, Parameters: { TableArn: { 'Fn::GetAtt': ['ChildA', 'Outputs.TableArn'] } } },
      },
    },
    Outputs: {
      ConsumerDisplay: { Value: { 'Fn::GetAtt': 'Consumer.Outputs.Display' } },
      QueueB: { Value: { 'Fn::GetAtt': ['ChildB', 'Outputs.QueueName'] } },
    },
  });

async function nestedStackIds(): Promise<Record<string, string>> {
  const { StackResourceSummaries } = await cloud.cfn.send(new ListStackResourcesCommand({ StackName: 'app' }));
  return Object.fromEntries(StackResourceSummaries!.map((summary) => [summary.LogicalResourceId, summary.PhysicalResourceId!]));
}

test('nested stacks from every S3 URL form, with cross-stack GetAtt, exports and ImportValue', async () => {
  const urls = {
    a: (await cloud.upload('deployment', 'a.json', child('a'))).replace('https://s3.amazonaws.com/deployment/', 'https://deployment.s3.amazonaws.com/'),
    b: (await cloud.upload('deployment', 'b.json', child('b'))).replace('https://s3.amazonaws.com/', 'https://s3.us-east-1.amazonaws.com/'),
    consumer: (await cloud.upload('deployment', 'consumer.json', consumer)).replace('https://s3.amazonaws.com/', `${cloud.endpoint}/`),
  };
  await cloud.cfn.send(new CreateStackCommand({ StackName: 'app', TemplateBody: root(urls) }));
  const stack = await cloud.waitForStack('app');
  expect(stack.StackStatus).toBe('CREATE_COMPLETE');
  const outputs = Object.fromEntries(stack.Outputs!.map((output) => [output.OutputKey, output.OutputValue]));
  expect(outputs.QueueB).toBe('dev-queue-b');
  expect(outputs.ConsumerDisplay).toMatch(/^table\/app-ChildA-[A-Z0-9]{13}-Table-/);

  const ids = await nestedStackIds();
  expect(ids.ChildA).toMatch(/^arn:aws:cloudformation:us-east-1:123456789012:stack\/app-ChildA-[A-Z0-9]{13}\//);
  const { Stacks } = await cloud.cfn.send(new DescribeStacksCommand({ StackName: ids.ChildA }));
  expect(Stacks![0]).toMatchObject({ ParentId: stack.StackId, RootId: stack.StackId, StackStatus: 'CREATE_COMPLETE' });
  const childOutputs = Object.fromEntries(Stacks![0].Outputs!.map((output) => [output.OutputKey, output.OutputValue]));
  expect(childOutputs.StreamArn).toMatch(/^arn:aws:dynamodb:us-east-1:123456789012:table\/.+\/stream\/\d{4}-/);

  const { Exports } = await cloud.cfn.send(new ListExportsCommand({}));
  const exported = Exports!.find((item) => item.Name === `${Stacks![0].StackName}-TableArn`);
  expect(exported).toMatchObject({ ExportingStackId: ids.ChildA, Value: childOutputs.TableArn });

  // Another stack imports the export; the exporting stack's export then may not go away.
  const importer = JSON.stringify({
    Resources: { Param: { Type: 'AWS::SSM::Parameter', Properties: { Type: 'String', Value: { 'Fn::ImportValue': exported!.Name } } } },
    Outputs: { Imported: { Value: { 'Fn::ImportValue': exported!.Name } } },
  });
  await cloud.cfn.send(new CreateStackCommand({ StackName: 'importer', TemplateBody: importer }));
  const imported = await cloud.waitForStack('importer');
  expect(imported.StackStatus).toBe('CREATE_COMPLETE');
  expect(imported.Outputs![0].OutputValue).toBe(childOutputs.TableArn);
});

test('an update that changes one nested stack leaves the others untouched', async () => {
  const before = await nestedStackIds();
  const describe = async (id: string) => (await cloud.cfn.send(new DescribeStacksCommand({ StackName: id }))).Stacks![0];
  const untouchedBefore = await describe(before.ChildA);
  // Same URLs; only the content of ChildB's template changes.
  await cloud.upload('deployment', 'b.json', child('b2'));
  const urls = {
    a: 'https://deployment.s3.amazonaws.com/a.json',
    b: 'https://s3.us-east-1.amazonaws.com/deployment/b.json',
    consumer: `${cloud.endpoint}/deployment/consumer.json`,
  };
  await cloud.cfn.send(new UpdateStackCommand({ StackName: 'app', TemplateBody: root(urls) }));
  const stack = await cloud.waitForStack('app');
  expect(stack.StackStatus).toBe('UPDATE_COMPLETE');
  expect(stack.Outputs!.find((output) => output.OutputKey === 'QueueB')!.OutputValue).toBe('dev-queue-b2');
  const after = await nestedStackIds();
  expect(after).toEqual(before);
  const childB = await describe(after.ChildB);
  expect(childB.StackStatus).toBe('UPDATE_COMPLETE');
  const childA = await describe(after.ChildA);
  expect(childA.StackStatus).toBe('CREATE_COMPLETE');
  expect(childA.LastUpdatedTime).toEqual(untouchedBefore.LastUpdatedTime);
  const rootEvents = (await cloud.events('app')).map((event) => `${event.LogicalResourceId} ${event.ResourceStatus}`);
  expect(rootEvents).toContain('ChildB UPDATE_COMPLETE');
  expect(rootEvents).not.toContain('ChildA UPDATE_IN_PROGRESS');
  expect(rootEvents).not.toContain('Consumer UPDATE_IN_PROGRESS');
  // The queue's name is create-only: ChildB replaced it and deleted the old one during cleanup.
  const childEvents = (await cloud.events(after.ChildB)).map((event) => `${event.LogicalResourceId} ${event.ResourceStatus} ${event.PhysicalResourceId}`);
  expect(childEvents.some((event) => event.startsWith('Queue DELETE_COMPLETE') && event.includes('dev-queue-b'))).toBe(true);

  // Nothing changed anywhere now: the same update is refused.
  await expect(cloud.cfn.send(new UpdateStackCommand({ StackName: 'app', TemplateBody: root(urls) }))).rejects.toThrow('No updates are to be performed.');
});

test('a failing nested stack fails its parent with the embedded stack reason, and everything rolls back', async () => {
  const broken = JSON.stringify({
    Resources: {
      Good: { Type: 'AWS::SNS::Topic' },
      Bad: { Type: 'AWS::SQS::Queue', DependsOn: 'Good', Properties: { QueueNam: 'x' } },
    },
  });
  const url = await cloud.upload('deployment', 'broken.json', broken);
  const template = JSON.stringify({
    Resources: {
      Fine: { Type: 'AWS::SNS::Topic' },
      Nested: { Type: 'AWS::CloudFormation::Stack', Properties: { TemplateURL: url } },
    },
  });
  await cloud.cfn.send(new CreateStackCommand({ StackName: 'breaks', TemplateBody: template }));
  const stack = await cloud.waitForStack('breaks');
  expect(stack.StackStatus).toBe('ROLLBACK_COMPLETE');
  const events = await cloud.events('breaks');
  const failed = events.find((event) => event.LogicalResourceId === 'Nested' && event.ResourceStatus === 'CREATE_FAILED');
  expect(failed!.ResourceStatusReason).toMatch(/^Embedded stack arn:aws:cloudformation:us-east-1:123456789012:stack\/breaks-Nested-[A-Z0-9]{13}\/[0-9a-f-]+ was not successfully created: The following resource\(s\) failed to create: \[Bad\]\. $/);
  const child = failed!.PhysicalResourceId || failed!.ResourceStatusReason!.split(' ')[2];
  const childStack = await cloud.waitForStack(child);
  expect(childStack.StackStatus).toBe('DELETE_COMPLETE');
  const childEvents = await cloud.events(child);
  expect(childEvents.find((event) => event.LogicalResourceId === 'Bad' && event.ResourceStatus === 'CREATE_FAILED')!.ResourceStatusReason).toContain(
    'Properties validation failed for resource Bad with message:',
  );
  expect(events.map((event) => `${event.LogicalResourceId} ${event.ResourceStatus}`)).toEqual(expect.arrayContaining(['Fine DELETE_COMPLETE', 'breaks ROLLBACK_IN_PROGRESS']));
});

test('when one nested stack fails an update, the parent rolls back the siblings that had updated', async () => {
  const simple = (display: string, extra: Record<string, unknown> = {}) =>
    JSON.stringify({ Resources: { Topic: { Type: 'AWS::SNS::Topic', Properties: { DisplayName: display } }, ...extra }, Outputs: { Display: { Value: display } } });
  await cloud.upload('deployment', 'rb-a.json', simple('a1'));
  await cloud.upload('deployment', 'rb-b.json', simple('b1'));
  const parent = JSON.stringify({
    Resources: {
      A: { Type: 'AWS::CloudFormation::Stack', Properties: { TemplateURL: 'https://s3.amazonaws.com/deployment/rb-a.json' } },
      B: { Type: 'AWS::CloudFormation::Stack', DependsOn: 'A', Properties: { TemplateURL: 'https://s3.amazonaws.com/deployment/rb-b.json' } },
    },
    Outputs: { A: { Value: { 'Fn::GetAtt': ['A', 'Outputs.Display'] } } },
  });
  await cloud.cfn.send(new CreateStackCommand({ StackName: 'rb', TemplateBody: parent }));
  expect((await cloud.waitForStack('rb')).StackStatus).toBe('CREATE_COMPLETE');
  const { StackResourceSummaries } = await cloud.cfn.send(new ListStackResourcesCommand({ StackName: 'rb' }));
  const ids = Object.fromEntries(StackResourceSummaries!.map((summary) => [summary.LogicalResourceId!, summary.PhysicalResourceId!]));

  await cloud.upload('deployment', 'rb-a.json', simple('a2'));
  await cloud.upload('deployment', 'rb-b.json', simple('b2', { Broken: { Type: 'AWS::SQS::Queue', Properties: { Wrong: 1 } } }));
  await cloud.cfn.send(new UpdateStackCommand({ StackName: 'rb', TemplateBody: parent }));
  const stack = await cloud.waitForStack('rb');
  expect(stack.StackStatus).toBe('UPDATE_ROLLBACK_COMPLETE');
  expect(stack.Outputs).toEqual([{ OutputKey: 'A', OutputValue: 'a1' }]);
  const events = await cloud.events('rb');
  const failed = events.find((event) => event.LogicalResourceId === 'B' && event.ResourceStatus === 'UPDATE_FAILED')!;
  // Topic's update was in flight when Broken failed: it was cancelled, so it is listed too.
  expect(failed.ResourceStatusReason).toBe(
    `Embedded stack ${ids.B} was not successfully updated. Currently in UPDATE_ROLLBACK_IN_PROGRESS with reason: The following resource(s) failed to create: [Broken]. The following resource(s) failed to update: [Topic]. `,
  );
  const cancelled = (await cloud.events(ids.B)).find((event) => event.LogicalResourceId === 'Topic' && event.ResourceStatus === 'UPDATE_FAILED');
  expect(cancelled?.ResourceStatusReason).toBe('Resource update cancelled');
  for (const id of [ids.A, ids.B]) {
    const child = (await cloud.cfn.send(new DescribeStacksCommand({ StackName: id }))).Stacks![0];
    expect(child.StackStatus).toBe('UPDATE_ROLLBACK_COMPLETE');
    expect(child.Outputs![0].OutputValue).toBe(id === ids.A ? 'a1' : 'b1');
  }
  // A nested stack added by a failing update is deleted by the rollback.
  await cloud.upload('deployment', 'rb-a.json', simple('a1'));
  await cloud.upload('deployment', 'rb-b.json', simple('b1'));
  await cloud.upload('deployment', 'rb-c.json', simple('c1', { Broken: { Type: 'AWS::SQS::Queue', Properties: { Wrong: 1 } } }));
  const withC = JSON.parse(parent) as { Resources: Record<string, unknown> };
  withC.Resources.C = { Type: 'AWS::CloudFormation::Stack', Properties: { TemplateURL: 'https://s3.amazonaws.com/deployment/rb-c.json' } };
  await cloud.cfn.send(new UpdateStackCommand({ StackName: 'rb', TemplateBody: JSON.stringify(withC) }));
  expect((await cloud.waitForStack('rb')).StackStatus).toBe('UPDATE_ROLLBACK_COMPLETE');
  const { StackSummaries } = await cloud.cfn.send(new ListStacksCommand({}));
  const childC = StackSummaries!.find((summary) => summary.StackName!.startsWith('rb-C-'))!;
  expect(childC.StackStatus).toBe('DELETE_COMPLETE');

  // Removing a nested stack from the parent deletes it during the parent's cleanup.
  const withoutB = JSON.parse(parent) as { Resources: Record<string, unknown> };
  delete withoutB.Resources.B;
  await cloud.cfn.send(new UpdateStackCommand({ StackName: 'rb', TemplateBody: JSON.stringify(withoutB) }));
  expect((await cloud.waitForStack('rb')).StackStatus).toBe('UPDATE_COMPLETE');
  expect((await cloud.waitForStack(ids.B)).StackStatus).toBe('DELETE_COMPLETE');
  const cleanup = (await cloud.events('rb')).map((event) => `${event.LogicalResourceId} ${event.ResourceStatus}`);
  expect(cleanup.indexOf('B DELETE_COMPLETE')).toBeLessThan(cleanup.indexOf('rb UPDATE_COMPLETE_CLEANUP_IN_PROGRESS'));

  const childA = (await cloud.events(ids.A)).map((event) => `${event.LogicalResourceId} ${event.ResourceStatus}`);
  expect(childA.slice(0, 4)).toEqual([
    `${childA[0].split(' ')[0]} UPDATE_ROLLBACK_COMPLETE`,
    `${childA[0].split(' ')[0]} UPDATE_ROLLBACK_COMPLETE_CLEANUP_IN_PROGRESS`,
    'Topic UPDATE_COMPLETE',
    'Topic UPDATE_IN_PROGRESS',
  ]);
});

test('an export in use blocks deleting its stack; deleting the root after the importer deletes every nested stack', async () => {
  const ids = await nestedStackIds();
  const rootId = (await cloud.cfn.send(new DescribeStacksCommand({ StackName: 'app' }))).Stacks![0].StackId!;
  await cloud.cfn.send(new DeleteStackCommand({ StackName: 'app' }));
  const blocked = await cloud.waitForStack(rootId);
  expect(blocked.StackStatus).toBe('DELETE_FAILED');
  const childA = await cloud.waitForStack(ids.ChildA);
  expect(childA.StackStatus).toBe('DELETE_FAILED');
  expect(childA.StackStatusReason).toBe(`Export ${childA.StackName}-TableArn cannot be deleted as it is in use by importer`);

  const importerId = (await cloud.cfn.send(new DescribeStacksCommand({ StackName: 'importer' }))).Stacks![0].StackId!;
  await cloud.cfn.send(new DeleteStackCommand({ StackName: 'importer' }));
  expect((await cloud.waitForStack(importerId)).StackStatus).toBe('DELETE_COMPLETE');
  await cloud.cfn.send(new DeleteStackCommand({ StackName: rootId }));
  expect((await cloud.waitForStack(rootId)).StackStatus).toBe('DELETE_COMPLETE');
  for (const id of Object.values(ids)) expect((await cloud.waitForStack(id)).StackStatus).toBe('DELETE_COMPLETE');
  const { Exports } = await cloud.cfn.send(new ListExportsCommand({}));
  expect(Exports ?? []).toEqual([]);
});
