import {
  CreateBucketCommand,
  CreateMultipartUploadCommand,
  GetBucketPolicyCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListBucketsCommand,
  ListPartsCommand,
  PutBucketPolicyCommand,
  PutBucketWebsiteCommand,
  PutObjectCommand,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import { rawRequest, startTestCloud } from './test-cloud';

describe('persistence', () => {
  it('keeps buckets, settings, objects and unfinished uploads across a restart on the same data directory', async () => {
    const first = await startTestCloud();
    const Bucket = 'durable-bucket';
    await first.s3.send(new CreateBucketCommand({ Bucket }));
    await first.s3.send(new PutBucketPolicyCommand({ Bucket, Policy: '{"Version":"2012-10-17","Statement":[]}' }));
    await first.s3.send(new PutBucketWebsiteCommand({ Bucket, WebsiteConfiguration: { IndexDocument: { Suffix: 'index.html' } } }));
    await first.s3.send(new PutObjectCommand({ Bucket, Key: 'index.html', Body: '<p>still here</p>', ContentType: 'text/html', Metadata: { a: 'b' } }));
    const { UploadId } = await first.s3.send(new CreateMultipartUploadCommand({ Bucket, Key: 'pending.bin' }));
    await first.s3.send(new UploadPartCommand({ Bucket, Key: 'pending.bin', UploadId, PartNumber: 1, Body: 'part one' }));
    const before = await first.s3.send(new HeadObjectCommand({ Bucket, Key: 'index.html' }));
    await first.stop();

    const second = await startTestCloud(first.dataDir);
    try {
      expect((await second.s3.send(new ListBucketsCommand({}))).Buckets?.map((b) => b.Name)).toEqual([Bucket]);
      expect((await second.s3.send(new GetBucketPolicyCommand({ Bucket }))).Policy).toBe('{"Version":"2012-10-17","Statement":[]}');
      const object = await second.s3.send(new GetObjectCommand({ Bucket, Key: 'index.html' }));
      expect(await object.Body?.transformToString()).toBe('<p>still here</p>');
      expect(object).toMatchObject({ ETag: before.ETag, ContentType: 'text/html', Metadata: { a: 'b' } });
      expect(object.LastModified?.getTime()).toBe(before.LastModified?.getTime());
      const parts = await second.s3.send(new ListPartsCommand({ Bucket, Key: 'pending.bin', UploadId }));
      expect(parts.Parts?.map((p) => p.Size)).toEqual([8]);
      const site = await rawRequest(`${second.cloud.endpoint}/_website/${Bucket}/`);
      expect(site.body).toBe('<p>still here</p>');
    } finally {
      await second.dispose();
    }
  });
});
