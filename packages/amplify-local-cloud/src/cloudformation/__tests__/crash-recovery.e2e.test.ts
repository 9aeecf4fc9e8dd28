import { ChildProcess, spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { CloudFormationClient, CreateStackCommand, Stack, DescribeStackEventsCommand, DescribeStacksCommand, GetTemplateCommand, ListStackResourcesCommand, ListStacksCommand, UpdateStackCommand } from '@aws-sdk/client-cloudformation';
import { CreateBucketCommand, HeadBucketCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';

// Jest applies testTimeout only globally: these tests run servers and functions, so they say their own.

/**
 * A server child process over the built `lib/` output (run `npx tsc -b packages/amplify-local-cloud` first):
 * `startLocalCloud` on a free port, printing its endpoint and credentials, closing on SIGTERM.
 */
const SERVER = `
const { startLocalCloud } = require(${JSON.stringify(path.join(__dirname, '..', '..', '..', 'lib', 'local-cloud'))});
startLocalCloud({ port: 0, dataDir: process.argv[1] }).then((cloud) => {
  process.stdout.write(JSON.stringify({ endpoint: cloud.endpoint, credentials: cloud.credentials }) + '\\n');
  process.on('SIGTERM', () => cloud.close().then(() => process.exit(0)));
});
`;

interface Server {
  child: ChildProcess;
  endpoint: string;
  credentials: { accessKeyId: string; secretAccessKey: string };
}

function startServer(dataDir: string): Promise<Server> {
  const child = spawn(process.execPath, ['-e', SERVER, dataDir], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const line = output.split('\n')[0];
      if (output.includes('\n')) resolve({ child, ...(JSON.parse(line) as Omit<Server, 'child'>) });
    });
    child.on('exit', (code) => reject(new Error(`server exited with ${code} before listening`)));
  });
}

