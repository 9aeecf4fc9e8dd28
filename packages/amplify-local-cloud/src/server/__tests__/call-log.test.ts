import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ListBucketsCommand, S3Client } from '@aws-sdk/client-s3';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { startLocalCloud, type StartedLocalCloud } from '../../local-cloud';
import type { LoggedCall } from '../call-log';

let dataDir: string;
let cloud: StartedLocalCloud;
let logFile: string;

beforeAll(async () => {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'call-log-'));
  logFile = path.join(dataDir, 'calls.jsonl');
  cloud = await startLocalCloud({ port: 0, dataDir, callLog: logFile });
});

afterAll(async () => {
  await cloud.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('call log', () => {
  it('appends the service, operation and status of every call the services answer', async () => {
    const config = { endpoint: cloud.endpoint, region: 'us-east-1', credentials: cloud.credentials };
    const sts = new STSClient(config);
    const s3 = new S3Client({ ...config, forcePathStyle: true });
    await sts.send(new GetCallerIdentityCommand({}));
    await s3.send(new ListBucketsCommand({}));
    await s3.send(new ListBucketsCommand({ Prefix: 'x' })).catch(() => undefined);
    sts.destroy();
    s3.destroy();
    const calls = fs
      .readFileSync(logFile, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as LoggedCall);
    expect(calls.map(({ service, operation, status }) => ({ service, operation, status }))).toEqual([
      { service: 'sts', operation: 'GetCallerIdentity', status: 200 },
      { service: 's3', operation: 'GET /?x-id', status: 200 },
      { service: 's3', operation: 'GET /?prefix&x-id', status: 200 },
    ]);
    expect(Number.isNaN(Date.parse(calls[0].time))).toBe(false);
  });
});
