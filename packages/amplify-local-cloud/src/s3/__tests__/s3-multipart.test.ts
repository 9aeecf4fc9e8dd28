import * as crypto from 'crypto';
import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateBucketCommand,
  CreateMultipartUploadCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListMultipartUploadsCommand,
  ListPartsCommand,
  PutObjectCommand,
  UploadPartCommand,
  UploadPartCopyCommand,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { s3ErrorOf, useTestCloud } from '../../__tests__/test-cloud';

const Bucket = 'multipart-bucket';
const MiB = 1024 * 1024;
const t = useTestCloud({ buckets: [Bucket] });

/** S3's multipart ETag: the MD5 of the parts' binary MD5s, then `-<part count>`. */
function multipartEtag(data: Buffer, partSize: number): string {
  const digests: Buffer[] = [];
  for (let offset = 0; offset < data.length; offset += partSize) {
    digests.push(crypto.createHash('md5').update(data.subarray(offset, offset + partSize)).digest());
  }
  return `"${crypto.createHash('md5').update(Buffer.concat(digests)).digest('hex')}-${digests.length}"`;
}

describe('S3 multipart uploads', () => {
  it('takes a 12 MiB upload from lib-storage in parts and answers the multipart ETag', async () => {
    const data = crypto.randomBytes(12 * MiB + 123);
    const upload = new Upload({ client: t.s3, params: { Bucket, Key: 'big/file.bin', Body: data, ContentType: 'application/x-test' }, partSize: 5 * MiB, queueSize: 2 });
    const parts = new Set<number>();
    upload.on('httpUploadProgress', (progress) => {
      if (progress.part !== undefined) parts.add(progress.part);
    });
    const result = await upload.done();
    expect(parts.size).toBe(3);
    expect(result.ETag).toBe(multipartEtag(data, 5 * MiB));
    expect(result.Location).toBe(`${t.cloud.endpoint}/${Bucket}/big/file.bin`);
    const got = await t.s3.send(new GetObjectCommand({ Bucket, Key: 'big/file.bin' }));
    expect(got.ContentType).toBe('application/x-test');
    expect(got.ETag).toBe(result.ETag);
    expect(Buffer.from(await (got.Body as { transformToByteArray(): Promise<Uint8Array> }).transformToByteArray()).equals(data)).toBe(true);
  });

  it('lists parts, refuses small middle parts, wrong ETags and out-of-order parts, and aborts', async () => {
    const Key = 'manual.bin';
    const { UploadId } = await t.s3.send(new CreateMultipartUploadCommand({ Bucket, Key }));
    const small = Buffer.alloc(1024, 1);
    const p1 = await t.s3.send(new UploadPartCommand({ Bucket, Key, UploadId, PartNumber: 1, Body: small }));
    const p2 = await t.s3.send(new UploadPartCommand({ Bucket, Key, UploadId, PartNumber: 2, Body: small }));
    const listed = await t.s3.send(new ListPartsCommand({ Bucket, Key, UploadId }));
    expect(listed.Parts?.map((p) => [p.PartNumber, p.Size, p.ETag])).toEqual([
      [1, 1024, p1.ETag],
      [2, 1024, p2.ETag],
    ]);
    const tooSmall = await s3ErrorOf(
      t.s3.send(new CompleteMultipartUploadCommand({ Bucket, Key, UploadId, MultipartUpload: { Parts: [{ PartNumber: 1, ETag: p1.ETag }, { PartNumber: 2, ETag: p2.ETag }] } })),
    );
    expect(tooSmall.name).toBe('EntityTooSmall');
    const wrongEtag = await s3ErrorOf(t.s3.send(new CompleteMultipartUploadCommand({ Bucket, Key, UploadId, MultipartUpload: { Parts: [{ PartNumber: 1, ETag: '"00"' }] } })));
    expect(wrongEtag.name).toBe('InvalidPart');
    const order = await s3ErrorOf(
      t.s3.send(new CompleteMultipartUploadCommand({ Bucket, Key, UploadId, MultipartUpload: { Parts: [{ PartNumber: 2, ETag: p2.ETag }, { PartNumber: 1, ETag: p1.ETag }] } })),
    );
    expect(order.name).toBe('InvalidPartOrder');
    await t.s3.send(new AbortMultipartUploadCommand({ Bucket, Key, UploadId }));
    const gone = await s3ErrorOf(t.s3.send(new ListPartsCommand({ Bucket, Key, UploadId })));
    expect(gone.name).toBe('NoSuchUpload');
    expect((await s3ErrorOf(t.s3.send(new HeadObjectCommand({ Bucket, Key })))).$metadata.httpStatusCode).toBe(404);
  });

  it('completes a single-part upload and copies a range of another object into a part', async () => {
    await t.s3.send(new PutObjectCommand({ Bucket, Key: 'source.txt', Body: '0123456789' }));
    const Key = 'assembled.txt';
    const { UploadId } = await t.s3.send(new CreateMultipartUploadCommand({ Bucket, Key }));
    const part = await t.s3.send(new UploadPartCopyCommand({ Bucket, Key, UploadId, PartNumber: 1, CopySource: `${Bucket}/source.txt`, CopySourceRange: 'bytes=2-5' }));
    const done = await t.s3.send(new CompleteMultipartUploadCommand({ Bucket, Key, UploadId, MultipartUpload: { Parts: [{ PartNumber: 1, ETag: part.CopyPartResult?.ETag }] } }));
    expect(done.ETag).toMatch(/-1"$/);
    const got = await t.s3.send(new GetObjectCommand({ Bucket, Key }));
    expect(await got.Body?.transformToString()).toBe('2345');
  });

  it('lists unfinished uploads by prefix, with pagination markers', async () => {
    await t.s3.send(new CreateBucketCommand({ Bucket: 'uploads-bucket' }));
    const started: string[] = [];
    for (const Key of ['logs/b', 'logs/a', 'logs/a', 'other/c']) {
      const { UploadId } = await t.s3.send(new CreateMultipartUploadCommand({ Bucket: 'uploads-bucket', Key }));
      started.push(`${Key} ${UploadId}`);
    }
    const first = await t.s3.send(new ListMultipartUploadsCommand({ Bucket: 'uploads-bucket', Prefix: 'logs/', MaxUploads: 2 }));
    expect(first.Uploads?.map((u) => u.Key)).toEqual(['logs/a', 'logs/a']);
    expect(first.IsTruncated).toBe(true);
    const second = await t.s3.send(
      new ListMultipartUploadsCommand({ Bucket: 'uploads-bucket', Prefix: 'logs/', MaxUploads: 2, KeyMarker: first.NextKeyMarker, UploadIdMarker: first.NextUploadIdMarker }),
    );
    expect(second.Uploads?.map((u) => u.Key)).toEqual(['logs/b']);
    expect(second.IsTruncated).toBe(false);
    const listed = [...(first.Uploads ?? []), ...(second.Uploads ?? [])].map((u) => `${u.Key} ${u.UploadId}`);
    expect(listed.sort()).toEqual(started.filter((entry) => entry.startsWith('logs/')).sort());
  });

  it('refuses part numbers outside 1..10000 and unknown upload ids', async () => {
    const Key = 'numbers.bin';
    const { UploadId } = await t.s3.send(new CreateMultipartUploadCommand({ Bucket, Key }));
    const zero = await s3ErrorOf(t.s3.send(new UploadPartCommand({ Bucket, Key, UploadId, PartNumber: 0, Body: 'x' })));
    expect(zero.name).toBe('InvalidArgument');
    const unknown = await s3ErrorOf(t.s3.send(new UploadPartCommand({ Bucket, Key, UploadId: 'nope', PartNumber: 1, Body: 'x' })));
    expect(unknown.name).toBe('NoSuchUpload');
  });
});
