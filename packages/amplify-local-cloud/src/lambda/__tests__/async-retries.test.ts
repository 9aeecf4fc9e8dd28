import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { DeployedResource } from '../../contracts';
import { FunctionLogs } from '../function-logs';
import { LambdaService } from '../lambda-service';
import { LayerStore } from '../layer-store';
import { NodeRuntime } from '../node-runtime';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lambda-retries-'));
  fs.mkdirSync(path.join(dir, 'code'));
  fs.writeFileSync(path.join(dir, 'code', 'index.js'), "exports.handler = async () => { require('fs').appendFileSync(process.env.OUT, 'run\\n'); throw new Error('always'); };");
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function service(extra: DeployedResource[], asyncRetryDelaysMs: number[] = [10, 10]) {
  const failing: DeployedResource = {
    stackId: 'arn:aws:cloudformation:us-east-1:123456789012:stack/s/1',
    logicalId: 'Failing',
    region: 'us-east-1',
    physicalId: 'failing',
    type: 'AWS::Lambda::Function',
    properties: { Runtime: 'nodejs20.x', Handler: 'index.handler', Environment: { Variables: { OUT: path.join(dir, 'runs.txt') } } },
    attributes: { Arn: 'arn:aws:lambda:us-east-1:123456789012:function:failing' },
  };
  const resources = [failing, ...extra];
  const runtime = new NodeRuntime(path.join(dir, 'runtime'), 'http://127.0.0.1:1');
  const lambda = new LambdaService({
    deployed: { ofType: (type) => resources.filter((resource) => resource.type === type) },
    codeDirectory: () => path.join(dir, 'code'),
    layers: new LayerStore(path.join(dir, 'layers')),
    runtime,
    logs: new FunctionLogs(path.join(dir, 'logs')),
    credentials: { issueTemporary: () => ({ accessKeyId: 'ASIA', secretAccessKey: 's', sessionToken: 't', expiration: new Date(Date.now() + 3600_000) }) },
    accountId: '123456789012',
    region: 'us-east-1',
    asyncRetryDelaysMs,
  });
  return { lambda, runtime };
}

/** The number of runs once it reached `expected` (or 10 s passed) and `settleMs` more went by without another. */
async function runsSettledAt(expected: number, settleMs: number): Promise<number> {
  const deadline = Date.now() + 10_000;
  while (runs() < expected && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
  await new Promise((resolve) => setTimeout(resolve, settleMs));
  return runs();
}

const runs = () => (fs.existsSync(path.join(dir, 'runs.txt')) ? fs.readFileSync(path.join(dir, 'runs.txt'), 'utf8').trim().split('\n').length : 0);

test('a failed asynchronous invocation is retried twice by default', async () => {
  const { lambda, runtime } = service([]);
  expect((await lambda.invoke('failing', {}, 'Event')).status).toBe(202);
  expect(await runsSettledAt(3, 300)).toBe(3);
  runtime.close();
  await lambda.close();
});

test("EventInvokeConfig's MaximumRetryAttempts limits the retries", async () => {
  const config: DeployedResource = { stackId: 's', logicalId: 'Config', physicalId: 'c', type: 'AWS::Lambda::EventInvokeConfig', region: 'us-east-1', properties: { FunctionName: 'failing', Qualifier: '$LATEST', MaximumRetryAttempts: 0 }, attributes: {} };
  const { lambda, runtime } = service([config]);
  await lambda.invoke('failing', {}, 'Event');
  expect(await runsSettledAt(1, 500)).toBe(1);
  runtime.close();
  await lambda.close();
});

test('stopping does not wait for a pending retry', async () => {
  const { lambda, runtime } = service([], [60_000, 60_000]);
  await lambda.invoke('failing', {}, 'Event');
  expect(await runsSettledAt(1, 100)).toBe(1);
  const started = Date.now();
  runtime.close();
  await lambda.close();
  expect(Date.now() - started).toBeLessThan(2000);
  expect(runs()).toBe(1);
});
