import { bucketOfAwsS3Host } from './forwarded-s3-request';
import { S3Error } from './s3-errors';

export interface S3Address {
  bucket?: string;
  key?: string;
}

/** Host names whose first labels name a bucket (virtual-hosted style), e.g. `my-bucket.localhost:4581`. */
const VIRTUAL_HOST_SUFFIX = '.localhost';

/**
 * Finds the bucket and key of an S3 request: virtual-hosted style (`<bucket>.localhost`, or AWS's
 * `<bucket>.s3.<region>.amazonaws.com` for a request forwarded under `/_s3/`) when the Host header says so, otherwise
 * path style (`/<bucket>/<key>`). The key is percent-decoded; `+` stays a plus, as S3 reads paths.
 */
export function resolveS3Address(host: string | undefined, rawPath: string): S3Address {
  const hostname = (host ?? '').replace(/:\d+$/, '').toLowerCase();
  try {
    const bucket = virtualHostedBucket(hostname);
    if (bucket !== undefined) {
      const key = decodeURIComponent(rawPath.slice(1));
      return { bucket, key: key === '' ? undefined : key };
    }
    const path = rawPath.slice(1);
    if (path === '') {
      return {};
    }
    const slash = path.indexOf('/');
    if (slash < 0) {
      return { bucket: decodeURIComponent(path) };
    }
    const key = decodeURIComponent(path.slice(slash + 1));
    return { bucket: decodeURIComponent(path.slice(0, slash)), key: key === '' ? undefined : key };
  } catch {
    throw new S3Error('InvalidURI', { URI: rawPath });
  }
}

/** The bucket a virtual-hosted Host names; `undefined` for path style (a loopback name, AWS's `s3.<region>` host). */
function virtualHostedBucket(hostname: string): string | undefined {
  const aws = bucketOfAwsS3Host(hostname);
  if (aws.aws) return aws.bucket;
  return hostname.endsWith(VIRTUAL_HOST_SUFFIX) && hostname.length > VIRTUAL_HOST_SUFFIX.length ? hostname.slice(0, -VIRTUAL_HOST_SUFFIX.length) : undefined;
}
