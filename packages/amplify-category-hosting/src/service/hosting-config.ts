/** DEV: the bucket is an S3 website over HTTP; PROD: a private bucket behind a CloudFront distribution over HTTPS. */
export type HostingEnvironment = 'DEV' | 'PROD';

export const HOSTING_SERVICE = 'S3AndCloudFront';
/** The original keeps exactly one hosting resource of this service, under this fixed name. */
export const HOSTING_RESOURCE_NAME = 'S3AndCloudFront';

/** The error codes CloudFront lets a distribution answer with a page of its own. */
export const CUSTOM_ERROR_CODES = [400, 403, 404, 405, 414, 416, 500, 501, 502, 503, 504] as const;

export interface CustomErrorResponse {
  errorCode: number;
  responseCode: number;
  responsePagePath: string;
  errorCachingMinTTL: number;
}

export interface CloudFrontSettings {
  defaultRootObject: string;
  defaultTTL: number;
  maxTTL: number;
  minTTL: number;
  customErrorResponses: CustomErrorResponse[];
}

export interface HostingConfig {
  environment: HostingEnvironment;
  /** The name without the env suffix: the template appends `-<env>`. */
  bucketName: string;
  /** DEV website documents. */
  indexDocument: string;
  errorDocument: string;
  /** PROD distribution settings. */
  cloudFront: CloudFrontSettings;
}

/** A single-page app's routes are no objects: the bucket's 403 for them becomes the app's index page. */
export function defaultErrorResponses(rootObject: string): CustomErrorResponse[] {
  return [400, 403, 404].map((errorCode) => ({ errorCode, responseCode: 200, responsePagePath: `/${rootObject}`, errorCachingMinTTL: 300 }));
}

export function defaultCloudFront(): CloudFrontSettings {
  return { defaultRootObject: 'index.html', defaultTTL: 86400, maxTTL: 31536000, minTTL: 60, customErrorResponses: defaultErrorResponses('index.html') };
}

/** `<project>-<YYYYMMDDHHmmss>-hostingbucket`, with every character a bucket name cannot have removed. */
export function defaultBucketName(projectName: string, now: Date = new Date()): string {
  const stamp = now.toISOString().replace(/\D/g, '').slice(0, 14);
  const project = projectName.toLowerCase().replace(/[^-a-z0-9]/g, '');
  return `${project}-${stamp}-hostingbucket`.replace(/^-+/, '');
}

export function hostingDefaults(projectName: string, now?: Date): HostingConfig {
  return { environment: 'DEV', bucketName: defaultBucketName(projectName, now), indexDocument: 'index.html', errorDocument: 'index.html', cloudFront: defaultCloudFront() };
}

/** S3's bucket naming rules (before the `-<env>` suffix the template adds): the problem, or `undefined`. */
export function bucketNameProblem(name: string): string | undefined {
  if (name.length < 3 || name.length > 63) return 'Bucket names must be 3 to 63 characters long';
  if (!/^[a-z0-9.-]+$/.test(name)) return 'Bucket names may contain only lower-case letters, digits, dots (.) and hyphens (-)';
  if (!/^[a-z0-9]/.test(name)) return 'Bucket names must begin with a letter or a digit';
  if (name.endsWith('-')) return 'Bucket names must not end with a hyphen (-)';
  if (name.includes('..')) return 'Bucket names must not contain two adjacent dots (..)';
  if (name.includes('.-') || name.includes('-.')) return 'Bucket names must not contain a dot next to a hyphen (.- or -.)';
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(name)) return 'Bucket names must not be formatted as an IP address';
  return undefined;
}

/** An index or error document: a file name (folders allowed) of the site, no leading slash, no `..`. */
export function documentNameProblem(name: string): string | undefined {
  if (name === '' || name.startsWith('/') || name.endsWith('/')) return 'Give a file name relative to the site root, such as index.html';
  if (name.split('/').some((part) => part === '..' || part === '.' || part === '')) return 'The document path must not contain empty, "." or ".." segments';
  if (/[\\\0-\x1f]/.test(name)) return 'The document name must not contain backslashes or control characters';
  return undefined;
}
