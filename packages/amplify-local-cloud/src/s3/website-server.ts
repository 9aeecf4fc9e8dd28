import type { IncomingHttpHeaders } from 'http';
import type { ServiceResponse } from '../contracts';
import { escapeXml } from '../xml/xml-writer';
import { checkConditions, objectHeaders } from './object-http';
import { S3Error } from './s3-errors';
import type { ObjectRecord, S3Store } from './s3-store';
import { WEBSITE_PATH_PREFIX } from './website-path';

/**
 * Serves a bucket's objects as a static website at `/_website/<bucket>/<path>`, without authentication, the way
 * an S3 website endpoint does: a folder path gets the index document, a folder without its trailing slash is
 * redirected to it, a missing object gets the error document with status 404, an object's website redirect location
 * and a bucket-wide `RedirectAllRequestsTo` answer 301, and only GET and HEAD are allowed.
 */
export function serveWebsite(store: S3Store, method: string, requestPath: string, headers: IncomingHttpHeaders): ServiceResponse {
  const rest = requestPath.slice(WEBSITE_PATH_PREFIX.length);
  const slash = rest.indexOf('/');
  const bucket = safeDecode(slash < 0 ? rest : rest.slice(0, slash));
  if (method !== 'GET' && method !== 'HEAD') {
    return page(405, 'MethodNotAllowed', 'The specified method is not allowed against this resource.', method, { Allow: 'GET, HEAD' });
  }
  if (bucket === undefined || !store.bucketExists(bucket)) {
    return page(404, 'NoSuchBucket', 'The specified bucket does not exist', method);
  }
  const website = store.getWebsite(bucket);
  if (website === undefined) {
    return page(404, 'NoSuchWebsiteConfiguration', 'The specified bucket does not have a website configuration', method);
  }
  const rawPath = slash < 0 ? '' : rest.slice(slash + 1);
  if (website.type === 'redirect') {
    return { status: 301, headers: { Location: `${website.protocol ?? 'http'}://${website.hostName}/${rawPath}` } };
  }
  if (slash < 0) {
    // The site's root is `<url>/`; without the slash, relative links in the index document would resolve wrongly.
    return { status: 302, headers: { Location: `${WEBSITE_PATH_PREFIX}${rest}/` } };
  }
  const path = safeDecode(rawPath);
  if (path === undefined) {
    return page(400, 'InvalidURI', "Couldn't parse the specified URI.", method);
  }
  const key = path === '' || path.endsWith('/') ? `${path}${website.indexDocument}` : path;
  const record = store.headObject(bucket, key);
  if (record !== undefined) {
    return send(store, record, 200, method, headers);
  }
  if (!path.endsWith('/') && path !== '' && store.headObject(bucket, `${path}/${website.indexDocument}`) !== undefined) {
    return { status: 302, headers: { Location: `${WEBSITE_PATH_PREFIX}${rest}/` } };
  }
  const errorRecord = website.errorDocument === undefined ? undefined : store.headObject(bucket, website.errorDocument);
  if (errorRecord !== undefined) {
    return send(store, errorRecord, 404, method, headers);
  }
  return page(404, 'NoSuchKey', 'The specified key does not exist.', method);
}

function send(store: S3Store, record: ObjectRecord, status: number, method: string, requestHeaders: IncomingHttpHeaders): ServiceResponse {
  const redirect = record.headers['x-amz-website-redirect-location'];
  if (redirect !== undefined && status === 200) {
    return { status: 301, headers: { Location: redirect } };
  }
  const headers = objectHeaders(record);
  delete headers['x-amz-server-side-encryption'];
  try {
    if (status === 200 && checkConditions(requestHeaders, record) === 'not-modified') {
      return { status: 304, headers: { ETag: record.etag, 'Last-Modified': headers['Last-Modified'] } };
    }
  } catch (error) {
    if (error instanceof S3Error) {
      return page(error.status, error.code, error.message, method);
    }
    throw error;
  }
  headers['Content-Length'] = String(record.size);
  return { status, headers, body: method === 'HEAD' ? undefined : store.openBody(record) };
}

/** S3 website endpoints answer errors with a small HTML page, not XML. */
function page(status: number, code: string, message: string, method: string, extra: Record<string, string> = {}): ServiceResponse {
  const title = `${status} ${code}`;
  const body = `<html>\n<head><title>${title}</title></head>\n<body>\n<h1>${title}</h1>\n<ul>\n<li>Code: ${escapeXml(code)}</li>\n<li>Message: ${escapeXml(message)}</li>\n</ul>\n</body>\n</html>\n`;
  return { status, headers: { 'Content-Type': 'text/html; charset=utf-8', ...extra }, body: method === 'HEAD' ? undefined : body };
}

function safeDecode(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}
