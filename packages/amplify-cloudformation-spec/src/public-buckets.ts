/** A way a template lets anyone read (or write) a bucket. */
export interface PublicBucketGrant {
  /** The logical id of the resource that grants it (the bucket, or its policy). */
  logicalId: string;
  reason: string;
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const PUBLIC_ACLS = ['PublicRead', 'PublicReadWrite', 'AuthenticatedRead'];

function isEveryone(principal: unknown): boolean {
  if (principal === '*') return true;
  if (Array.isArray(principal)) return principal.some(isEveryone);
  return isObject(principal) && isEveryone(principal.AWS);
}

/**
 * The buckets a template makes public: a canned ACL open to everyone, a website configuration (website endpoints
 * serve without credentials), or a bucket policy that allows any principal without a condition.
 */
export function publicBucketGrants(template: unknown): PublicBucketGrant[] {
  const resources = isObject(template) && isObject(template.Resources) ? template.Resources : {};
  const grants: PublicBucketGrant[] = [];
  for (const [logicalId, resource] of Object.entries(resources)) {
    if (!isObject(resource)) continue;
    const properties = isObject(resource.Properties) ? resource.Properties : {};
    if (resource.Type === 'AWS::S3::Bucket') {
      if (typeof properties.AccessControl === 'string' && PUBLIC_ACLS.includes(properties.AccessControl)) grants.push({ logicalId, reason: `AccessControl ${properties.AccessControl}` });
      if (properties.WebsiteConfiguration !== undefined) grants.push({ logicalId, reason: 'WebsiteConfiguration (a website is served to anyone)' });
    } else if (resource.Type === 'AWS::S3::BucketPolicy') {
      const document = isObject(properties.PolicyDocument) ? properties.PolicyDocument : {};
      const statements = Array.isArray(document.Statement) ? document.Statement : [document.Statement];
      const open = statements.some((statement) => isObject(statement) && statement.Effect === 'Allow' && statement.Condition === undefined && isEveryone(statement.Principal));
      if (open) grants.push({ logicalId, reason: 'a bucket policy that allows any principal ("*")' });
    }
  }
  return grants;
}
