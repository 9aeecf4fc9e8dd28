import { CreateStackCommand, DescribeStackResourceCommand, UpdateStackCommand } from '@aws-sdk/client-cloudformation';
import { signedRequest } from '../../__tests__/test-cloud';
import { useCfnTestCloud } from './helpers/cfn-test-cloud';

const cloud = useCfnTestCloud();

const create = (name: string, body: unknown, extra: Record<string, unknown> = {}) =>
  cloud.cfn.send(new CreateStackCommand({ StackName: name, TemplateBody: typeof body === 'string' ? body : JSON.stringify(body), ...extra }));

test('template errors are 400 ValidationErrors at CreateStack, worded as AWS words them', async () => {
  await expect(create('bad-type', { Resources: { A: { Type: 'AWS::S3::Buckett' } } })).rejects.toMatchObject({
    name: 'ValidationError',
    message: 'Template format error: Unrecognized resource types: [AWS::S3::Buckett]',
    $metadata: { httpStatusCode: 400 },
  });
  await expect(create('bad-ref', { Resources: { A: { Type: 'AWS::SNS::Topic', Properties: { DisplayName: { Ref: 'Nope' } } } } })).rejects.toThrow(
    'Template format error: Unresolved resource dependencies [Nope] in the Resources block of the template',
  );
  await expect(create('bad-param', { Parameters: { P: { Type: 'String' } }, Resources: { A: { Type: 'AWS::SNS::Topic' } } })).rejects.toThrow('Parameters: [P] must have values');
  await expect(create('needs-iam', { Resources: { R: { Type: 'AWS::IAM::Role', Properties: { AssumeRolePolicyDocument: {} } } } })).rejects.toMatchObject({
    name: 'InsufficientCapabilitiesException',
    message: 'Requires capabilities : [CAPABILITY_IAM]',
  });
  await expect(create('bad-function', { Resources: { A: { Type: 'AWS::SNS::Topic', Properties: { DisplayName: { 'Fn::Frob': 1 } } } } })).rejects.toThrow(
    'Template format error: Encountered unsupported function: Fn::Frob',
  );
  await expect(create('bad-policy', { Resources: { A: { Type: 'AWS::SNS::Topic', DeletionPolicy: 'Keep' } } })).rejects.toThrow(
    'Template format error: Unrecognized DeletionPolicy Keep for resource A',
  );
  await expect(create('bad-map', { Resources: { A: { Type: 'AWS::SNS::Topic', Properties: { DisplayName: { 'Fn::FindInMap': ['M', 'a', 'b'] } } } } })).rejects.toThrow(
    'Template error: Unable to get mapping for M',
  );
  await expect(
    create('off-dependency', {
      Conditions: { Never: { 'Fn::Equals': ['a', 'b'] } },
      Resources: { Off: { Type: 'AWS::SNS::Topic', Condition: 'Never' }, On: { Type: 'AWS::SNS::Topic', DependsOn: 'Off' } },
    }),
  ).rejects.toThrow('Template format error: Unresolved resource dependencies [Off] in the Resources block of the template');
  await create('fine', { Resources: { A: { Type: 'AWS::SNS::Topic' } } });
  await expect(create('fine', { Resources: { A: { Type: 'AWS::SNS::Topic' } } })).rejects.toMatchObject({ name: 'AlreadyExistsException', message: 'Stack [fine] already exists' });
});

