import * as crypto from 'crypto';
import * as fs from 'fs';
import * as net from 'net';
import * as path from 'path';
import { Readable } from 'stream';
import { CreateBucketCommand, GetObjectCommand, HeadObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { authorizationHeader, s3ErrorOf, startTestCloud, type TestCloud } from '../../__tests__/test-cloud';

const IDLE_TIMEOUT_MS = 300;
const Bucket = 'bodies';

let t: TestCloud;
beforeAll(async () => {
  t = await startTestCloud(undefined, { http: { bodyIdleTimeoutMs: IDLE_TIMEOUT_MS } });
  await t.s3.send(new CreateBucketCommand({ Bucket }));
});
afterAll(async () => {
  await t.dispose();
});

/** Sends a request head (and `body`, if any) on a raw socket and answers all the server sent until it closed. */
function exchange(head: { method: string; path: string; headers: Record<string, string> }, body = ''): Promise<string> {
  const { port } = new URL(t.cloud.endpoint);
  const lines = [`${head.method} ${head.path} HTTP/1.1`, `Host: 127.0.0.1:${port}`, ...Object.entries(head.headers).map(([name, value]) => `${name}: ${value}`)];
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), '127.0.0.1');
    let received = '';
    socket.on('data', (chunk: Buffer) => {
      received += chunk.toString('latin1');
    });
    socket.on('close', () => resolve(received));
    socket.on('error', reject);
    socket.write(`${lines.join('\r\n')}\r\n\r\n${body}`);
  });
}

const blobFiles = () =>
  fs.readdirSync(path.join(t.dataDir, 's3', 'blobs')).flatMap((shard) => fs.readdirSync(path.join(t.dataDir, 's3', 'blobs', shard)));

const GiB = 1024 * 1024 * 1024;

describe('request bodies', () => {
  it('refuses a PutObject over 5 GiB from its Content-Length, without 100 Continue', async () => {
    const answer = await exchange({ method: 'PUT', path: `/${Bucket}/huge`, headers: { ...authorizationHeader('s3'), 'Content-Length': String(6 * GiB), Expect: '100-continue' } });
    expect(answer).not.toContain('100 Continue');
    expect(answer).toMatch(/^HTTP\/1\.1 400 /);
    expect(answer).toContain('<Code>EntityTooLarge</Code>');
    expect(answer).toContain(`<MaxSizeAllowed>${5 * GiB}</MaxSizeAllowed>`);
  });

  it('answers a 3 GiB upload to a missing bucket NoSuchBucket without asking for the body', async () => {
    const answer = await exchange({ method: 'PUT', path: '/no-such-bucket/k', headers: { ...authorizationHeader('s3'), 'Content-Length': String(3 * GiB), Expect: '100-continue' } });
    expect(answer).not.toContain('100 Continue');
    expect(answer).toContain('<Code>NoSuchBucket</Code>');
  });

  it('refuses 3 GiB documents: an S3 configuration, a CloudFormation call', async () => {
    const policy = await exchange({ method: 'PUT', path: `/${Bucket}?policy`, headers: { ...authorizationHeader('s3'), 'Content-Length': String(3 * GiB), Expect: '100-continue' } });
    expect(policy).not.toContain('100 Continue');
    expect(policy).toContain('<Code>EntityTooLarge</Code>');
    const cfn = await exchange({
      method: 'POST',
      path: '/',
      headers: { ...authorizationHeader('cloudformation'), 'Content-Type': 'application/x-www-form-urlencoded', 'Content-Length': String(3 * GiB), Expect: '100-continue' },
    });
    expect(cfn).not.toContain('100 Continue');
    expect(cfn).toMatch(/^HTTP\/1\.1 413 /);
    expect(cfn).toContain('<Code>RequestEntityTooLarge</Code>');
  });

  it('answers RequestTimeout when an upload stalls, and keeps nothing of it', async () => {
    const before = blobFiles().length;
    const answer = await exchange({ method: 'PUT', path: `/${Bucket}/stalled`, headers: { ...authorizationHeader('s3'), 'Content-Length': '1000' } }, 'the first bytes only');
    expect(answer).toMatch(/^HTTP\/1\.1 400 /);
    expect(answer).toContain('<Code>RequestTimeout</Code>');
    expect(answer).toContain('<Message>Your socket connection to the server was not read from or written to within the timeout period. Idle connections will be closed.</Message>');
    expect((await s3ErrorOf(t.s3.send(new HeadObjectCommand({ Bucket, Key: 'stalled' })))).$metadata.httpStatusCode).toBe(404);
    expect(blobFiles().length).toBe(before);
  });

  it('keeps nothing of an upload whose client goes away mid-body', async () => {
    const before = blobFiles().length;
    const { port } = new URL(t.cloud.endpoint);
    const socket = net.connect(Number(port), '127.0.0.1');
    const head = [`PUT /${Bucket}/abandoned HTTP/1.1`, `Host: 127.0.0.1:${port}`, ...Object.entries(authorizationHeader('s3')).map(([n, v]) => `${n}: ${v}`), 'Content-Length: 1000000'];
    socket.write(`${head.join('\r\n')}\r\n\r\n${'x'.repeat(100000)}`);
    // Once the server has started the blob file, the client vanishes.
    while (blobFiles().length === before) await new Promise((resolve) => setTimeout(resolve, 10));
    socket.destroy();
    while (blobFiles().length !== before) await new Promise((resolve) => setTimeout(resolve, 10));
    expect((await s3ErrorOf(t.s3.send(new HeadObjectCommand({ Bucket, Key: 'abandoned' })))).$metadata.httpStatusCode).toBe(404);
  });

  it('streams an aws-chunked upload with a trailing checksum to disk, and a wrong checksum leaves no file', async () => {
    const data = crypto.randomBytes(3 * 1024 * 1024 + 17);
    const pieces = () => Readable.from([data.subarray(0, 1000), data.subarray(1000, 2 * 1024 * 1024), data.subarray(2 * 1024 * 1024)]);
    const put = await t.s3.send(new PutObjectCommand({ Bucket, Key: 'streamed', Body: pieces(), ContentLength: data.length, ChecksumAlgorithm: 'SHA256' }));
    expect(put.ETag).toBe(`"${crypto.createHash('md5').update(data).digest('hex')}"`);
    expect(put.ChecksumSHA256).toBe(crypto.createHash('sha256').update(data).digest('base64'));
    const ranged = await t.s3.send(new GetObjectCommand({ Bucket, Key: 'streamed', Range: 'bytes=1000-2047' }));
    expect(Buffer.from(await ranged.Body!.transformToByteArray()).equals(data.subarray(1000, 2048))).toBe(true);

    const before = blobFiles().length;
    // The SDK warns about any failed streaming request; the failure is what this checks.
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    const wrong = await s3ErrorOf(t.s3.send(new PutObjectCommand({ Bucket, Key: 'streamed', Body: pieces(), ContentLength: data.length, ChecksumSHA256: crypto.createHash('sha256').update('x').digest('base64') })));
    warn.mockRestore();
    expect(wrong.name).toBe('BadDigest');
    expect(blobFiles().length).toBe(before);
    const kept = await t.s3.send(new GetObjectCommand({ Bucket, Key: 'streamed' }));
    expect(Buffer.from(await kept.Body!.transformToByteArray()).equals(data)).toBe(true);
  });
});
