import * as fs from 'fs';
import type { S3Client } from '@aws-sdk/client-s3';
import { AmplifyError, type AmplifyContext } from 'amplify-cli-core';
import type { SiteFile } from './site-files';

/** The calls a publish makes: the bucket's listing, uploads, deletions, and a CloudFront invalidation. */
export interface HostingCloud {
  /** Key to ETag of every object in the bucket. */
  listObjects(bucket: string): Promise<Map<string, string>>;
  putObject(bucket: string, file: SiteFile): Promise<void>;
  deleteObjects(bucket: string, keys: string[]): Promise<void>;
  /** Invalidates every path of the distribution; answers the invalidation's id. */
  invalidateAll(distributionId: string): Promise<string>;
  close(): void;
}

/** What this plugin uses of the provider's client factory (`getConfiguredAWSClient`). */
export interface ProviderClientFactory {
  target: { region: string; credentials?: unknown; endpoint?: string };
  s3Client(): S3Client;
  destroy(): void;
}

interface ProviderPlugin {
  getConfiguredAWSClient?(context: AmplifyContext, category?: string, action?: string): Promise<unknown>;
}

function isFactory(value: unknown): value is ProviderClientFactory {
  return typeof value === 'object' && value !== null && typeof (value as { s3Client?: unknown }).s3Client === 'function' && typeof (value as { target?: unknown }).target === 'object';
}

/** DeleteObjects takes at most this many keys. */
const DELETE_BATCH = 1000;

/** The project's cloud, through the provider's client factory (the local cloud or AWS, as the env is configured). */
export async function connectHostingCloud(context: AmplifyContext): Promise<HostingCloud> {
  const provider = context.amplify.getPluginInstance(context, 'awscloudformation') as ProviderPlugin | undefined;
  const factory = await provider?.getConfiguredAWSClient?.(context, 'hosting', 'publish');
  if (!isFactory(factory)) {
    throw new AmplifyError('PluginNotFound', 'Publishing needs the awscloudformation provider plugin, which is not installed', {
      resolution: 'Install amplify-provider-awscloudformation and run "amplify plugin scan"',
    });
  }
  return sdkHostingCloud(factory);
}

/** The SDK implementation over the provider's client factory (its S3 client; a CloudFront client on the same target). */
export function sdkHostingCloud(factory: ProviderClientFactory): HostingCloud {
  const s3 = factory.s3Client();
  const sdk = require('@aws-sdk/client-s3') as typeof import('@aws-sdk/client-s3');
  let cloudFront: import('@aws-sdk/client-cloudfront').CloudFrontClient | undefined;
  return {
    async listObjects(bucket) {
      const objects = new Map<string, string>();
      let token: string | undefined;
      do {
        const page = await s3.send(new sdk.ListObjectsV2Command({ Bucket: bucket, ContinuationToken: token }));
        for (const object of page.Contents ?? []) if (object.Key !== undefined) objects.set(object.Key, object.ETag ?? '');
        token = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (token);
      return objects;
    },
    async putObject(bucket, file) {
      await s3.send(new sdk.PutObjectCommand({ Bucket: bucket, Key: file.key, Body: fs.readFileSync(file.filePath), ContentType: file.contentType, CacheControl: file.cacheControl }));
    },
    async deleteObjects(bucket, keys) {
      for (let start = 0; start < keys.length; start += DELETE_BATCH) {
        const batch = keys.slice(start, start + DELETE_BATCH);
        const result = await s3.send(new sdk.DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: batch.map((Key) => ({ Key })), Quiet: true } }));
        const failed = result.Errors ?? [];
        if (failed.length > 0) throw new Error(`S3 refused to delete ${failed.map((error) => `${error.Key ?? ''} (${error.Code ?? ''})`).join(', ')}`);
      }
    },
    async invalidateAll(distributionId) {
      const cf = require('@aws-sdk/client-cloudfront') as typeof import('@aws-sdk/client-cloudfront');
      const { region, credentials, endpoint } = factory.target;
      cloudFront ??= new cf.CloudFrontClient({
        region,
        ...(credentials ? { credentials: credentials as import('@aws-sdk/client-cloudfront').CloudFrontClientConfig['credentials'] } : {}),
        ...(endpoint ? { endpoint } : {}),
      });
      const result = await cloudFront.send(
        new cf.CreateInvalidationCommand({ DistributionId: distributionId, InvalidationBatch: { CallerReference: `amplify-publish-${Date.now()}`, Paths: { Quantity: 1, Items: ['/*'] } } }),
      );
      return result.Invalidation?.Id ?? '';
    },
    close() {
      cloudFront?.destroy();
      factory.destroy();
    },
  };
}
