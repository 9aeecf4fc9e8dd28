import { AmplifyError } from 'amplify-cli-core';
import type { HostingCloud } from './hosting-cloud';
import type { SiteFile } from './site-files';
import { planUpload } from './upload-planner';

export interface PublishSiteOptions {
  site: SiteFile[];
  /** The hosting resource's deployed outputs (amplify-meta.json). */
  outputs: Record<string, unknown>;
  indexDocument: string;
  invalidate: boolean;
  cloud: HostingCloud;
  /** Uploads in flight at once. */
  concurrency?: number;
}

export interface PublishResult {
  url: string;
  uploaded: string[];
  deleted: string[];
  unchanged: number;
  invalidationId?: string;
  warnings: string[];
}

/**
 * Runs `work` on every item, at most `limit` at a time. After a failure no new item starts; once the calls in flight
 * have settled, the first failure is thrown (so nothing is still uploading when the clients are closed).
 */
async function inBatches<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  let failed = false;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (!failed && next < items.length) {
      try {
        await work(items[next++]);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  });
  const failure = (await Promise.allSettled(lanes)).find((lane): lane is PromiseRejectedResult => lane.status === 'rejected');
  if (failure) throw failure.reason;
}

/**
 * Brings the hosting bucket to the built site: uploads new and changed files (the index document last), deletes
 * objects the site no longer has, and invalidates the distribution when asked. Answers the site's URL: the
 * distribution's (PROD), else the bucket website's (DEV).
 */
export async function publishSite(options: PublishSiteOptions): Promise<PublishResult> {
  const { outputs, cloud } = options;
  const bucket = outputs.HostingBucketName;
  const distributionId = typeof outputs.CloudFrontDistributionID === 'string' ? outputs.CloudFrontDistributionID : undefined;
  const url = distributionId !== undefined ? outputs.CloudFrontSecureURL : outputs.WebsiteURL;
  if (typeof bucket !== 'string' || typeof url !== 'string') {
    throw new AmplifyError('HostingNotDeployed', 'The hosting resource has no deployed bucket yet', { resolution: 'Run "amplify push", then "amplify publish" again' });
  }
  const warnings: string[] = [];
  if (!options.site.some((file) => file.key === options.indexDocument)) {
    warnings.push(`The site has no ${options.indexDocument}, the page its root URL serves`);
  }
  const plan = planUpload(options.site, await cloud.listObjects(bucket), options.indexDocument);
  const last = plan.uploads.length > 0 && plan.uploads[plan.uploads.length - 1].key === options.indexDocument ? plan.uploads.slice(-1) : [];
  await inBatches(plan.uploads.slice(0, plan.uploads.length - last.length), options.concurrency ?? 8, (file) => cloud.putObject(bucket, file));
  for (const file of last) await cloud.putObject(bucket, file);
  if (plan.deletions.length > 0) await cloud.deleteObjects(bucket, plan.deletions);
  let invalidationId: string | undefined;
  if (options.invalidate) {
    if (distributionId === undefined) warnings.push('The DEV setup has no CloudFront distribution to invalidate; its bucket serves the new files at once');
    else invalidationId = await cloud.invalidateAll(distributionId);
  }
  return {
    url,
    uploaded: plan.uploads.map((file) => file.key),
    deleted: plan.deletions,
    unchanged: plan.unchanged,
    ...(invalidationId === undefined ? {} : { invalidationId }),
    warnings,
  };
}
