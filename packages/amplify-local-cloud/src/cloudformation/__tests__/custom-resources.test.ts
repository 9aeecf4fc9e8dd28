import { ContinueUpdateRollbackCommand, CreateStackCommand, DeleteStackCommand, UpdateStackCommand } from '@aws-sdk/client-cloudformation';
import { strToU8, zipSync } from 'fflate';
import { useCfnTestCloud } from './helpers/cfn-test-cloud';

const cloud = useCfnTestCloud({ buckets: ['code'] });
beforeAll(async () => {
  // A handler that answers like the cfn-response module: an https PUT of JSON to the ResponseURL, and logs every
  // request it gets into a file so the test sees the Create/Update/Delete sequence.
  const handler = `
const https = require('https');
const fs = require('fs');
exports.handler = (event, context) => {
  fs.appendFileSync(process.env.LOG_FILE, JSON.stringify({ type: event.RequestType, id: event.PhysicalResourceId, old: event.OldResourceProperties && event.OldResourceProperties.Name }) + '\\n');
  const name = event.ResourceProperties.Name;
  // 'fail' cannot be created; a resource named 'locked' keeps its id and refuses to change back.
  const locked = event.OldResourceProperties && event.OldResourceProperties.Name === 'locked';
  const failed = (name === 'fail' || locked) && event.RequestType !== 'Delete';
  const body = JSON.stringify({
    Status: failed ? 'FAILED' : 'SUCCESS',
    Reason: failed ? 'boom: name may not be fail' : 'ok',
    PhysicalResourceId: event.RequestType === 'Delete' || name === 'locked' ? event.PhysicalResourceId : 'greeter-' + name,
    StackId: event.StackId, RequestId: event.RequestId, LogicalResourceId: event.LogicalResourceId,
    Data: { Greeting: 'hello ' + name + ' from ' + process.env.AWS_REGION },
  });
  const url = new URL(event.ResponseURL);
  const request = https.request({ hostname: url.hostname, port: 443, path: url.pathname + url.search, method: 'PUT',
    headers: { 'content-type': '', 'content-length': Buffer.byteLength(body) } }, (response) => { response.resume(); response.on('end', () => context.done()); });
  request.on('error', (error) => context.done(error));
  request.end(body);
};`;
  await cloud.upload('code', 'greeter.zip', Buffer.from(zipSync({ 'src/index.js': strToU8(handler) })));
});

const logFile = () => `${cloud.dataDir}/greeter-log.jsonl`;

const template = (name: string, extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    Resources: {
      ...extra,
      Role: { Type: 'AWS::IAM::Role', Properties: { AssumeRolePolicyDocument: { Version: '2012-10-17', Statement: [] } } },
      Greeter: {
        Type: 'AWS::Lambda::Function',
        Properties: {
          Runtime: 'nodejs20.x',
          Handler: 'src/index.handler',
          Timeout: 15,
          Role: { 'Fn::GetAtt': ['Role', 'Arn'] },
          Code: { S3Bucket: 'code', S3Key: 'greeter.zip' },
          Environment: { Variables: { LOG_FILE: logFile() } },
        },
      },
      Greeting: { Type: 'Custom::Greeting', Properties: { ServiceToken: { 'Fn::GetAtt': ['Greeter', 'Arn'] }, Name: name } },
    },
    Outputs: { Greeting: { Value: { 'Fn::GetAtt': ['Greeting', 'Greeting'] } }, Id: { Value: { Ref: 'Greeting' } } },
  });

const requests = async () => (await import('fs')).readFileSync(logFile(), 'utf8').trim().split('\n').map((line) => JSON.parse(line) as { type: string; id?: string; old?: string });