/** Recovery runs in the background after start-up, as any stack operation: poll until it has settled. */
async function settled(cfn: CloudFormationClient, stackId: string): Promise<Stack> {
  for (;;) {
    const stack = (await cfn.send(new DescribeStacksCommand({ StackName: stackId }))).Stacks![0];
    if (!stack.StackStatus!.endsWith('_IN_PROGRESS')) return stack;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const clients = ({ endpoint, credentials }: Server) => {
  const config = { endpoint, region: 'us-east-1', credentials };
  return { cfn: new CloudFormationClient(config), s3: new S3Client({ ...config, forcePathStyle: true }) };
};

let dataDir: string;
let server: Server | undefined;
beforeAll(() => {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'local-cloud-crash-'));
});
async function stopServer(): Promise<void> {
  if (server && server.child.exitCode === null) {
    const exited = new Promise((resolve) => server!.child.on('exit', resolve));
    server.child.kill('SIGTERM');
    await exited;
  }
}
/** Kills the server mid-operation (SIGKILL: no shutdown code runs), then starts a new one over the same data. */
async function crashAndRestart(old: ReturnType<typeof clients>): Promise<ReturnType<typeof clients>> {
  const killed = new Promise((resolve) => server!.child.on('exit', resolve));
  server!.child.kill('SIGKILL');
  await killed;
  old.cfn.destroy();
  old.s3.destroy();
  server = await startServer(dataDir);
  return clients(server);
}
afterAll(async () => {
  await stopServer();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

test('a server killed with SIGKILL mid-create leaves no stack IN_PROGRESS after restart', async () => {
  server = await startServer(dataDir);
  let { cfn, s3 } = clients(server);
  await s3.send(new CreateBucketCommand({ Bucket: 'templates' }));
  // The nested stack's custom resource never answers within the test: the create is stuck mid-way when the kill comes.
  const nested = JSON.stringify({
    Parameters: { Token: { Type: 'String' } },
    Resources: {
      Made: { Type: 'AWS::S3::Bucket', Properties: { BucketName: 'made-before-crash' } },
      Slow: { Type: 'Custom::Slow', DependsOn: 'Made', Properties: { ServiceToken: { Ref: 'Token' } } },
    },
  });
  await s3.send(new PutObjectCommand({ Bucket: 'templates', Key: 'nested.json', Body: nested }));
  const root = JSON.stringify({
    Resources: {
      Waiter: {
        Type: 'AWS::Lambda::Function',
        Properties: { Runtime: 'nodejs20.x', Handler: 'index.handler', Timeout: 20, Role: 'arn:aws:iam::123456789012:role/r', Code: { ZipFile: 'exports.handler = () => new Promise(() => setInterval(() => undefined, 1000));' } },
      },
      Nested: {
        Type: 'AWS::CloudFormation::Stack',
        Properties: { TemplateURL: 'https://templates.s3.amazonaws.com/nested.json', Parameters: { Token: { 'Fn::GetAtt': ['Waiter', 'Arn'] } } },
      },
    },
  });
  const { StackId } = await cfn.send(new CreateStackCommand({ StackName: 'crashy', TemplateBody: root }));
  // Wait until the nested stack's custom resource is in flight.
  let nestedId: string | undefined;
  for (let attempt = 0; attempt < 200 && nestedId === undefined; attempt += 1) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    const { StackSummaries = [] } = await cfn.send(new ListStacksCommand({}));
    nestedId = StackSummaries.find((summary) => summary.ParentId === StackId)?.StackId;
    if (nestedId !== undefined) {
      const events = await cfn.send(new DescribeStackEventsCommand({ StackName: nestedId }));
      if (!events.StackEvents!.some((event) => event.LogicalResourceId === 'Slow' && event.ResourceStatus === 'CREATE_IN_PROGRESS')) nestedId = undefined;
    }
  }
  expect(nestedId).toBeDefined();
  ({ cfn, s3 } = await crashAndRestart({ cfn, s3 }));
  expect((await settled(cfn, StackId!)).StackStatus).toBe('ROLLBACK_COMPLETE');
  const rootEvents = (await cfn.send(new DescribeStackEventsCommand({ StackName: StackId }))).StackEvents!;
  expect(rootEvents.find((event) => event.ResourceStatus === 'ROLLBACK_IN_PROGRESS')!.ResourceStatusReason).toBe('Operation interrupted by a restart of the local cloud');
  expect(rootEvents.find((event) => event.LogicalResourceId === 'Nested' && event.ResourceStatus === 'CREATE_FAILED')!.ResourceStatusReason).toBe(
    'Operation interrupted by a restart of the local cloud',
  );
  const child = await settled(cfn, nestedId!);
  expect(child.StackStatus).toBe('DELETE_COMPLETE');
  // What the interrupted create made was removed.
  await expect(s3.send(new HeadBucketCommand({ Bucket: 'made-before-crash' }))).rejects.toThrow();
  const resources = await cfn.send(new ListStackResourcesCommand({ StackName: StackId }));
  expect(resources.StackResourceSummaries!.every((resource) => !resource.ResourceStatus!.endsWith('_IN_PROGRESS'))).toBe(true);
  cfn.destroy();
  s3.destroy();
}, 60_000);

test('a server killed mid-update restarts into UPDATE_ROLLBACK_COMPLETE with the previous state', async () => {
  await stopServer();
  server = await startServer(dataDir);
  let { cfn, s3 } = clients(server);
  const waiter = {
    Type: 'AWS::Lambda::Function',
    Properties: { Runtime: 'nodejs20.x', Handler: 'index.handler', Timeout: 20, Role: 'arn:aws:iam::123456789012:role/r', Code: { ZipFile: 'exports.handler = () => new Promise(() => setInterval(() => undefined, 1000));' } },
  };
  const before = { Resources: { Waiter: waiter, Topic: { Type: 'AWS::SNS::Topic', Properties: { DisplayName: 'before' } } }, Outputs: { Display: { Value: 'before' } } };
  const { StackId } = await cfn.send(new CreateStackCommand({ StackName: 'crashy-update', TemplateBody: JSON.stringify(before) }));
  for (let status = ''; status !== 'CREATE_COMPLETE'; ) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    status = (await cfn.send(new DescribeStacksCommand({ StackName: StackId }))).Stacks![0].StackStatus!;
  }
  const after = {
    Resources: {
      Waiter: waiter,
      Topic: { Type: 'AWS::SNS::Topic', Properties: { DisplayName: 'after' } },
      Added: { Type: 'AWS::S3::Bucket', Properties: { BucketName: 'added-during-update' } },
      // Its Delete during the recovery calls this endpoint: recovery must not keep the endpoint from answering.
      CallerFunction: {
        Type: 'AWS::Lambda::Function',
        Properties: {
          Runtime: 'nodejs20.x',
          Handler: 'index.handler',
          Timeout: 20,
          Role: 'arn:aws:iam::123456789012:role/r',
          Code: {
            ZipFile: [
              "const response = require('cfn-response');",
              "const { S3Client, ListBucketsCommand } = require('@aws-sdk/client-s3');",
              'exports.handler = async (event, context) => {',
              '  const { Buckets } = await new S3Client({ forcePathStyle: true }).send(new ListBucketsCommand({}));',
              "  await new Promise(() => response.send(event, context, response.SUCCESS, { Count: String(Buckets.length) }, 'caller'));",
              '};',
            ].join('\n'),
          },
        },
      },
      Caller: { Type: 'Custom::Caller', Properties: { ServiceToken: { 'Fn::GetAtt': ['CallerFunction', 'Arn'] } } },
      Slow: { Type: 'Custom::Slow', DependsOn: ['Added', 'Topic', 'Caller'], Properties: { ServiceToken: { 'Fn::GetAtt': ['Waiter', 'Arn'] } } },
    },
    Outputs: { Display: { Value: 'after' } },
  };
  await cfn.send(new UpdateStackCommand({ StackName: StackId, TemplateBody: JSON.stringify(after) }));
  for (let inFlight = false; !inFlight; ) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    const events = (await cfn.send(new DescribeStackEventsCommand({ StackName: StackId }))).StackEvents!;
    inFlight = events.some((event) => event.LogicalResourceId === 'Slow' && event.ResourceStatus === 'CREATE_IN_PROGRESS');
  }
  ({ cfn, s3 } = await crashAndRestart({ cfn, s3 }));
  const stack = await settled(cfn, StackId!);
  expect(stack.StackStatus).toBe('UPDATE_ROLLBACK_COMPLETE');
  expect(stack.Outputs).toEqual([{ OutputKey: 'Display', OutputValue: 'before' }]);
  const events = (await cfn.send(new DescribeStackEventsCommand({ StackName: StackId }))).StackEvents!;
  expect(events.find((event) => event.ResourceStatus === 'UPDATE_ROLLBACK_IN_PROGRESS')!.ResourceStatusReason).toBe('Operation interrupted by a restart of the local cloud');
  await expect(s3.send(new HeadBucketCommand({ Bucket: 'added-during-update' }))).rejects.toThrow();
  expect(events.find((event) => event.LogicalResourceId === 'Caller' && event.ResourceStatus === 'DELETE_COMPLETE')).toBeDefined();
  const resources = (await cfn.send(new ListStackResourcesCommand({ StackName: StackId }))).StackResourceSummaries!;
  expect(resources.map((resource) => `${resource.LogicalResourceId} ${resource.ResourceStatus}`).sort()).toEqual(['Topic CREATE_COMPLETE', 'Waiter CREATE_COMPLETE']);
  const template = (await cfn.send(new GetTemplateCommand({ StackName: StackId }))).TemplateBody;
  expect(JSON.parse(template!)).toEqual(before);
  cfn.destroy();
  s3.destroy();
}, 60_000);
