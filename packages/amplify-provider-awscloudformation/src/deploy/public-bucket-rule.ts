import type * as SpecModule from 'amplify-cloudformation-spec';

/** The one resource whose bucket may be public: the hosting category's, in its DEV setup (an S3 website). */
export const PUBLIC_BUCKET_RESOURCE = { category: 'hosting', resourceName: 'S3AndCloudFront' } as const;

/**
 * A push refuses any other template that makes a bucket public: app data never becomes readable by anyone
 * through a category template (or a hand edit of one).
 */
export function publicBucketProblems(ref: { category: string; resourceName: string }, template: Record<string, unknown>, fileName: string): string[] {
  const hosting = ref.category === PUBLIC_BUCKET_RESOURCE.category && ref.resourceName === PUBLIC_BUCKET_RESOURCE.resourceName;
  // PROD hosting (a distribution in front of the bucket) keeps the bucket private like every other template.
  if (hosting && !hasDistribution(template)) return [];
  const { publicBucketGrants } = require('amplify-cloudformation-spec') as typeof SpecModule;
  return publicBucketGrants(template).map(
    (grant) => `${fileName}: resource ${grant.logicalId}: makes a bucket public (${grant.reason}); only the hosting category's DEV bucket may be public`,
  );
}

function hasDistribution(template: Record<string, unknown>): boolean {
  const resources = template.Resources;
  if (typeof resources !== 'object' || resources === null) return false;
  return Object.values(resources).some((resource) => typeof resource === 'object' && resource !== null && (resource as { Type?: unknown }).Type === 'AWS::CloudFront::Distribution');
}
