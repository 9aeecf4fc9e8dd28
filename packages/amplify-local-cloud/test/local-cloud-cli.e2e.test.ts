import { execFile } from 'child_process';
import * as fs from 'fs';
import * as https from 'https';
import * as os from 'os';
import * as path from 'path';
import { CreateBucketCommand, GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { ensureLocalCloud, getInstanceStatus, readInstanceCredentials, stopInstance, type LocalCloudCredentials } from '../src';

const BIN = path.resolve(__dirname, '..', 'bin', 'amplify-local-cloud');

// Each case starts real server processes; on a loaded machine that takes seconds.
jest.setTimeout(60000);

interface BinResult {
  code: number;
  stdout: string;
  stderr: string;
}

function bin(...args: string[]): Promise<BinResult> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { timeout: 60000 }, (error, stdout, stderr) => {
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

/** A client of the server of `dataDir`, signing with the credentials it created there. */
function s3(endpoint: string, credentials: LocalCloudCredentials | string): S3Client {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  const keys = typeof credentials === 'string' ? readInstanceCredentials(credentials)! : credentials;
  return new S3Client({ endpoint, region: 'us-east-1', forcePathStyle: true, credentials: keys });
}

function readInfo(dataDir: string): { pid: number; port: number; endpoint: string } {
  return JSON.parse(fs.readFileSync(path.join(dataDir, 'server.json'), 'utf8')) as { pid: number; port: number; endpoint: string };
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

let root: string;
beforeAll(() => {
  if (!fs.existsSync(path.resolve(__dirname, '..', 'lib', 'cli.js'))) {
    throw new Error('Build the package first: npx tsc -b packages/amplify-local-cloud');
  }
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'local-cloud-e2e-'));
});
afterAll(async () => {
  // Never leave a detached server behind, whatever failed above.
  for (const entry of fs.readdirSync(root)) {
    await stopInstance({ dataDir: path.join(root, entry) });
  }
  fs.rmSync(root, { recursive: true, force: true });
});

describe('amplify-local-cloud bin', () => {
  it('starts detached, reports status, refuses a second server on the data directory, and stops', async () => {
    const dataDir = path.join(root, 'lifecycle');
    const started = await bin('start', '--detach', '--port', '0', '--data-dir', dataDir);
    expect(started).toMatchObject({ code: 0, stderr: '' });
    const info = readInfo(dataDir);
    expect(started.stdout).toContain(`The local cloud is running at ${info.endpoint} (pid ${info.pid}`);
    expect(info.endpoint).toBe(`http://127.0.0.1:${info.port}`);

    const client = s3(info.endpoint, dataDir);
    await client.send(new CreateBucketCommand({ Bucket: 'e2e-bucket' }));
    await client.send(new PutObjectCommand({ Bucket: 'e2e-bucket', Key: 'k', Body: 'detached' }));
    client.destroy();

    const status = await bin('status', '--data-dir', dataDir);
    expect(status.stdout).toContain(`running at ${info.endpoint} (pid ${info.pid}`);
    expect(status.stdout).toContain(`credentials in ${path.join(dataDir, 'credentials.json')}`);
    const json = JSON.parse((await bin('status', '--json', '--data-dir', dataDir)).stdout) as Record<string, string>;
    expect(json).toMatchObject({ status: 'running', endpoint: info.endpoint, caCertificate: path.join(dataDir, 'tls', 'ca.pem') });
    // The detached server answers over TLS for a client that trusts the data directory's CA.
    const health = await new Promise<number>((resolve, reject) => {
      https.get(`${json.httpsEndpoint}/_local-cloud/health`, { ca: fs.readFileSync(json.caCertificate) }, (response) => resolve(response.statusCode ?? 0)).on('error', reject);
    });
    expect(health).toBe(200);
    expect(JSON.parse((await bin('messages', '--json', '--data-dir', dataDir)).stdout)).toEqual([]);
    // The exports other AWS tools take: a client configured from them alone reaches the server.
    const exported = await bin('credentials', '--data-dir', dataDir);
    const env = Object.fromEntries(exported.stdout.trim().split('\n').map((line) => line.replace(/^export /, '').split('=', 2) as [string, string]));
    expect(Object.keys(env)).toEqual(['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_ENDPOINT_URL', 'AWS_REGION']);
    const fromExports = s3(env.AWS_ENDPOINT_URL, { accessKeyId: env.AWS_ACCESS_KEY_ID, secretAccessKey: env.AWS_SECRET_ACCESS_KEY });
    const read = await fromExports.send(new GetObjectCommand({ Bucket: 'e2e-bucket', Key: 'k' }));
    expect(await read.Body?.transformToString()).toBe('detached');
    fromExports.destroy();
    const again = await bin('start', '--detach', '--data-dir', dataDir);
    expect(again.stdout).toContain(`already running at ${info.endpoint}`);
    const foreground = await bin('start', '--port', '0', '--data-dir', dataDir);
    expect(foreground.code).toBe(1);
    expect(foreground.stderr).toContain('already runs at');

    const stopped = await bin('stop', '--data-dir', dataDir);
    expect(stopped).toMatchObject({ code: 0 });
    expect(stopped.stdout).toContain(`Stopped the local cloud at ${info.endpoint} (pid ${info.pid})`);
    expect(alive(info.pid)).toBe(false);
    expect(fs.existsSync(path.join(dataDir, 'server.json'))).toBe(false);
    expect((await bin('status', '--data-dir', dataDir)).stdout).toContain('not running');
  });

  it('keeps objects after a kill -9 and restart, and reset deletes them', async () => {
    const dataDir = path.join(root, 'crash');
    expect((await bin('start', '--detach', '--port', '0', '--data-dir', dataDir)).code).toBe(0);
    const first = readInfo(dataDir);
    let client = s3(first.endpoint, dataDir);
    await client.send(new CreateBucketCommand({ Bucket: 'crash-bucket' }));
    await client.send(new PutObjectCommand({ Bucket: 'crash-bucket', Key: 'survivor.txt', Body: 'written before the crash' }));
    client.destroy();
    process.kill(first.pid, 'SIGKILL');
    while (alive(first.pid)) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect((await getInstanceStatus({ dataDir })).type).toBe('stopped');

    expect((await bin('start', '--detach', '--port', '0', '--data-dir', dataDir)).code).toBe(0);
    const second = readInfo(dataDir);
    expect(second.pid).not.toBe(first.pid);
    client = s3(second.endpoint, dataDir);
    const object = await client.send(new GetObjectCommand({ Bucket: 'crash-bucket', Key: 'survivor.txt' }));
    expect(await object.Body?.transformToString()).toBe('written before the crash');
    client.destroy();

    const reset = await bin('reset', '--data-dir', dataDir);
    expect(reset.code).toBe(0);
    expect(reset.stdout).toContain(`Deleted the local cloud's data in ${dataDir}`);
    expect(alive(second.pid)).toBe(false);
    expect(fs.readdirSync(dataDir).sort()).toEqual(['credentials.json', 'tls']);
  });

  it('explains a port that is taken', async () => {
    const dataDir = path.join(root, 'busy');
    expect((await bin('start', '--detach', '--port', '0', '--data-dir', dataDir)).code).toBe(0);
    const { port } = readInfo(dataDir);
    const clash = await bin('start', '--detach', '--port', String(port), '--data-dir', path.join(root, 'busy-2'));
    expect(clash.code).toBe(1);
    expect(clash.stderr).toContain(`Port ${port} on 127.0.0.1 is already in use.`);
    expect((await bin('stop', '--data-dir', dataDir)).code).toBe(0);
  });
});

describe('ensureLocalCloud', () => {
  it('starts one detached server for concurrent callers and reuses it afterwards', async () => {
    const dataDir = path.join(root, 'ensure');
    const [a, b] = await Promise.all([ensureLocalCloud({ dataDir, port: 0 }), ensureLocalCloud({ dataDir, port: 0 })]);
    expect(a.endpoint).toBe(b.endpoint);
    const again = await ensureLocalCloud({ dataDir });
    expect(again.endpoint).toBe(a.endpoint);
    expect(a.credentials).toEqual(readInstanceCredentials(dataDir));
    expect(again.credentials).toEqual(a.credentials);
    const client = s3(a.endpoint, a.credentials);
    await client.send(new CreateBucketCommand({ Bucket: 'ensured-bucket' }));
    client.destroy();
    const result = await stopInstance({ dataDir });
    expect(result.type).toBe('stopped');
  });
});
