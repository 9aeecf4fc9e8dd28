import type { IncomingHttpHeaders } from 'http';
import type { ServiceResponse } from '../contracts';
import { checkConditions, objectHeaders } from '../s3/object-http';
import { S3Error } from '../s3/s3-errors';
import type { ObjectRecord, S3Store } from '../s3/s3-store';
import { escapeXml } from '../xml/xml-writer';
import { CLOUDFRONT_PATH_PREFIX } from './distribution-path';
import type { DistributionStore } from './distribution-store';
import type { DistributionSettings } from './distribution-settings';

type OriginObjects = Pick<S3Store, 'headObject' | 'openBody'>;

/**
 * Serves `/_cloudfront/<distributionId>/<path>` as a CloudFront edge serves a distribution with a private S3 origin
 * behind an origin access identity: the root gets the default root object; a key the bucket lacks is S3's 403 (the
 * identity may read objects, not list them), which custom error responses can turn into another page and status;
 * nothing is cached, so every request reads the bucket as it is now.
 */
export function serveDistribution(distributions: DistributionStore, objects: OriginObjects, method: string, requestPath: string, headers: IncomingHttpHeaders): ServiceResponse {
  const rest = requestPath.slice(CLOUDFRONT_PATH_PREFIX.length);
  const slash = rest.indexOf('/');
  const id = slash < 0 ? rest : rest.slice(0, slash);
  const distribution = distributions.get(id);
  if (distribution === undefined || !distribution.settings.enabled) {
    return errorPage(403, 'The request could not be satisfied', `No enabled distribution has the id '${id}'.`, method);
  }
  if (slash < 0) {
    return { status: 301, headers: { Location: `${CLOUDFRONT_PATH_PREFIX}${id}/` } };
  }
  if (method !== 'GET' && method !== 'HEAD') {
    return errorPage(403, 'The request could not be satisfied', `This distribution serves static files: ${method} is not allowed.`, method);
  }
  const { settings } = distribution;
  let path: string;
  try {
    path = decodeURIComponent(rest.slice(slash + 1));
  } catch {
    return errorPage(400, 'Bad request', "The request's path could not be decoded.", method);
  }
  const key = path === '' && settings.defaultRootObject !== undefined ? settings.defaultRootObject : path;
  const record = key === '' ? undefined : objects.headObject(settings.originBucket, originKey(settings, key));
  if (record !== undefined) {
    return send(objects, settings, record, 200, method, headers);
  }
  // What the origin answers for a key it lacks, to an identity without s3:ListBucket.
  const custom = settings.customErrorResponses.find((entry) => entry.errorCode === 403);
  if (custom?.responsePagePath !== undefined) {
    const page = objects.headObject(settings.originBucket, originKey(settings, custom.responsePagePath.replace(/^\/+/, '')));
    if (page !== undefined) return send(objects, settings, page, custom.responseCode ?? 403, method, headers);
  }
  return {
    status: custom?.responseCode ?? 403,
    headers: { 'Content-Type': 'application/xml', 'X-Cache': 'Error from cloudfront' },
    body: method === 'HEAD' ? undefined : `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>`,
  };
}

function originKey(settings: DistributionSettings, key: string): string {
  const prefix = settings.originPath.replace(/^\/+/, '');
  return prefix === '' ? key : `${prefix}/${key}`;
}

function send(objects: OriginObjects, settings: DistributionSettings, record: ObjectRecord, status: number, method: string, requestHeaders: IncomingHttpHeaders): ServiceResponse {
  const headers = objectHeaders(record);
  delete headers['x-amz-server-side-encryption'];
  headers['X-Cache'] = 'Miss from cloudfront';
  if (headers['cache-control'] === undefined) headers['Cache-Control'] = `max-age=${settings.defaultTtl}`;
  try {
    if (status === 200 && checkConditions(requestHeaders, record) === 'not-modified') {
      return { status: 304, headers: { ETag: record.etag, 'Last-Modified': headers['Last-Modified'] } };
    }
  } catch (error) {
    if (error instanceof S3Error) return errorPage(error.status, 'Precondition failed', error.message, method);
    throw error;
  }
  headers['Content-Length'] = String(record.size);
  return { status, headers, body: method === 'HEAD' ? undefined : objects.openBody(record) };
}

function errorPage(status: number, title: string, detail: string, method: string): ServiceResponse {
  const body = `<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">\n<html><head><title>ERROR: ${escapeXml(title)}</title></head><body><h1>${status} ERROR</h1><h2>${escapeXml(title)}</h2><p>${escapeXml(detail)}</p></body></html>\n`;
  return { status, headers: { 'Content-Type': 'text/html', 'X-Cache': 'Error from cloudfront' }, body: method === 'HEAD' ? undefined : body };
}
