import type { BucketStore } from '../contracts';
import { validationError } from './template-error';

/** AWS's limit for a template read from S3. */
const MAX_TEMPLATE_SIZE = 1_000_000;

export interface S3Location {
  bucket: string;
  key: string;
}

const HOST_FORMS: RegExp[] = [
  // https://<bucket>.s3.amazonaws.com/<key>, https://<bucket>.s3.<region>.amazonaws.com/<key>, legacy s3-<region>
  /^(?<bucket>.+)\.s3(?:[.-][a-z0-9-]+)?\.amazonaws\.com(?:\.cn)?$/,
];
const PATH_HOSTS = /^s3(?:[.-][a-z0-9-]+)?\.amazonaws\.com(?:\.cn)?$/;

/**
 * Where a `TemplateURL` points in S3: path-style and virtual-hosted URLs, global or regional, and this endpoint's
 * own path-style URLs (`http://127.0.0.1:<port>/<bucket>/<key>`).
 */
export function parseS3Url(url: string, endpoint: string): S3Location | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  const path = parsed.pathname.replace(/^\//, '');
  const own = new URL(endpoint);
  const pathStyle = PATH_HOSTS.test(parsed.hostname) || (parsed.host === own.host && parsed.protocol === own.protocol);
  if (pathStyle) {
    const slash = path.indexOf('/');
    if (slash <= 0 || slash === path.length - 1) return undefined;
    return { bucket: decodeURIComponent(path.slice(0, slash)), key: decodeURIComponent(path.slice(slash + 1)) };
  }
  for (const form of HOST_FORMS) {
    const bucket = form.exec(parsed.hostname)?.groups?.bucket;
    if (bucket !== undefined && path !== '') return { bucket, key: decodeURIComponent(path) };
  }
  return undefined;
}

/** The template text at a `TemplateURL`, read from this cloud's S3; AWS's errors otherwise. */
export function readTemplateUrl(url: string, endpoint: string, buckets: BucketStore): string {
  const location = parseS3Url(url, endpoint);
  if (location === undefined) throw validationError('TemplateURL must be a supported URL.');
  const body = buckets.bucketExists(location.bucket) ? buckets.getObject(location.bucket, location.key) : undefined;
  if (body === undefined) throw validationError(`S3 error: Access Denied. The template at ${url} does not exist in the local cloud's S3`);
  if (body.length > MAX_TEMPLATE_SIZE) throw validationError(`Template may not exceed ${MAX_TEMPLATE_SIZE} bytes in size.`);
  return body.toString('utf8');
}
