/**
 * Distributions are served under this path of every local-cloud listener (HTTP, and HTTPS where the local cloud
 * has it), without authentication: `<endpoint>/_cloudfront/<distributionId>/<path>`. No bucket name begins with
 * `_`, so the prefix never shadows a path-style S3 request.
 */
export const CLOUDFRONT_PATH_PREFIX = '/_cloudfront/';

/**
 * The distribution's `DomainName` attribute: host, port and path of its root, so that `https://` + DomainName (how
 * templates build the site's URL) leads to it on the endpoint given (the HTTPS one where the local cloud has it).
 */
export function distributionDomainName(endpoint: string, distributionId: string): string {
  return `${new URL(endpoint).host}${CLOUDFRONT_PATH_PREFIX}${distributionId}`;
}
