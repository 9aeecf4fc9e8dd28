/**
 * Bucket websites are served under this path of the endpoint, without authentication. No bucket name can begin
 * with `_`, so the prefix never shadows a path-style S3 request.
 */
export const WEBSITE_PATH_PREFIX = '/_website/';
