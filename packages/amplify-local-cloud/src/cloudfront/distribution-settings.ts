/** What the local cloud needs of a distribution's `DistributionConfig` to serve it. */
export interface DistributionSettings {
  /** The S3 bucket the default cache behaviour's origin reads from. */
  originBucket: string;
  /** Prepended to every request path on its way to the origin (`OriginPath`), without a trailing slash. */
  originPath: string;
  /** The object served for a request of the root URL; `undefined` forwards `/` to the origin as it is. */
  defaultRootObject?: string;
  customErrorResponses: CustomErrorResponse[];
  enabled: boolean;
  /** `Cache-Control: max-age` the viewer gets for objects without their own cache headers (`DefaultTTL`). */
  defaultTtl: number;
}

export interface CustomErrorResponse {
  errorCode: number;
  /** The status the viewer sees instead; the origin's status when absent. */
  responseCode?: number;
  /** The object served instead of the error, a path beginning with `/`. */
  responsePagePath?: string;
}

/** A distribution the local cloud cannot serve, with the reason CloudFormation shows. */
export class DistributionConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DistributionConfigError';
  }
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** `<bucket>.s3.amazonaws.com`, `<bucket>.s3.<region>.amazonaws.com`, `<bucket>.s3-<region>.amazonaws.com`. */
const S3_ORIGIN = /^(.+?)\.s3(?:[.-][a-z0-9-]+)?\.amazonaws\.com$/;

/**
 * Reads the resolved `DistributionConfig` of an `AWS::CloudFront::Distribution`: the default cache behaviour's
 * origin must be an S3 bucket (the only origin the local cloud has), addressed by its REST domain name.
 */
export function readDistributionSettings(config: unknown): DistributionSettings {
  if (!isObject(config)) throw new DistributionConfigError('DistributionConfig must be an object');
  const origins = Array.isArray(config.Origins) ? config.Origins.filter(isObject) : [];
  const behaviour = isObject(config.DefaultCacheBehavior) ? config.DefaultCacheBehavior : undefined;
  const targetId = behaviour?.TargetOriginId;
  const origin = origins.find((candidate) => candidate.Id === targetId);
  if (origin === undefined) {
    throw new DistributionConfigError(`The default cache behavior's TargetOriginId '${String(targetId)}' names none of the distribution's origins`);
  }
  const domainName = String(origin.DomainName ?? '');
  const bucket = S3_ORIGIN.exec(domainName)?.[1];
  if (bucket === undefined) {
    throw new DistributionConfigError(`Origin '${String(origin.Id)}' (${domainName}) is not an S3 bucket's domain name; the local cloud serves S3 origins only`);
  }
  const defaultRootObject = typeof config.DefaultRootObject === 'string' && config.DefaultRootObject !== '' ? config.DefaultRootObject.replace(/^\/+/, '') : undefined;
  return {
    originBucket: bucket,
    originPath: typeof origin.OriginPath === 'string' ? origin.OriginPath.replace(/\/+$/, '') : '',
    ...(defaultRootObject === undefined ? {} : { defaultRootObject }),
    customErrorResponses: (Array.isArray(config.CustomErrorResponses) ? config.CustomErrorResponses.filter(isObject) : []).map(readErrorResponse),
    enabled: config.Enabled !== false && config.Enabled !== 'false',
    defaultTtl: Number(behaviour?.DefaultTTL ?? 86400),
  };
}

function readErrorResponse(entry: Json): CustomErrorResponse {
  const errorCode = Number(entry.ErrorCode);
  const responseCode = entry.ResponseCode === undefined ? undefined : Number(entry.ResponseCode);
  const page = typeof entry.ResponsePagePath === 'string' && entry.ResponsePagePath !== '' ? entry.ResponsePagePath : undefined;
  if (page !== undefined && !page.startsWith('/')) {
    throw new DistributionConfigError(`CustomErrorResponses: ResponsePagePath '${page}' must begin with /`);
  }
  if ((responseCode === undefined) !== (page === undefined)) {
    throw new DistributionConfigError(`CustomErrorResponses: error code ${errorCode} needs both ResponseCode and ResponsePagePath, or neither`);
  }
  return { errorCode, ...(responseCode === undefined ? {} : { responseCode }), ...(page === undefined ? {} : { responsePagePath: page }) };
}
