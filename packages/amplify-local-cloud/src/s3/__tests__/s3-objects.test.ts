import * as crypto from 'crypto';
import { Readable } from 'stream';
import {
  CopyObjectCommand,
  CreateBucketCommand,
  DeleteObjectCommand,
  DeleteObjectsCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { rawRequest, s3ErrorOf, signedRequest, useTestCloud } from '../../__tests__/test-cloud';

const Bucket = 'objects-bucket';
const t = useTestCloud({ buckets: [Bucket] });

async function bodyOf(client: S3Client, Key: string, Range?: string): Promise<Buffer> {
  const result = await client.send(new GetObjectCommand({ Bucket, Key, Range }));
  return Buffer.from(await (result.Body as { transformToByteArray(): Promise<Uint8Array> }).transformToByteArray());
}

/** Records the headers of every request the client sends, to prove which wire format was used. */
function recordHeaders(client: S3Client): Record<string, string>[] {
  const seen: Record<string, string>[] = [];
  client.middlewareStack.add(
    (next) => async (args) => {
      seen.push({ ...(args.request as { headers: Record<string, string> }).headers });
      return next(args);
    },
    { step: 'finalizeRequest', priority: 'low', name: 'recordHeaders' },
  );
  return seen;
}

const md5 = (data: Buffer) => `"${crypto.createHash('md5').update(data).digest('hex')}"`;

describe('S3 objects', () => {
  it('stores a streamed upload byte-exact through aws-chunked framing with a trailing CRC32 (SDK defaults)', async () => {
    const client = t.s3With({});
    const seen = recordHeaders(client);
    const data = crypto.randomBytes(300 * 1024 + 7);
    const put = await client.send(new PutObjectCommand({ Bucket, Key: 'streamed.bin', Body: Readable.from([data.subarray(0, 1000), data.subarray(1000)]), ContentLength: data.length }));
    expect(seen[0]['content-encoding']).toContain('aws-chunked');
    expect(seen[0]['x-amz-trailer']).toBe('x-amz-checksum-crc32');
    expect(put.ETag).toBe(md5(data));
    const got = await client.send(new GetObjectCommand({ Bucket, Key: 'streamed.bin', ChecksumMode: 'ENABLED' }));
    expect(got.ChecksumCRC32).toBe(put.ChecksumCRC32);
    expect(Buffer.from(await (got.Body as { transformToByteArray(): Promise<Uint8Array> }).transformToByteArray()).equals(data)).toBe(true);
    expect(got.ContentLength).toBe(data.length);
  });

  it('stores a buffer upload byte-exact with checksums turned off', async () => {
    const client = t.s3With({ requestChecksumCalculation: 'WHEN_REQUIRED', responseChecksumValidation: 'WHEN_REQUIRED' });
    const seen = recordHeaders(client);
    const data = crypto.randomBytes(64 * 1024);
    await client.send(new PutObjectCommand({ Bucket, Key: 'plain.bin', Body: data }));
    expect(seen[0]['content-encoding']).toBeUndefined();
    expect(Object.keys(seen[0]).some((name) => name.startsWith('x-amz-checksum-'))).toBe(false);
    expect((await bodyOf(client, 'plain.bin')).equals(data)).toBe(true);
  });

  it('stores empty objects (folder markers), sent plain or as an empty aws-chunked stream', async () => {
    await t.s3.send(new PutObjectCommand({ Bucket, Key: 'empty/', Body: Buffer.alloc(0) }));
    await t.s3.send(new PutObjectCommand({ Bucket, Key: 'empty-stream', Body: Readable.from([]), ContentLength: 0 }));
    for (const Key of ['empty/', 'empty-stream']) {
      const head = await t.s3.send(new HeadObjectCommand({ Bucket, Key }));
      expect(head.ContentLength).toBe(0);
      expect(head.ETag).toBe(md5(Buffer.alloc(0)));
      expect((await bodyOf(t.s3, Key)).length).toBe(0);
    }
  });

  it('refuses a body whose Content-MD5 or checksum does not match', async () => {
    const wrongMd5 = crypto.createHash('md5').update('other').digest('base64');
    const md5Error = await s3ErrorOf(t.s3.send(new PutObjectCommand({ Bucket, Key: 'bad.txt', Body: 'data', ContentMD5: wrongMd5 })));
    expect(md5Error.name).toBe('BadDigest');
    const crcError = await s3ErrorOf(t.s3.send(new PutObjectCommand({ Bucket, Key: 'bad.txt', Body: 'data', ChecksumCRC32: 'AAAAAA==' })));
    expect(crcError.name).toBe('BadDigest');
    expect((await s3ErrorOf(t.s3.send(new HeadObjectCommand({ Bucket, Key: 'bad.txt' })))).$metadata.httpStatusCode).toBe(404);
  });

  it('keeps content type, user metadata and stored headers, and returns them from Get and Head', async () => {
    await t.s3.send(
      new PutObjectCommand({
        Bucket,
        Key: 'meta.json',
        Body: '{"a":1}',
        ContentType: 'application/json',
        CacheControl: 'max-age=60',
        ContentDisposition: 'attachment; filename="m.json"',
        Metadata: { owner: 'team-a', 'build-id': '42' },
      }),
    );
    const head = await t.s3.send(new HeadObjectCommand({ Bucket, Key: 'meta.json' }));
    expect(head).toMatchObject({ ContentType: 'application/json', ContentLength: 7, CacheControl: 'max-age=60', Metadata: { owner: 'team-a', 'build-id': '42' } });
    expect(head.ContentDisposition).toBe('attachment; filename="m.json"');
    expect(head.LastModified).toBeInstanceOf(Date);
    const get = await t.s3.send(new GetObjectCommand({ Bucket, Key: 'meta.json' }));
    expect(get.Metadata).toEqual({ owner: 'team-a', 'build-id': '42' });
    expect(get.ServerSideEncryption).toBe('AES256');
  });

  it('answers ranges with 206 and the exact bytes, and refuses a range past the end', async () => {
    const data = Buffer.from('0123456789abcdefghij');
    await t.s3.send(new PutObjectCommand({ Bucket, Key: 'range.txt', Body: data }));
    const part = await t.s3.send(new GetObjectCommand({ Bucket, Key: 'range.txt', Range: 'bytes=5-9' }));
    expect(part.ContentRange).toBe('bytes 5-9/20');
    expect(part.$metadata.httpStatusCode).toBe(206);
    expect(await part.Body?.transformToString()).toBe('56789');
    expect((await bodyOf(t.s3, 'range.txt', 'bytes=-3')).toString()).toBe('hij');
    expect((await bodyOf(t.s3, 'range.txt', 'bytes=15-')).toString()).toBe('fghij');
    expect((await bodyOf(t.s3, 'range.txt', 'bytes=18-100')).toString()).toBe('ij');
    const error = await s3ErrorOf(t.s3.send(new GetObjectCommand({ Bucket, Key: 'range.txt', Range: 'bytes=20-30' })));
    expect(error.name).toBe('InvalidRange');
    expect(error.$metadata.httpStatusCode).toBe(416);
  });

  it('honours If-None-Match (304) and If-Match (412)', async () => {
    const put = await t.s3.send(new PutObjectCommand({ Bucket, Key: 'etag.txt', Body: 'etag body' }));
    const notModified = await s3ErrorOf(t.s3.send(new GetObjectCommand({ Bucket, Key: 'etag.txt', IfNoneMatch: put.ETag })));
    expect(notModified.$metadata.httpStatusCode).toBe(304);
    const changed = await t.s3.send(new GetObjectCommand({ Bucket, Key: 'etag.txt', IfNoneMatch: '"0000"' }));
    expect(await changed.Body?.transformToString()).toBe('etag body');
    const failed = await s3ErrorOf(t.s3.send(new GetObjectCommand({ Bucket, Key: 'etag.txt', IfMatch: '"0000"' })));
    expect(failed.$metadata.httpStatusCode).toBe(412);
    expect(failed.name).toBe('PreconditionFailed');
  });

  it('makes conditional writes: If-None-Match * only creates, If-Match only replaces that version', async () => {
    const first = await t.s3.send(new PutObjectCommand({ Bucket, Key: 'lock.json', Body: '{"v":1}', IfNoneMatch: '*' }));
    const taken = await s3ErrorOf(t.s3.send(new PutObjectCommand({ Bucket, Key: 'lock.json', Body: '{"v":2}', IfNoneMatch: '*' })));
    expect(taken.$metadata.httpStatusCode).toBe(412);
    const stale = await s3ErrorOf(t.s3.send(new PutObjectCommand({ Bucket, Key: 'lock.json', Body: '{"v":2}', IfMatch: '"00000000000000000000000000000000"' })));
    expect(stale.name).toBe('PreconditionFailed');
    await t.s3.send(new PutObjectCommand({ Bucket, Key: 'lock.json', Body: '{"v":2}', IfMatch: first.ETag }));
    expect((await bodyOf(t.s3, 'lock.json')).toString()).toBe('{"v":2}');
  });

  it('refuses a body that does not match its signed x-amz-content-sha256', async () => {
    const response = await signedRequest(
      `${t.cloud.endpoint}/${Bucket}/hashed.txt`,
      { method: 'PUT', body: 'payload' },
      { credentials: t.cloud.credentials, service: 's3', contentSha256: crypto.createHash('sha256').update('other').digest('hex') },
    );
    expect(response.status).toBe(400);
    expect(response.body).toContain('<Code>XAmzContentSHA256Mismatch</Code>');
  });

  it('answers NoSuchKey for Get and a bare 404 for Head of a missing key; deleting a missing key succeeds', async () => {
    const get = await s3ErrorOf(t.s3.send(new GetObjectCommand({ Bucket, Key: 'missing/key' })));
    expect(get.name).toBe('NoSuchKey');
    expect(get.message).toBe('The specified key does not exist.');
    const head = await s3ErrorOf(t.s3.send(new HeadObjectCommand({ Bucket, Key: 'missing/key' })));
    expect(head.name).toBe('NotFound');
    await expect(t.s3.send(new DeleteObjectCommand({ Bucket, Key: 'missing/key' }))).resolves.toBeDefined();
    const noBucket = await s3ErrorOf(t.s3.send(new GetObjectCommand({ Bucket: 'no-such-bucket-here', Key: 'k' })));
    expect(noBucket.name).toBe('NoSuchBucket');
  });

  it('round-trips keys with spaces, plus signs, unicode, XML characters and leading slashes', async () => {
    const keys = ['a b/c+d.txt', 'ünïcødé/日本語.txt', 'x&y<z>"q\'.txt', '/leading/slash', 'a//double', 'pct%20literal', 'cr\rlf\nkey'];
    for (const Key of keys) {
      await t.s3.send(new PutObjectCommand({ Bucket: 'objects-bucket', Key, Body: Key }));
      expect((await bodyOf(t.s3, Key)).toString()).toBe(Key);
    }
    const listed = await t.s3.send(new ListObjectsV2Command({ Bucket }));
    for (const key of keys) {
      expect(listed.Contents?.map((c) => c.Key)).toContain(key);
    }
  });

  it('copies objects, keeping metadata (COPY) or replacing it (REPLACE), and refuses a no-op self copy', async () => {
    await t.s3.send(new CreateBucketCommand({ Bucket: 'copy-target' }));
    const data = crypto.randomBytes(2048);
    await t.s3.send(new PutObjectCommand({ Bucket, Key: 'src dir/original+1.bin', Body: data, ContentType: 'image/png', Metadata: { k: 'v' } }));
    const copied = await t.s3.send(new CopyObjectCommand({ Bucket: 'copy-target', Key: 'copy.bin', CopySource: `${Bucket}/${encodeURIComponent('src dir/original+1.bin')}` }));
    expect(copied.CopyObjectResult?.ETag).toBe(md5(data));
    const head = await t.s3.send(new HeadObjectCommand({ Bucket: 'copy-target', Key: 'copy.bin' }));
    expect(head).toMatchObject({ ContentType: 'image/png', Metadata: { k: 'v' } });
    expect((await t.s3.send(new GetObjectCommand({ Bucket: 'copy-target', Key: 'copy.bin' })).then((r) => r.Body?.transformToByteArray()))?.length).toBe(2048);
    await t.s3.send(
      new CopyObjectCommand({ Bucket, Key: 'src dir/original+1.bin', CopySource: `${Bucket}/${encodeURIComponent('src dir/original+1.bin')}`, MetadataDirective: 'REPLACE', ContentType: 'text/plain', Metadata: { k2: 'v2' } }),
    );
    expect(await t.s3.send(new HeadObjectCommand({ Bucket, Key: 'src dir/original+1.bin' }))).toMatchObject({ ContentType: 'text/plain', Metadata: { k2: 'v2' } });
    const self = await s3ErrorOf(t.s3.send(new CopyObjectCommand({ Bucket, Key: 'src dir/original+1.bin', CopySource: `${Bucket}/${encodeURIComponent('src dir/original+1.bin')}` })));
    expect(self.name).toBe('InvalidRequest');
    const missing = await s3ErrorOf(t.s3.send(new CopyObjectCommand({ Bucket, Key: 'x', CopySource: `${Bucket}/nope` })));
    expect(missing.name).toBe('NoSuchKey');
  });

  it('deletes objects in a batch, listing what it deleted unless quiet', async () => {
    const keys = ['batch/1', 'batch/2 & <3>', 'batch/3'];
    for (const Key of keys) {
      await t.s3.send(new PutObjectCommand({ Bucket, Key, Body: Key }));
    }
    const loud = await t.s3.send(new DeleteObjectsCommand({ Bucket, Delete: { Objects: [{ Key: keys[0] }, { Key: keys[1] }] } }));
    expect(loud.Deleted?.map((d) => d.Key).sort()).toEqual([keys[0], keys[1]].sort());
    const quiet = await t.s3.send(new DeleteObjectsCommand({ Bucket, Delete: { Objects: [{ Key: keys[2] }, { Key: 'batch/never-there' }], Quiet: true } }));
    expect(quiet.Deleted ?? []).toEqual([]);
    expect(quiet.Errors ?? []).toEqual([]);
    const left = await t.s3.send(new ListObjectsV2Command({ Bucket, Prefix: 'batch/' }));
    expect(left.KeyCount).toBe(0);
  });

  it('serves presigned GET and PUT URLs, and refuses an expired one', async () => {
    const putUrl = await getSignedUrl(t.s3, new PutObjectCommand({ Bucket, Key: 'presigned.txt' }), { expiresIn: 60 });
    const put = await rawRequest(putUrl, { method: 'PUT', body: 'uploaded by URL' });
    expect(put.status).toBe(200);
    const getUrl = await getSignedUrl(t.s3, new GetObjectCommand({ Bucket, Key: 'presigned.txt' }), { expiresIn: 60 });
    expect(getUrl).toContain('X-Amz-Signature=');
    const get = await rawRequest(getUrl);
    expect(get.status).toBe(200);
    expect(get.body).toBe('uploaded by URL');
    // Any change to what was signed breaks the URL: another key, or a signature for another object.
    const tamperedKey = await rawRequest(getUrl.replace('/presigned.txt?', '/other.txt?'));
    expect(tamperedKey.status).toBe(403);
    expect(tamperedKey.body).toContain('<Code>SignatureDoesNotMatch</Code>');
    const signature = new URL(getUrl).searchParams.get('X-Amz-Signature')!;
    const flipped = `${signature.slice(0, -1)}${signature.endsWith('0') ? '1' : '0'}`;
    expect((await rawRequest(getUrl.replace(signature, flipped))).status).toBe(403);
    const old = new Date(Date.now() - 3600 * 1000);
    const expiredUrl = await getSignedUrl(t.s3, new GetObjectCommand({ Bucket, Key: 'presigned.txt' }), { expiresIn: 60, signingDate: old });
    const expired = await rawRequest(expiredUrl);
    expect(expired.status).toBe(403);
    expect(expired.body).toContain('<Code>AccessDenied</Code>');
    expect(expired.body).toContain('Request has expired');
  });
});
