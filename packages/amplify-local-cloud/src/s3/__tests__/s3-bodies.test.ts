import * as crypto from 'crypto';
import * as fs from 'fs';
import * as net from 'net';
import * as path from 'path';
import { Readable } from 'stream';
import { CreateBucketCommand, GetObjectCommand, HeadObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { s3ErrorOf, signedHeaders, startTestCloud, type TestCloud } from '../../__tests__/test-cloud';
import { credentialScope, hmac, sha256Hex, signingKey } from '../../server/sigv4-verifier';

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

/** The instance's SigV4 headers for a raw request, without `Host` (which `exchange` writes, the same). */
function signed(method: string, path: string, service: string, headers: Record<string, string> = {}): Record<string, string> {
  const { host: _host, ...rest } = signedHeaders(`${t.cloud.endpoint}${path}`, { method, headers }, { credentials: t.cloud.credentials, service, contentSha256: headers['x-amz-content-sha256'] });
  return rest;
}

/**
 * A `STREAMING-AWS4-HMAC-SHA256-PAYLOAD` PutObject as SigV4 defines it: the request signed over the streaming mode,
 * then every chunk (the final empty one too) signed along the chain that starts at the request signature. `forge`
 * replaces the signature of the chunk at that index with a valid-looking one that is not the chain's.
 */
function chunkSignedPut(key: string, chunks: Buffer[], forge?: number): { head: { method: string; path: string; headers: Record<string, string> }; body: string } {
  const path = `/${Bucket}/${key}`;
  const decodedLength = chunks.reduce((sum, chunk) => sum + chunk.length, 0);
  const headers = signed('PUT', path, 's3', {
    'content-encoding': 'aws-chunked',
    'x-amz-content-sha256': 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD',
    'x-amz-decoded-content-length': String(decodedLength),
  });
  const amzDate = headers['x-amz-date'];
  const scope = { accessKeyId: t.cloud.credentials.accessKeyId, date: amzDate.slice(0, 8), region: 'us-east-1', service: 's3' };
  const signingKeyBytes = signingKey(t.cloud.credentials.secretAccessKey, scope);
  let previous = /Signature=([0-9a-f]{64})/.exec(headers.authorization)![1];
  const framed = [...chunks, Buffer.alloc(0)].map((chunk, index) => {
    const toSign = ['AWS4-HMAC-SHA256-PAYLOAD', amzDate, credentialScope(scope), previous, sha256Hex(''), sha256Hex(chunk)].join('\n');
    previous = index === forge ? sha256Hex(`forged ${index}`) : hmac(signingKeyBytes, toSign).toString('hex');
    return `${chunk.length.toString(16)};chunk-signature=${previous}\r\n${chunk.toString('latin1')}\r\n`;
  });
  const body = framed.join('');
  return { head: { method: 'PUT', path, headers: { ...headers, 'Content-Length': String(Buffer.byteLength(body, 'latin1')) } }, body };
}

const blobFiles = () =>
  fs.readdirSync(path.join(t.dataDir, 's3', 'blobs')).flatMap((shard) => fs.readdirSync(path.join(t.dataDir, 's3', 'blobs', shard)));

const GiB = 1024 * 1024 * 1024;

describe('request bodies', () => {
  it('refuses a PutObject over 5 GiB from its Content-Length, without 100 Continue', async () => {
    const answer = await exchange({ method: 'PUT', path: `/${Bucket}/huge`, headers: { ...signed('PUT', `/${Bucket}/huge`, 's3'), 'Content-Length': String(6 * GiB), Expect: '100-continue' } });
    expect(answer).not.toContain('100 Continue');
    expect(answer).toMatch(/^HTTP\/1\.1 400 /);
    expect(answer).toContain('<Code>EntityTooLarge</Code>');
    expect(answer).toContain(`<MaxSizeAllowed>${5 * GiB}</MaxSizeAllowed>`);
  });

  it('answers a 3 GiB upload to a missing bucket NoSuchBucket without asking for the body', async () => {
    const answer = await exchange({ method: 'PUT', path: '/no-such-bucket/k', headers: { ...signed('PUT', '/no-such-bucket/k', 's3'), 'Content-Length': String(3 * GiB), Expect: '100-continue' } });
    expect(answer).not.toContain('100 Continue');
    expect(answer).toContain('<Code>NoSuchBucket</Code>');
  });

  it('refuses 3 GiB documents: an S3 configuration, a CloudFormation call', async () => {
    const policy = await exchange({ method: 'PUT', path: `/${Bucket}?policy`, headers: { ...signed('PUT', `/${Bucket}?policy`, 's3'), 'Content-Length': String(3 * GiB), Expect: '100-continue' } });
    expect(policy).not.toContain('100 Continue');
    expect(policy).toContain('<Code>EntityTooLarge</Code>');
    const cfn = await exchange({
      method: 'POST',
      path: '/',
      headers: { ...signed('POST', '/', 'cloudformation'), 'Content-Type': 'application/x-www-form-urlencoded', 'Content-Length': String(3 * GiB), Expect: '100-continue' },
    });
    expect(cfn).not.toContain('100 Continue');
    expect(cfn).toMatch(/^HTTP\/1\.1 413 /);
    expect(cfn).toContain('<Code>RequestEntityTooLarge</Code>');
  });

  it('answers RequestTimeout when an upload stalls, and keeps nothing of it', async () => {
    const before = blobFiles().length;
    const answer = await exchange({ method: 'PUT', path: `/${Bucket}/stalled`, headers: { ...signed('PUT', `/${Bucket}/stalled`, 's3'), 'Content-Length': '1000' } }, 'the first bytes only');
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
    const head = [`PUT /${Bucket}/abandoned HTTP/1.1`, `Host: 127.0.0.1:${port}`, ...Object.entries(signed('PUT', `/${Bucket}/abandoned`, 's3')).map(([n, v]) => `${n}: ${v}`), 'Content-Length: 1000000'];
    socket.write(`${head.join('\r\n')}\r\n\r\n${'x'.repeat(100000)}`);
    // Once the server has started the blob file, the client vanishes.
    while (blobFiles().length === before) await new Promise((resolve) => setTimeout(resolve, 10));
    socket.destroy();
    while (blobFiles().length !== before) await new Promise((resolve) => setTimeout(resolve, 10));
    expect((await s3ErrorOf(t.s3.send(new HeadObjectCommand({ Bucket, Key: 'abandoned' })))).$metadata.httpStatusCode).toBe(404);
  });

  it('asks a badly signed upload for no body and starts no blob file', async () => {
    const before = blobFiles().length;
    const headers = signed('PUT', `/${Bucket}/unsigned`, 's3');
    const forged = { ...headers, authorization: headers.authorization.replace(/Signature=\w+/, `Signature=${'0'.repeat(64)}`) };
    const answer = await exchange({ method: 'PUT', path: `/${Bucket}/unsigned`, headers: { ...forged, 'Content-Length': String(3 * GiB), Expect: '100-continue', Connection: 'close' } });
    expect(answer).not.toContain('100 Continue');
    expect(answer).toMatch(/^HTTP\/1\.1 403 /);
    expect(answer).toContain('<Code>SignatureDoesNotMatch</Code>');
    expect(blobFiles().length).toBe(before);
  });

  it('checks the chunk signatures of a STREAMING-AWS4-HMAC-SHA256-PAYLOAD upload as it streams, and a forged chunk leaves no file', async () => {
    const chunks = [Buffer.alloc(64 * 1024, 'a'), Buffer.alloc(64 * 1024, 'b'), Buffer.alloc(1000, 'c')];
    const good = chunkSignedPut('chunk-signed', chunks);
    const answer = await exchange({ ...good.head, headers: { ...good.head.headers, Connection: 'close' } }, good.body);
    expect(answer).toMatch(/^HTTP\/1\.1 200 /);
    const stored = await t.s3.send(new GetObjectCommand({ Bucket, Key: 'chunk-signed' }));
    expect(Buffer.from(await stored.Body!.transformToByteArray()).equals(Buffer.concat(chunks))).toBe(true);

    const before = blobFiles().length;
    for (const forge of [1, 3]) {
      const forged = chunkSignedPut('chunk-forged', chunks, forge);
      const refused = await exchange({ ...forged.head, headers: { ...forged.head.headers, Connection: 'close' } }, forged.body);
      expect(refused).toMatch(/^HTTP\/1\.1 403 /);
      expect(refused).toContain('<Code>SignatureDoesNotMatch</Code>');
      expect(blobFiles().length).toBe(before);
    }
    expect((await s3ErrorOf(t.s3.send(new HeadObjectCommand({ Bucket, Key: 'chunk-forged' })))).$metadata.httpStatusCode).toBe(404);
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
