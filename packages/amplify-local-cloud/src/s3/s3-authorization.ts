import type { IncomingHttpHeaders } from 'http';
import { evaluateRolePolicies, roleName } from '../apigateway/iam-policy';
import type { DeployedResources } from '../contracts';
import type { RoleSession } from '../server/credential-store';

/** One IAM permission an S3 call needs: the action, the bucket or object ARN, and the condition keys S3 sets. */
export interface S3Permission {
  action: string;
  resource: string;
  conditionKeys: Record<string, string>;
}

/**
 * Whether a caller may make the call: `undefined` when it may, else the refusal's message. `permissions` is
 * `undefined` for calls outside what apps make (bucket administration).
 */
export type S3Authorizer = (accessKeyId: string, permissions: readonly S3Permission[] | undefined) => string | undefined;

export interface S3CallShape {
  method: string;
  /** `undefined` for the service itself (ListBuckets). */
  bucket?: string;
  key?: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
}

const LIST_CALL_KEYS = ['prefix', 'delimiter', 'max-keys'] as const;
/** Query names that make a bucket GET something other than a listing. */
const BUCKET_SUBRESOURCES = ['uploads', 'location', 'policy', 'cors', 'website', 'encryption', 'versioning', 'tagging', 'publicAccessBlock'];

/**
 * The permissions S3 checks for a call, for the calls apps make (objects, listing, multipart uploads, copies);
 * `undefined` for the rest (bucket administration), which the authorizer refuses to app credentials.
 */
export function requiredPermissions(call: S3CallShape): S3Permission[] | undefined {
  const { method, bucket, key, query, headers } = call;
  if (bucket === undefined) return method === 'GET' ? [{ action: 's3:ListAllMyBuckets', resource: '*', conditionKeys: {} }] : undefined;
  const bucketArn = `arn:aws:s3:::${bucket}`;
  if (key === undefined) {
    const listing = method === 'HEAD' || (method === 'GET' && ![...query.keys()].some((name) => BUCKET_SUBRESOURCES.includes(name)));
    if (listing) {
      const conditionKeys: Record<string, string> = {};
      for (const name of LIST_CALL_KEYS) conditionKeys[`s3:${name}`] = query.get(name) ?? '';
      return [{ action: 's3:ListBucket', resource: bucketArn, conditionKeys }];
    }
    if (method === 'GET' && query.has('uploads')) return [{ action: 's3:ListBucketMultipartUploads', resource: bucketArn, conditionKeys: {} }];
    if (method === 'GET' && query.has('location')) return [{ action: 's3:GetBucketLocation', resource: bucketArn, conditionKeys: {} }];
    return undefined;
  }
  const object = (action: string): S3Permission => ({ action, resource: `${bucketArn}/${key}`, conditionKeys: {} });
  const uploadId = query.has('uploadId');
  switch (method) {
    case 'GET':
      return [object(uploadId ? 's3:ListMultipartUploadParts' : 's3:GetObject')];
    case 'HEAD':
      return [object('s3:GetObject')];
    case 'POST':
      return [object('s3:PutObject')];
    case 'DELETE':
      return [object(uploadId ? 's3:AbortMultipartUpload' : 's3:DeleteObject')];
    case 'PUT': {
      const source = copySourceArn(headers['x-amz-copy-source']);
      return source === undefined ? [object('s3:PutObject')] : [object('s3:PutObject'), { action: 's3:GetObject', resource: source, conditionKeys: {} }];
    }
  }
  return undefined;
}

function copySourceArn(header: string | string[] | undefined): string | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  if (value === undefined) return undefined;
  try {
    return `arn:aws:s3:::${decodeURIComponent(value.split('?')[0].replace(/^\//, ''))}`;
  } catch {
    return undefined;
  }
}

/**
 * The identity policies of the role an identity pool's credentials act for decide their S3 calls, as on AWS:
 * `${cognito-identity.amazonaws.com:sub}` is the caller's identity id and `s3:prefix` (and the other listing keys)
 * the call's. The instance's key and other role sessions (functions, custom resources) are not checked here.
 */
export function identityPoolS3Authorizer(deployed: DeployedResources, roleSessionOf: (accessKeyId: string) => RoleSession | undefined, accountId: string): S3Authorizer {
  return (accessKeyId, permissions) => {
    const session = roleSessionOf(accessKeyId);
    const identity = session?.cognitoIdentity;
    if (session === undefined || identity === undefined) return undefined;
    if (permissions === undefined) return `Credentials of an identity pool (${identity.identityPoolId}) may only read, write, delete and list objects one call at a time here, not administer buckets or delete in batches.`;
    const caller = `arn:aws:sts::${accountId}:assumed-role/${roleName(session.roleArn)}/${session.sessionName ?? 'CognitoIdentityCredentials'}`;
    const variables = { 'cognito-identity.amazonaws.com:sub': identity.identityId, 'cognito-identity.amazonaws.com:aud': identity.identityPoolId };
    for (const permission of permissions) {
      const decision = evaluateRolePolicies(deployed, session.roleArn, permission.action, permission.resource, { variables, conditionKeys: permission.conditionKeys });
      if (decision !== 'allow') {
        const reason = decision === 'explicit-deny' ? 'with an explicit deny in an identity-based policy' : `because no identity-based policy allows the ${permission.action} action`;
        return `User: ${caller} is not authorized to perform: ${permission.action} on resource: "${permission.resource}" ${reason}`;
      }
    }
    return undefined;
  };
}