test('a Node.js Lambda from S3 backs a custom resource through create, replacing update and delete', async () => {
  await cloud.cfn.send(new CreateStackCommand({ StackName: 'custom', TemplateBody: template('world'), Capabilities: ['CAPABILITY_IAM'] }));
  let stack = await cloud.waitForStack('custom');
  expect(stack.StackStatus).toBe('CREATE_COMPLETE');
  expect(Object.fromEntries(stack.Outputs!.map((output) => [output.OutputKey, output.OutputValue]))).toEqual({ Greeting: 'hello world from us-east-1', Id: 'greeter-world' });

  await cloud.cfn.send(new UpdateStackCommand({ StackName: 'custom', TemplateBody: template('moon'), Capabilities: ['CAPABILITY_IAM'] }));
  // The function runs for a while: meanwhile the stack cannot be deleted, as on AWS.
  await expect(cloud.cfn.send(new DeleteStackCommand({ StackName: 'custom' }))).rejects.toThrow('Stack [custom] cannot be deleted while in status UPDATE_IN_PROGRESS');
  stack = await cloud.waitForStack('custom');
  expect(stack.StackStatus).toBe('UPDATE_COMPLETE');
  expect(stack.Outputs!.find((output) => output.OutputKey === 'Greeting')!.OutputValue).toBe('hello moon from us-east-1');

  await cloud.cfn.send(new DeleteStackCommand({ StackName: 'custom' }));
  expect((await cloud.waitForStack(stack.StackId!)).StackStatus).toBe('DELETE_COMPLETE');
  // The new id from the update made it a replacement: the old resource got its Delete during cleanup.
  expect(await requests()).toEqual([
    { type: 'Create' },
    { type: 'Update', id: 'greeter-world', old: 'world' },
    { type: 'Delete', id: 'greeter-world' },
    { type: 'Delete', id: 'greeter-moon' },
  ]);
}, 30_000);

test('a FAILED response fails the resource with the returned reason', async () => {
  await cloud.cfn.send(new CreateStackCommand({ StackName: 'custom-fails', TemplateBody: template('fail'), Capabilities: ['CAPABILITY_IAM'] }));
  expect((await cloud.waitForStack('custom-fails')).StackStatus).toBe('ROLLBACK_COMPLETE');
  const failed = (await cloud.events('custom-fails')).find((event) => event.ResourceStatus === 'CREATE_FAILED')!;
  expect(failed.LogicalResourceId).toBe('Greeting');
  expect(failed.ResourceStatusReason).toBe('Received response status [FAILED] from custom resource. Message returned: boom: name may not be fail');
}, 30_000);

test('a rollback that fails can be continued, skipping the resource that cannot go back', async () => {
  await cloud.cfn.send(new CreateStackCommand({ StackName: 'stuck', TemplateBody: template('world'), Capabilities: ['CAPABILITY_IAM'] }));
  expect((await cloud.waitForStack('stuck')).StackStatus).toBe('CREATE_COMPLETE');
  const broken = { Broken: { Type: 'AWS::SQS::Queue', DependsOn: 'Greeting', Properties: { Wrong: 1 } } };
  await cloud.cfn.send(new UpdateStackCommand({ StackName: 'stuck', TemplateBody: template('locked', broken), Capabilities: ['CAPABILITY_IAM'] }));
  const failed = await cloud.waitForStack('stuck');
  expect(failed).toMatchObject({ StackStatus: 'UPDATE_ROLLBACK_FAILED', StackStatusReason: 'The following resource(s) failed to update: [Greeting]. ' });
  await expect(cloud.cfn.send(new ContinueUpdateRollbackCommand({ StackName: 'stuck', ResourcesToSkip: ['Nope'] }))).rejects.toThrow('Resources to skip [Nope]');
  await cloud.cfn.send(new ContinueUpdateRollbackCommand({ StackName: 'stuck', ResourcesToSkip: ['Greeting'] }));
  const stack = await cloud.waitForStack('stuck');
  expect(stack.StackStatus).toBe('UPDATE_ROLLBACK_COMPLETE');
  const skipped = (await cloud.events('stuck')).find((event) => event.ResourceStatusReason === 'Resource skipped during UpdateRollback');
  expect(skipped?.LogicalResourceId).toBe('Greeting');
  await expect(cloud.cfn.send(new ContinueUpdateRollbackCommand({ StackName: 'stuck' }))).rejects.toThrow('ContinueUpdateRollback needs UPDATE_ROLLBACK_FAILED');
}, 30_000);

