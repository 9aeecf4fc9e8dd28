import { spawn, type ChildProcess } from 'child_process';
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Readable } from 'stream';
import { CreateBucketCommand, GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { readInstanceCredentials } from '../..';

/**
 * Object bodies stream between the socket and the blob file: the server's memory stays flat whatever the object's
 * size. The server runs in its own process, over the built `lib/` output, so its peak RSS is its own.
 */

const SERVER = `
const { startLocalCloud } = require(${JSON.stringify(path.join(__dirname, '..', '..', '..', 'lib', 'local-cloud'))});
startLocalCloud({ port: 0, dataDir: process.argv[1] }).then((cloud) => {
  process.stdout.write(JSON.stringify({ endpoint: cloud.endpoint }) + '\\n');
  process.on('SIGTERM', () => cloud.close().then(() => process.exit(0)));
});
`;

const MiB = 1024 * 1024;
const OBJECT_BYTES = 512 * MiB;
/** The server peaks near 100 MB through this test; a body held in memory would take more than twice the bound. */
const PEAK_RSS_BOUND_BYTES = 250 * 1000 * 1000;

/** The server's peak resident set so far (`VmHWM`), in bytes. */
function peakRss(pid: number): number {
  const line = fs.readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((entry) => entry.startsWith('VmHWM:'))!;
  return Number(/(\d+)\s*kB/.exec(line)![1]) * 1024;
}

/** `size` bytes made on the fly, a MiB at a time, so the test does not hold the object either; hashes what it sends. */
function generated(size: number, hash: crypto.Hash): Readable {
  const pattern = crypto.randomBytes(MiB);
  let sent = 0;
  return new Readable({
    read() {
      if (sent >= size) {
        this.push(null);
        return;
      }
      const chunk = Buffer.from(pattern.subarray(0, Math.min(MiB, size - sent)));
      chunk.writeUInt32BE(sent / MiB, 0);
      hash.update(chunk);
      sent += chunk.length;
      this.push(chunk);
    },
  });
}

let dataDir: string;
let server: ChildProcess;
let endpoint: string;
beforeAll(async () => {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'local-cloud-large-'));
  server = spawn(process.execPath, ['-e', SERVER, dataDir], { stdio: ['ignore', 'pipe', 'inherit'] });
  endpoint = await new Promise<string>((resolve, reject) => {
    let output = '';
    server.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
      if (output.includes('\n')) resolve((JSON.parse(output.split('\n')[0]) as { endpoint: string }).endpoint);
    });
    server.on('exit', (code) => reject(new Error(`server exited with ${code} before listening`)));
  });
});
afterAll(async () => {
  if (server.exitCode === null) {
    const exited = new Promise((resolve) => server.on('exit', resolve));
    server.kill('SIGTERM');
    await exited;
  }
  fs.rmSync(dataDir, { recursive: true, force: true });
});

test('a 512 MiB object goes in (aws-chunked, with a checksum) and out without the server holding it', async () => {
  // The server made the data directory's key pair before it listened; only requests signed with it are served.
  const credentials = readInstanceCredentials(dataDir)!;
  const s3 = new S3Client({ endpoint, region: 'us-east-1', forcePathStyle: true, credentials });
  try {
    await s3.send(new CreateBucketCommand({ Bucket: 'large' }));
    const sent = crypto.createHash('md5');
    const put = await s3.send(new PutObjectCommand({ Bucket: 'large', Key: 'big.bin', Body: generated(OBJECT_BYTES, sent), ContentLength: OBJECT_BYTES, ChecksumAlgorithm: 'CRC32' }));
    const etag = `"${sent.digest('hex')}"`;
    expect(put.ETag).toBe(etag);
    expect(peakRss(server.pid!)).toBeLessThan(PEAK_RSS_BOUND_BYTES);

    const got = await s3.send(new GetObjectCommand({ Bucket: 'large', Key: 'big.bin' }));
    expect(got.ETag).toBe(etag);
    expect(got.ContentLength).toBe(OBJECT_BYTES);
    const received = crypto.createHash('md5');
    let size = 0;
    for await (const chunk of got.Body as Readable) {
      received.update(chunk as Buffer);
      size += (chunk as Buffer).length;
    }
    expect(size).toBe(OBJECT_BYTES);
    expect(`"${received.digest('hex')}"`).toBe(etag);
    expect(peakRss(server.pid!)).toBeLessThan(PEAK_RSS_BOUND_BYTES);
  } finally {
    s3.destroy();
  }
}, 30000);