test('a misspelled property fails the resource with a did-you-mean, and the stack rolls back what it created', async () => {
  await create('typo', {
    Resources: {
      First: { Type: 'AWS::SNS::Topic' },
      Second: { Type: 'AWS::S3::Bucket', DependsOn: 'First' },
      Typo: { Type: 'AWS::SQS::Queue', DependsOn: 'Second', Properties: { VisibilityTimout: 30 } },
    },
  });
  const stack = await cloud.waitForStack('typo');
  expect(stack.StackStatus).toBe('ROLLBACK_COMPLETE');
  const events = await cloud.events('typo');
  const failed = events.find((event) => event.ResourceStatus === 'CREATE_FAILED')!;
  expect(failed.LogicalResourceId).toBe('Typo');
  expect(failed.ResourceStatusReason).toMatch(/^Properties validation failed for resource Typo with message: \[.*VisibilityTimout.*VisibilityTimeout/);
  const statuses = events.reverse().map((event) => `${event.LogicalResourceId} ${event.ResourceStatus}${event.ResourceStatusReason ? ` (${event.ResourceStatusReason})` : ''}`);
  expect(statuses.slice(-8)).toEqual([
    expect.stringMatching(/^Typo CREATE_FAILED/),
    'typo ROLLBACK_IN_PROGRESS (The following resource(s) failed to create: [Typo]. Rollback requested by user.)',
    'Typo DELETE_COMPLETE',
    'Second DELETE_IN_PROGRESS',
    'Second DELETE_COMPLETE',
    'First DELETE_IN_PROGRESS',
    'First DELETE_COMPLETE',
    'typo ROLLBACK_COMPLETE',
  ]);
});

test('an unknown GetAtt attribute and a missing required property fail the resource naming them', async () => {
  await create('attr', {
    Resources: {
      Bucket: { Type: 'AWS::S3::Bucket' },
      Topic: { Type: 'AWS::SNS::Topic', Properties: { DisplayName: { 'Fn::GetAtt': ['Bucket', 'Colour'] } } },
    },
  });
  expect((await cloud.waitForStack('attr')).StackStatus).toBe('ROLLBACK_COMPLETE');
  const reason = (await cloud.events('attr')).find((event) => event.ResourceStatus === 'CREATE_FAILED')!.ResourceStatusReason;
  expect(reason).toBe('Template error: resource Bucket does not support attribute type Colour in Fn::GetAtt');

  await create('required', { Resources: { Table: { Type: 'AWS::DynamoDB::Table', Properties: { BillingMode: 'PAY_PER_REQUEST' } } } });
  expect((await cloud.waitForStack('required')).StackStatus).toBe('ROLLBACK_COMPLETE');
  const missing = (await cloud.events('required')).find((event) => event.ResourceStatus === 'CREATE_FAILED')!.ResourceStatusReason;
  expect(missing).toMatch(/^Properties validation failed for resource Table with message: .*KeySchema/);
});

test('DisableRollback leaves the stack in CREATE_FAILED with the created resources', async () => {
  await create('kept', { Resources: { Ok: { Type: 'AWS::SNS::Topic' }, Bad: { Type: 'AWS::SQS::Queue', DependsOn: 'Ok', Properties: { Nope: 1 } } } }, { DisableRollback: true });
  const stack = await cloud.waitForStack('kept');
  expect(stack).toMatchObject({ StackStatus: 'CREATE_FAILED', StackStatusReason: 'The following resource(s) failed to create: [Bad]. ', DisableRollback: true });
  const { StackResourceDetail } = await cloud.cfn.send(new DescribeStackResourceCommand({ StackName: 'kept', LogicalResourceId: 'Ok' }));
  expect(StackResourceDetail!.ResourceStatus).toBe('CREATE_COMPLETE');
});

test('a failed update rolls back to the previous template, parameters, outputs and resources', async () => {
  const good = {
    Parameters: { Name: { Type: 'String', Default: 'one' } },
    Resources: { Topic: { Type: 'AWS::SNS::Topic', Properties: { DisplayName: { Ref: 'Name' } } } },
    Outputs: { Display: { Value: { Ref: 'Name' } } },
  };
  await create('upd', good);
  const created = await cloud.waitForStack('upd');
  const topicBefore = (await cloud.cfn.send(new DescribeStackResourceCommand({ StackName: 'upd', LogicalResourceId: 'Topic' }))).StackResourceDetail!.PhysicalResourceId;
  const broken = {
    ...good,
    Resources: { ...good.Resources, Added: { Type: 'AWS::S3::Bucket' }, Broken: { Type: 'AWS::SQS::Queue', DependsOn: ['Added', 'Topic'], Properties: { Bogus: true } } },
  };
  await cloud.cfn.send(new UpdateStackCommand({ StackName: 'upd', TemplateBody: JSON.stringify(broken), Parameters: [{ ParameterKey: 'Name', ParameterValue: 'two' }] }));
  const stack = await cloud.waitForStack('upd');
  expect(stack.StackStatus).toBe('UPDATE_ROLLBACK_COMPLETE');
  expect(stack.Parameters).toEqual([{ ParameterKey: 'Name', ParameterValue: 'one' }]);
  expect(stack.Outputs).toEqual(created.Outputs);
  const statuses = (await cloud.events('upd')).reverse().map((event) => `${event.LogicalResourceId} ${event.ResourceStatus}`);
  const update = statuses.slice(statuses.indexOf('upd UPDATE_IN_PROGRESS'));
  expect(update).toEqual(
    expect.arrayContaining(['Topic UPDATE_COMPLETE', 'Broken CREATE_FAILED', 'upd UPDATE_ROLLBACK_IN_PROGRESS', 'upd UPDATE_ROLLBACK_COMPLETE_CLEANUP_IN_PROGRESS', 'Added DELETE_COMPLETE']),
  );
  expect(update[update.length - 1]).toBe('upd UPDATE_ROLLBACK_COMPLETE');
  expect(update.indexOf('Topic UPDATE_COMPLETE', update.indexOf('upd UPDATE_ROLLBACK_IN_PROGRESS'))).toBeGreaterThan(0);
  const topic = (await cloud.cfn.send(new DescribeStackResourceCommand({ StackName: 'upd', LogicalResourceId: 'Topic' }))).StackResourceDetail!;
  expect(topic.PhysicalResourceId).toBe(topicBefore);
  await expect(cloud.cfn.send(new DescribeStackResourceCommand({ StackName: 'upd', LogicalResourceId: 'Added' }))).rejects.toThrow('Resource Added does not exist for stack upd');
  // The stack is updatable again from UPDATE_ROLLBACK_COMPLETE.
  await cloud.cfn.send(new UpdateStackCommand({ StackName: 'upd', TemplateBody: JSON.stringify(good), Parameters: [{ ParameterKey: 'Name', ParameterValue: 'three' }] }));
  expect((await cloud.waitForStack('upd')).StackStatus).toBe('UPDATE_COMPLETE');
});

test('an export name another stack already exports fails the stack, which rolls back', async () => {
  const exporting = (name: string) => ({
    Resources: { Topic: { Type: 'AWS::SNS::Topic', Properties: { DisplayName: name } } },
    Outputs: { Arn: { Value: { Ref: 'Topic' }, Export: { Name: 'shared-topic-arn' } } },
  });
  await create('first-exporter', exporting('one'));
  expect((await cloud.waitForStack('first-exporter')).StackStatus).toBe('CREATE_COMPLETE');
  await create('second-exporter', exporting('two'));
  const stack = await cloud.waitForStack('second-exporter');
  expect(stack.StackStatus).toBe('ROLLBACK_COMPLETE');
  const rollback = (await cloud.events('second-exporter')).find((event) => event.ResourceStatus === 'ROLLBACK_IN_PROGRESS')!;
  expect(rollback.ResourceStatusReason).toBe('Export with name shared-topic-arn is already exported by stack first-exporter. Rollback requested by user.');
});

test('resources in flight when another fails are cancelled, then rolled back', async () => {
  await create('cancelled', { Resources: { Good: { Type: 'AWS::SNS::Topic' }, Bad: { Type: 'AWS::SQS::Queue', Properties: { Wrong: 1 } } } });
  const stack = await cloud.waitForStack('cancelled');
  expect(stack.StackStatus).toBe('ROLLBACK_COMPLETE');
  const events = (await cloud.events('cancelled')).reverse().map((event) => `${event.LogicalResourceId} ${event.ResourceStatus} ${event.ResourceStatusReason ?? ''}`.trim());
  expect(events).toContain('Good CREATE_FAILED Resource creation cancelled');
  expect(events).toContain('cancelled ROLLBACK_IN_PROGRESS The following resource(s) failed to create: [Bad, Good]. Rollback requested by user.');
  // Good was made before it was cancelled: the rollback deletes it.
  expect(events).toContain('Good DELETE_IN_PROGRESS');
  expect(events.indexOf('Good DELETE_COMPLETE')).toBeGreaterThan(events.indexOf('Good DELETE_IN_PROGRESS'));
});

test('actions the API does not have are InvalidAction, even when they name a property every object has', async () => {
  for (const action of ['CreateChangeSet', 'constructor', 'toString']) {
    const response = await signedRequest(
      `${cloud.endpoint}/`,
      { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: `Action=${action}&Version=2010-05-15` },
      { credentials: cloud.config.credentials, service: 'cloudformation' },
    );
    expect(response.status).toBe(400);
    expect(response.body).toContain(`<Message>Could not find operation ${action} for version 2010-05-15</Message>`);
  }
});
