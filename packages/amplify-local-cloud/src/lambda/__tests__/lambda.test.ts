import * as fs from 'fs';
import * as path from 'path';
import { CreateStackCommand } from '@aws-sdk/client-cloudformation';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DeleteFunctionCommand, GetFunctionCommand, InvokeCommand, LambdaClient, ResourceConflictException, ResourceNotFoundException } from '@aws-sdk/client-lambda';
import { DeleteCommand, DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { strToU8, zipSync } from 'fflate';
import { useCfnTestCloud } from '../../cloudformation/__tests__/helpers/cfn-test-cloud';

const cloud = useCfnTestCloud({ buckets: ['code'] });
let lambda: LambdaClient;
let documents: DynamoDBDocumentClient;

const FUNCTIONS = `
const fs = require('fs');
exports.echo = async (event, context) => {
  console.log('echoing', JSON.stringify(event));
  return { event, greeting: process.env.GREETING, region: process.env.AWS_REGION, name: context.functionName, remaining: context.getRemainingTimeInMillis() > 0 };
};
exports.fail = async () => { throw new TypeError('bad input'); };
exports.slow = () => new Promise((resolve) => setTimeout(resolve, 10000));
exports.callback = (event, context, callback) => callback(null, { via: 'callback' });
exports.exits = () => { process.exit(3); };
exports.usesLayer = async () => require('greeter-lib').greet('layer');
exports.sleeper = async (event) => {
  const started = Date.now();
  await new Promise((resolve) => setTimeout(resolve, 300));
  fs.appendFileSync(process.env.OUT_FILE, JSON.stringify({ n: event.n, started, ended: Date.now() }) + '\\n');
};
exports.record = async (event) => { fs.appendFileSync(process.env.OUT_FILE, JSON.stringify(event) + '\\n'); return 'ok'; };
exports.readTable = async (event) => {
  const { DynamoDBClient, GetItemCommand } = require('@aws-sdk/client-dynamodb');
  const client = new DynamoDBClient({});
  const { Item } = await client.send(new GetItemCommand({ TableName: 'Notes', Key: { id: { S: event.id } } }));
  return { item: Item, keyType: process.env.AWS_ACCESS_KEY_ID.slice(0, 4) };
};
`;

function fn(handler: string, extra: Record<string, unknown> = {}) {
  return {
    Type: 'AWS::Lambda::Function',
    Properties: { Runtime: 'nodejs20.x', Handler: `index.${handler}`, Role: { 'Fn::GetAtt': ['Role', 'Arn'] }, Code: { S3Bucket: 'code', S3Key: 'functions.zip' }, ...extra },
  };
}

const out = (name: string) => path.join(cloud.dataDir, `${name}.jsonl`);
const lines = (name: string): Record<string, unknown>[] =>
  fs.existsSync(out(name)) ? fs.readFileSync(out(name), 'utf8').trim().split('\n').filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>) : [];

