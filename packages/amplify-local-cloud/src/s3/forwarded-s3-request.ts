/**
 * Where the local cloud takes S3 requests an app addressed to AWS's S3 host names:
 * `<endpoint>/_s3/<AWS host>/<path as signed>?<query as signed>`. aws-amplify ≥ 6.9 has no S3 endpoint setting, so the
 * generated aws-exports.js of a local-cloud env rewrites its bucket's URLs to this form (amplify-frontend-javascript,
 * storage-route). No bucket name begins with `_`, so the prefix never shadows a path-style request.
 */
export const FORWARDED_S3_PATH_PREFIX = '/_s3/';

/**
 * AWS's S3 host names that name a region: virtual-hosted `<bucket>.s3.<region>.amazonaws.com` and path-style
 * `s3.<region>.amazonaws.com`. Only these may stand in for the Host header, and only to rebuild the canonical request
 * the client signed and to find the bucket: the signature is still checked against the local cloud's own keys.
 */
const AWS_S3_HOST = /^(?:([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])\.)?s3\.[a-z]{2}(?:-[a-z]+)+-\d\.amazonaws\.com$/;

export type ForwardedS3Request = { type: 'direct' } | { type: 'forwarded'; host: string; path: string } | { type: 'invalid'; message: string };

/** Reads the original host and path of a forwarded request; requests without the prefix are `direct`. */
export function readForwardedS3Request(rawPath: string): ForwardedS3Request {
  if (!rawPath.startsWith(FORWARDED_S3_PATH_PREFIX)) return { type: 'direct' };
  const rest = rawPath.slice(FORWARDED_S3_PATH_PREFIX.length);
  const slash = rest.indexOf('/');
  const host = (slash < 0 ? rest : rest.slice(0, slash)).toLowerCase();
  if (!AWS_S3_HOST.test(host)) {
    return {
      type: 'invalid',
      message: `'${host}' is not an S3 host name with a region (<bucket>.s3.<region>.amazonaws.com or s3.<region>.amazonaws.com): the local cloud forwards only those under ${FORWARDED_S3_PATH_PREFIX}.`,
    };
  }
  return { type: 'forwarded', host, path: slash < 0 ? '/' : rest.slice(slash) };
}

/** The bucket an AWS S3 host names (virtual-hosted style), or `undefined` for the path-style host. */
export function bucketOfAwsS3Host(host: string): { aws: false } | { aws: true; bucket?: string } {
  const match = AWS_S3_HOST.exec(host);
  return match === null ? { aws: false } : { aws: true, bucket: match[1] };
}