test('inline code with cfn-response and fetch both work; silence times out; other runtimes fail clearly', async () => {
  // Generous timeouts: a loaded CI machine may take a while to start a function's process.
  const inline = (code: string, runtime = 'nodejs20.x', timeout = 15) => ({
    Type: 'AWS::Lambda::Function',
    Properties: { Runtime: runtime, Handler: 'index.handler', Timeout: timeout, Role: 'arn:aws:iam::123456789012:role/x', Code: { ZipFile: code } },
  });
  const body = JSON.stringify({
    Resources: {
      WithModule: inline(`const response = require('cfn-response');
exports.handler = (event, context) => response.send(event, context, response.SUCCESS, { Value: 'module' }, 'with-module');`),
      // Uses the SDK as Lambda's Node.js runtimes provide it: the call reaches this local cloud, signed with the
      // temporary keys the function was given (never the instance's own).
      WithFetch: inline(`const { S3Client, ListBucketsCommand } = require('@aws-sdk/client-s3');
exports.handler = async (event) => {
  const { Buckets } = await new S3Client({ forcePathStyle: true }).send(new ListBucketsCommand({}));
  await fetch(event.ResponseURL, { method: 'PUT', body: JSON.stringify({ Status: 'SUCCESS', PhysicalResourceId: 'with-fetch', StackId: event.StackId,
    RequestId: event.RequestId, LogicalResourceId: event.LogicalResourceId, Data: { Value: 'fetch', Buckets: Buckets.map((bucket) => bucket.Name).join(','),
    KeyKind: process.env.AWS_ACCESS_KEY_ID.slice(0, 4) + (process.env.AWS_SESSION_TOKEN ? '+token' : '') } }) });
};`),
      A: { Type: 'Custom::A', Properties: { ServiceToken: { 'Fn::GetAtt': ['WithModule', 'Arn'] } } },
      B: { Type: 'AWS::CloudFormation::CustomResource', Properties: { ServiceToken: { 'Fn::GetAtt': ['WithFetch', 'Arn'] } } },
    },
    Outputs: {
      A: { Value: { 'Fn::GetAtt': ['A', 'Value'] } },
      B: { Value: { 'Fn::GetAtt': ['B', 'Value'] } },
      Buckets: { Value: { 'Fn::GetAtt': ['B', 'Buckets'] } },
      KeyKind: { Value: { 'Fn::GetAtt': ['B', 'KeyKind'] } },
    },
  });
  await cloud.cfn.send(new CreateStackCommand({ StackName: 'inline', TemplateBody: body }));
  const stack = await cloud.waitForStack('inline');
  expect(stack.StackStatus).toBe('CREATE_COMPLETE');
  expect(Object.fromEntries(stack.Outputs!.map((output) => [output.OutputKey, output.OutputValue]))).toEqual({ A: 'module', B: 'fetch', Buckets: 'code', KeyKind: 'ASIA+token' });

  const silent = JSON.stringify({
    Resources: {
      Silent: inline('exports.handler = () => new Promise(() => setInterval(() => undefined, 1000));', 'nodejs20.x', 1),
      Python: inline('def handler(event, context): pass', 'python3.12'),
      Waits: { Type: 'Custom::Waits', Properties: { ServiceToken: { 'Fn::GetAtt': ['Silent', 'Arn'] } } },
      Py: { Type: 'Custom::Py', Properties: { ServiceToken: { 'Fn::GetAtt': ['Python', 'Arn'] } } },
    },
  });
  await cloud.cfn.send(new CreateStackCommand({ StackName: 'silent', TemplateBody: silent, DisableRollback: true }));
  expect((await cloud.waitForStack('silent')).StackStatus).toBe('CREATE_FAILED');
  const reasons = Object.fromEntries(
    (await cloud.events('silent')).filter((event) => event.ResourceStatus === 'CREATE_FAILED').map((event) => [event.LogicalResourceId, event.ResourceStatusReason]),
  );
  expect(reasons.Py).toMatch(/^Runtime python3\.12 of silent-Python-\w+ cannot run in the local cloud: only nodejs runtimes are invoked locally$/);
  expect(reasons.Waits).toMatch(/^Custom resource function silent-Silent-\w+ timed out after 1 seconds without sending a response$/);
}, 30_000);