async function eventually<T>(read: () => T, done: (value: T) => boolean, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

beforeAll(async () => {
  await cloud.upload('code', 'functions.zip', Buffer.from(zipSync({ 'index.js': strToU8(FUNCTIONS) })));
  await cloud.upload('code', 'layer.zip', Buffer.from(zipSync({ 'nodejs/node_modules/greeter-lib/index.js': strToU8("exports.greet = (name) => 'hello ' + name;") })));
  const template = {
    Resources: {
      Role: { Type: 'AWS::IAM::Role', Properties: { AssumeRolePolicyDocument: { Version: '2012-10-17', Statement: [] } } },
      Echo: fn('echo', { FunctionName: 'echo', Environment: { Variables: { GREETING: 'hello from the stack' } } }),
      Fail: fn('fail', { FunctionName: 'fail' }),
      Slow: fn('slow', { FunctionName: 'slow', Timeout: 1 }),
      Callback: fn('callback', { FunctionName: 'callback' }),
      Exits: fn('exits', { FunctionName: 'exits' }),
      Shared: { Type: 'AWS::Lambda::LayerVersion', Properties: { LayerName: 'shared', Content: { S3Bucket: 'code', S3Key: 'layer.zip' } } },
      UsesLayer: fn('usesLayer', { FunctionName: 'uses-layer', Layers: [{ Ref: 'Shared' }] }),
      Sleeper: fn('sleeper', { FunctionName: 'sleeper', Environment: { Variables: { OUT_FILE: out('sleeper') } } }),
      Missing: fn('handler', { FunctionName: 'missing', Handler: 'nowhere.handler' }),
      Recorder: fn('record', { FunctionName: 'recorder', Environment: { Variables: { OUT_FILE: out('recorder') } } }),
      StreamTrigger: fn('record', { FunctionName: 'stream-trigger', Environment: { Variables: { OUT_FILE: out('stream') } } }),
      UploadTrigger: fn('record', { FunctionName: 'upload-trigger', Environment: { Variables: { OUT_FILE: out('uploads') } } }),
      ReadTable: fn('readTable', { FunctionName: 'read-table' }),
      Notes: {
        Type: 'AWS::DynamoDB::Table',
        Properties: {
          TableName: 'Notes',
          KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
          AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
          BillingMode: 'PAY_PER_REQUEST',
          StreamSpecification: { StreamViewType: 'NEW_AND_OLD_IMAGES' },
        },
      },
      NotesTrigger: {
        Type: 'AWS::Lambda::EventSourceMapping',
        Properties: { EventSourceArn: { 'Fn::GetAtt': ['Notes', 'StreamArn'] }, FunctionName: { Ref: 'StreamTrigger' }, StartingPosition: 'LATEST', BatchSize: 100 },
      },
      Uploads: {
        Type: 'AWS::S3::Bucket',
        DependsOn: 'UploadPermission',
        Properties: {
          BucketName: 'uploads-bucket',
          NotificationConfiguration: {
            LambdaConfigurations: [
              { Event: 's3:ObjectCreated:*', Function: { 'Fn::GetAtt': ['UploadTrigger', 'Arn'] }, Filter: { S3Key: { Rules: [{ Name: 'prefix', Value: 'public/' }] } } },
            ],
          },
        },
      },
      UploadPermission: {
        Type: 'AWS::Lambda::Permission',
        Properties: { Action: 'lambda:InvokeFunction', FunctionName: { Ref: 'UploadTrigger' }, Principal: 's3.amazonaws.com' },
      },
    },
  };
  await cloud.cfn.send(new CreateStackCommand({ StackName: 'functions', TemplateBody: JSON.stringify(template), Capabilities: ['CAPABILITY_IAM'] }));
  const stack = await cloud.waitForStack('functions');
  expect(stack.StackStatus).toBe('CREATE_COMPLETE');
  lambda = new LambdaClient(cloud.config);
  documents = DynamoDBDocumentClient.from(new DynamoDBClient(cloud.config));
});

afterAll(() => {
  lambda?.destroy();
  documents?.destroy();
});

const decode = (payload: Uint8Array | undefined) => JSON.parse(Buffer.from(payload ?? []).toString('utf8')) as Record<string, unknown>;

test('RequestResponse runs the handler with its environment and answers its result; tail logs on request', async () => {
  const result = await lambda.send(new InvokeCommand({ FunctionName: 'echo', Payload: Buffer.from(JSON.stringify({ a: 1 })), LogType: 'Tail' }));
  expect(result.StatusCode).toBe(200);
  expect(result.FunctionError).toBeUndefined();
  expect(decode(result.Payload)).toEqual({ event: { a: 1 }, greeting: 'hello from the stack', region: 'us-east-1', name: 'echo', remaining: true });
  const log = Buffer.from(result.LogResult!, 'base64').toString('utf8');
  expect(log).toMatch(/^START RequestId: [0-9a-f-]+ Version: \$LATEST\n/);
  expect(log).toMatch(/\tINFO\techoing \{"a":1\}\n/);
  expect(log).toMatch(/REPORT RequestId: .*Duration: /);
});

test('the function is found by its ARN too, and callbacks answer like promises', async () => {
  const result = await lambda.send(new InvokeCommand({ FunctionName: 'arn:aws:lambda:us-east-1:123456789012:function:callback' }));
  expect(decode(result.Payload)).toEqual({ via: 'callback' });
});

test('a thrown error is an Unhandled function error with its type, message and trace', async () => {
  const result = await lambda.send(new InvokeCommand({ FunctionName: 'fail' }));
  expect(result.StatusCode).toBe(200);
  expect(result.FunctionError).toBe('Unhandled');
  expect(decode(result.Payload)).toMatchObject({ errorType: 'TypeError', errorMessage: 'bad input', trace: expect.arrayContaining([expect.stringContaining('TypeError: bad input')]) });
});

test('a missing handler module and a process that exits are function errors as Lambda names them', async () => {
  const missing = await lambda.send(new InvokeCommand({ FunctionName: 'missing' }));
  expect(missing.FunctionError).toBe('Unhandled');
  expect(decode(missing.Payload)).toMatchObject({ errorType: 'Runtime.ImportModuleError' });
  const exits = await lambda.send(new InvokeCommand({ FunctionName: 'exits' }));
  expect(exits.FunctionError).toBe('Unhandled');
  expect(decode(exits.Payload)).toMatchObject({ errorType: 'Runtime.ExitError', errorMessage: expect.stringMatching(/Runtime exited with error: exit status 3$/) });
});

test("a function's layers are on its module path, as Lambda's /opt/nodejs/node_modules", async () => {
  const result = await lambda.send(new InvokeCommand({ FunctionName: 'uses-layer' }));
  expect(result.FunctionError).toBeUndefined();
  expect(Buffer.from(result.Payload!).toString('utf8')).toBe('"hello layer"');
});

test('the timeout is enforced', async () => {
  const started = Date.now();
  const result = await lambda.send(new InvokeCommand({ FunctionName: 'slow' }));
  expect(Date.now() - started).toBeLessThan(5000);
  expect(result.FunctionError).toBe('Unhandled');
  expect(decode(result.Payload)).toMatchObject({ errorType: 'Sandbox.Timedout', errorMessage: expect.stringMatching(/Task timed out after 1\.00 seconds$/) });
});

test('Event invocations answer 202 at once and run in the background; logs are kept per function', async () => {
  const result = await lambda.send(new InvokeCommand({ FunctionName: 'recorder', InvocationType: 'Event', Payload: Buffer.from('{"async":true}') }));
  expect(result.StatusCode).toBe(202);
  expect(await eventually(() => lines('recorder'), (found) => found.length > 0)).toEqual([{ async: true }]);
  const logFile = path.join(cloud.dataDir, 'lambda-logs', 'echo.log');
  expect(fs.readFileSync(logFile, 'utf8')).toContain('echoing');
});

test('a burst of Event invocations is queued and runs at most four at a time', async () => {
  for (let n = 0; n < 8; n++) {
    expect((await lambda.send(new InvokeCommand({ FunctionName: 'sleeper', InvocationType: 'Event', Payload: Buffer.from(JSON.stringify({ n })) }))).StatusCode).toBe(202);
  }
  const runs = (await eventually(() => lines('sleeper'), (found) => found.length >= 8, 15000)) as { n: number; started: number; ended: number }[];
  expect(runs.map((run) => run.n).sort()).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  // The most runs under way at once: at each start, those started and not yet ended.
  const concurrent = Math.max(...runs.map((run) => runs.filter((other) => other.started <= run.started && other.ended > run.started).length));
  expect(concurrent).toBeLessThanOrEqual(4);
});

test('an unknown function is ResourceNotFoundException; a forged signature is refused in JSON', async () => {
  await expect(lambda.send(new InvokeCommand({ FunctionName: 'nope' }))).rejects.toBeInstanceOf(ResourceNotFoundException);
  const forger = new LambdaClient({ ...cloud.config, credentials: { ...cloud.config.credentials, secretAccessKey: 'wrong' } });
  await expect(forger.send(new InvokeCommand({ FunctionName: 'echo' }))).rejects.toMatchObject({ name: 'InvalidSignatureException', $metadata: { httpStatusCode: 403 } });
  forger.destroy();
});

test('GetFunction describes a deployed function; DeleteFunction is ResourceNotFoundException for an unknown one and refused for a stack\'s', async () => {
  const { Configuration } = await lambda.send(new GetFunctionCommand({ FunctionName: 'echo' }));
  expect(Configuration).toMatchObject({
    FunctionName: 'echo',
    FunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:echo',
    Runtime: expect.stringMatching(/^nodejs/),
    Environment: { Variables: { GREETING: 'hello from the stack' } },
    State: 'Active',
  });
  await expect(lambda.send(new GetFunctionCommand({ FunctionName: 'nope' }))).rejects.toBeInstanceOf(ResourceNotFoundException);
  await expect(lambda.send(new DeleteFunctionCommand({ FunctionName: 'app-rds-schema-inspector-dev' }))).rejects.toMatchObject({
    name: 'ResourceNotFoundException',
    message: 'Function not found: arn:aws:lambda:us-east-1:123456789012:function:app-rds-schema-inspector-dev',
  });
  await expect(lambda.send(new DeleteFunctionCommand({ FunctionName: 'echo' }))).rejects.toBeInstanceOf(ResourceConflictException);
});

test("a function's SDK calls reach the local cloud with temporary keys of its role", async () => {
  await documents.send(new PutCommand({ TableName: 'Notes', Item: { id: 'n1', text: 'from the test' } }));
  const result = await lambda.send(new InvokeCommand({ FunctionName: 'read-table', Payload: Buffer.from('{"id":"n1"}') }));
  expect(result.FunctionError).toBeUndefined();
  expect(decode(result.Payload)).toEqual({ item: { id: { S: 'n1' }, text: { S: 'from the test' } }, keyType: 'ASIA' });
});

test('a table trigger receives INSERT, MODIFY and REMOVE records with old and new images', async () => {
  await documents.send(new PutCommand({ TableName: 'Notes', Item: { id: 's1', text: 'first' } }));
  await documents.send(new PutCommand({ TableName: 'Notes', Item: { id: 's1', text: 'second' } }));
  await documents.send(new DeleteCommand({ TableName: 'Notes', Key: { id: 's1' } }));
  const records = await eventually(
    () => lines('stream').flatMap((event) => event.Records as { eventName: string; dynamodb: { Keys: unknown; NewImage?: unknown; OldImage?: unknown } }[]).filter((record) => JSON.stringify(record.dynamodb.Keys) === '{"id":{"S":"s1"}}'),
    (found) => found.length >= 3,
  );
  expect(records.map((record) => record.eventName)).toEqual(['INSERT', 'MODIFY', 'REMOVE']);
  expect(records[0].dynamodb.NewImage).toEqual({ id: { S: 's1' }, text: { S: 'first' } });
  expect(records[1].dynamodb).toMatchObject({ OldImage: { text: { S: 'first' } }, NewImage: { text: { S: 'second' } } });
  expect(records[2].dynamodb.NewImage).toBeUndefined();
  expect(lines('stream')[0]).toMatchObject({ Records: [{ eventSource: 'aws:dynamodb', eventVersion: '1.1', awsRegion: 'us-east-1' }] });
});

test('an upload under the filtered prefix notifies the bucket trigger; others do not', async () => {
  await cloud.s3.send(new PutObjectCommand({ Bucket: 'uploads-bucket', Key: 'private/skip.txt', Body: 'no' }));
  await cloud.s3.send(new PutObjectCommand({ Bucket: 'uploads-bucket', Key: 'public/my photo.jpg', Body: 'yes' }));
  const events = await eventually(() => lines('uploads'), (found) => found.length > 0);
  expect(events).toHaveLength(1);
  expect(events[0]).toMatchObject({
    Records: [{ eventSource: 'aws:s3', eventName: 'ObjectCreated:Put', s3: { bucket: { name: 'uploads-bucket' }, object: { key: 'public/my+photo.jpg', size: 3 } } }],
  });
});
