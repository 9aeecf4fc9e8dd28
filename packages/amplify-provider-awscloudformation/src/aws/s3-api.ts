import type { S3Client } from '@aws-sdk/client-s3';
import { loadS3Sdk } from './sdk-modules';

/** The S3 calls the provider makes (see cloudformation-api.ts for why the seam is this narrow). */
export interface S3Api {
  putObject(bucket: string, key: string, body: Uint8Array | string, contentType?: string): Promise<void>;
  /** `undefined` when the object (or the bucket) does not exist. */
  getObject(bucket: string, key: string): Promise<Uint8Array | undefined>;
  /** The object's ETag without quotes, or `undefined` when it does not exist. */
  headObjectEtag(bucket: string, key: string): Promise<string | undefined>;
  bucketExists(bucket: string): Promise<boolean>;
  /** Deletes every object, so that the bucket itself can be deleted. */
  emptyBucket(bucket: string): Promise<void>;
  deleteBucket(bucket: string): Promise<void>;
}

function errorName(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const withName = error as { name?: unknown; Code?: unknown; $metadata?: { httpStatusCode?: number } };
  if (withName.$metadata?.httpStatusCode === 404) return 'NotFound';
  return typeof withName.name === 'string' ? withName.name : undefined;
}

function isMissing(error: unknown): boolean {
  const name = errorName(error);
  return name === 'NotFound' || name === 'NoSuchKey' || name === 'NoSuchBucket';
}

export class SdkS3Api implements S3Api {
  constructor(private readonly client: S3Client) {}

  async putObject(bucket: string, key: string, body: Uint8Array | string, contentType?: string): Promise<void> {
    const { PutObjectCommand } = loadS3Sdk();
    await this.client.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body, ContentType: contentType }));
  }

  async getObject(bucket: string, key: string): Promise<Uint8Array | undefined> {
    const { GetObjectCommand } = loadS3Sdk();
    try {
      const result = await this.client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
      return result.Body ? await result.Body.transformToByteArray() : new Uint8Array();
    } catch (error) {
      if (isMissing(error)) return undefined;
      throw error;
    }
  }

  async headObjectEtag(bucket: string, key: string): Promise<string | undefined> {
    const { HeadObjectCommand } = loadS3Sdk();
    try {
      const result = await this.client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
      return result.ETag?.replace(/"/g, '');
    } catch (error) {
      if (isMissing(error)) return undefined;
      throw error;
    }
  }

  async bucketExists(bucket: string): Promise<boolean> {
    const { HeadBucketCommand } = loadS3Sdk();
    try {
      await this.client.send(new HeadBucketCommand({ Bucket: bucket }));
      return true;
    } catch (error) {
      if (isMissing(error)) return false;
      throw error;
    }
  }

  async emptyBucket(bucket: string): Promise<void> {
    const { ListObjectsV2Command, DeleteObjectCommand } = loadS3Sdk();
    let continuationToken: string | undefined;
    do {
      const page = await this.client.send(new ListObjectsV2Command({ Bucket: bucket, ContinuationToken: continuationToken }));
      // One DeleteObject per key keeps this working on S3-compatible endpoints without the batch API.
      await Promise.all(
        (page.Contents ?? []).map((object) => this.client.send(new DeleteObjectCommand({ Bucket: bucket, Key: object.Key }))),
      );
      continuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (continuationToken);
  }

  async deleteBucket(bucket: string): Promise<void> {
    const { DeleteBucketCommand } = loadS3Sdk();
    await this.client.send(new DeleteBucketCommand({ Bucket: bucket }));
  }
}
