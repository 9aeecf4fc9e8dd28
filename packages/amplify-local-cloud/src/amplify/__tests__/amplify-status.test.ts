import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { AmplifyClient, CreateAppCommand, CreateBackendEnvironmentCommand, CreateBranchCommand, StartDeploymentCommand } from '@aws-sdk/client-amplify';
import { CreateBucketCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { zipSync } from 'fflate';
import { executeAmplifyCommand } from '../../execute-amplify-command';
import { writeServerInfo } from '../../instance/server-info';
import { startLocalCloud } from '../../local-cloud';

let dir: string;
let home: string | undefined;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'amplify-status-'));
  home = process.env.AMPLIFY_HOME;
  process.env.AMPLIFY_HOME = path.join(dir, 'home');
});

afterEach(() => {
  if (home === undefined) delete process.env.AMPLIFY_HOME;
  else process.env.AMPLIFY_HOME = home;
  fs.rmSync(dir, { recursive: true, force: true });
});

async function status(options: Record<string, string | boolean>): Promise<string[]> {
  const lines: string[] = [];
  const print = { info: (m: string) => lines.push(m), success: (m: string) => lines.push(m), warning: (m: string) => lines.push(m) };
  await executeAmplifyCommand({ input: { argv: [], plugin: 'local-cloud', command: 'status', options }, print });
  return lines;
}

test('status lists Amplify apps with their environments and branches, and where a deployed branch is served', async () => {
  const dataDir = path.join(dir, 'data');
  const cloud = await startLocalCloud({ port: 0, dataDir });
  const config = { endpoint: cloud.endpoint, region: 'us-east-1', credentials: cloud.credentials };
  const amplify = new AmplifyClient(config);
  const s3 = new S3Client({ ...config, forcePathStyle: true });
  try {
    writeServerInfo({ pid: process.pid, port: cloud.port, endpoint: cloud.endpoint, httpsEndpoint: cloud.httpsEndpoint, caCertificate: cloud.caCertificate, dataDir, startedAt: '' });
    const appId = (await amplify.send(new CreateAppCommand({ name: 'notes' }))).app!.appId!;
    await amplify.send(new CreateBackendEnvironmentCommand({ appId, environmentName: 'dev' }));
    await amplify.send(new CreateBranchCommand({ appId, branchName: 'main' }));
    await amplify.send(new CreateBranchCommand({ appId, branchName: 'next' }));
    await s3.send(new CreateBucketCommand({ Bucket: 'builds' }));
    await s3.send(new PutObjectCommand({ Bucket: 'builds', Key: 'site.zip', Body: zipSync({ 'index.html': new TextEncoder().encode('hi') }) }));
    await amplify.send(new StartDeploymentCommand({ appId, branchName: 'main', sourceUrl: 's3://builds/site.zip' }));
    const url = `${cloud.endpoint}/_amplifyapp/${appId}/main/`;

    const json = JSON.parse((await status({ 'data-dir': dataDir, json: true }))[0]) as { amplifyApps: unknown };
    expect(json.amplifyApps).toEqual([
      {
        appId,
        name: 'notes',
        region: 'us-east-1',
        environments: ['dev'],
        branches: [
          { name: 'main', stage: 'NONE', url, deployed: true },
          { name: 'next', stage: 'NONE', url: `${cloud.endpoint}/_amplifyapp/${appId}/next/`, deployed: false },
        ],
      },
    ]);
    const text = await status({ 'data-dir': dataDir });
    expect(text).toEqual(
      expect.arrayContaining([`Amplify apps: notes (${appId}, envs: dev)`, `  ${appId} branch main: served at ${url}`, `  ${appId} branch next: not deployed yet`]),
    );
  } finally {
    amplify.destroy();
    s3.destroy();
    await cloud.close();
  }
});
