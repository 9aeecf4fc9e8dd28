import type { IncomingHttpHeaders } from 'http';
import { S3Error } from './s3-errors';
import type { ObjectAttributes, ObjectRecord } from './s3-store';

/** Request headers S3 keeps with an object and sends back with it. */
const STORED_HEADERS = ['cache-control', 'content-disposition', 'content-language', 'expires', 'x-amz-website-redirect-location'];

/** Query parameters of a GetObject that override response headers (used by presigned URLs). */
const RESPONSE_OVERRIDES: Record<string, string> = {
  'response-cache-control': 'Cache-Control',
  'response-content-disposition': 'Content-Disposition',
  'response-content-encoding': 'Content-Encoding',
  'response-content-language': 'Content-Language',
  'response-content-type': 'Content-Type',
  'response-expires': 'Expires',
};

export function readObjectAttributes(headers: IncomingHttpHeaders): ObjectAttributes {
  const stored: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) {
      continue;
    }
    if (name.startsWith('x-amz-meta-') || STORED_HEADERS.includes(name)) {
      stored[name] = Array.isArray(value) ? value.join(',') : value;
    }
  }
  // aws-chunked is transfer framing, not a property of the object.
  const encoding = (headers['content-encoding'] ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '' && part !== 'aws-chunked')
    .join(',');
  if (encoding !== '') {
    stored['content-encoding'] = encoding;
  }
  return { contentType: headers['content-type'], headers: stored };
}

export function objectHeaders(record: ObjectRecord, query?: URLSearchParams): Record<string, string> {
  const headers: Record<string, string> = {
    'Content-Type': record.contentType,
    ETag: record.etag,
    'Last-Modified': new Date(record.lastModified).toUTCString(),
    'Accept-Ranges': 'bytes',
    'x-amz-server-side-encryption': 'AES256',
    ...record.headers,
  };
  for (const [parameter, header] of Object.entries(RESPONSE_OVERRIDES)) {
    const value = query?.get(parameter);
    if (value) {
      headers[header] = value;
    }
  }
  return headers;
}

export interface ByteRange {
  start: number;
  end: number;
}

/**
 * Reads a `Range: bytes=...` header against an object size. A header S3 cannot use (another unit, several ranges,
 * bad syntax) is ignored, as S3 ignores it; a range past the end is `InvalidRange`.
 */
export function parseRange(header: string | undefined, size: number): ByteRange | undefined {
  const match = header === undefined ? null : /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (match === null || (match[1] === '' && match[2] === '')) {
    return undefined;
  }
  const unsatisfiable = () => new S3Error('InvalidRange', { RangeRequested: header as string, ActualObjectSize: String(size) });
  if (match[1] === '') {
    const suffix = Number(match[2]);
    if (suffix === 0 || size === 0) {
      throw unsatisfiable();
    }
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(match[1]);
  if (match[2] !== '' && Number(match[2]) < start) {
    // A last byte before the first is a syntax error, which HTTP says to ignore.
    return undefined;
  }
  if (start >= size) {
    throw unsatisfiable();
  }
  const end = match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1);
  return { start, end };
}

/**
 * Evaluates conditional request headers in the order RFC 7232 and S3 use. Returns 304 when the client's copy is
 * current; throws `PreconditionFailed` (412) when a precondition does not hold.
 */
export function checkConditions(headers: IncomingHttpHeaders, record: ObjectRecord, prefix = ''): 'proceed' | 'not-modified' {
  const ifMatch = headers[`${prefix}if-match`] as string | undefined;
  const ifNoneMatch = headers[`${prefix}if-none-match`] as string | undefined;
  const ifModifiedSince = headers[`${prefix}if-modified-since`] as string | undefined;
  const ifUnmodifiedSince = headers[`${prefix}if-unmodified-since`] as string | undefined;
  if (ifMatch !== undefined) {
    if (!etagMatches(ifMatch, record.etag)) {
      throw new S3Error('PreconditionFailed', { Condition: `${prefix}If-Match` });
    }
  } else if (ifUnmodifiedSince !== undefined && record.lastModified > Date.parse(ifUnmodifiedSince)) {
    throw new S3Error('PreconditionFailed', { Condition: `${prefix}If-Unmodified-Since` });
  }
  if (ifNoneMatch !== undefined) {
    if (etagMatches(ifNoneMatch, record.etag)) {
      if (prefix !== '') {
        throw new S3Error('PreconditionFailed', { Condition: `${prefix}If-None-Match` });
      }
      return 'not-modified';
    }
  } else if (ifModifiedSince !== undefined && record.lastModified <= Date.parse(ifModifiedSince)) {
    if (prefix !== '') {
      throw new S3Error('PreconditionFailed', { Condition: `${prefix}If-Modified-Since` });
    }
    return 'not-modified';
  }
  return 'proceed';
}

/**
 * Conditional writes (PutObject): `If-None-Match: *` succeeds only when the key is free, `If-Match` only when the
 * current object has that ETag.
 */
export function checkWriteConditions(headers: IncomingHttpHeaders, existing: ObjectRecord | undefined, key: string): void {
  const ifNoneMatch = headers['if-none-match'] as string | undefined;
  const ifMatch = headers['if-match'] as string | undefined;
  if (ifNoneMatch !== undefined) {
    if (ifNoneMatch.trim() !== '*') {
      throw new S3Error('NotImplemented', { Header: 'If-None-Match' }, 'If-None-Match on writes only supports the value *');
    }
    if (existing !== undefined) {
      throw new S3Error('PreconditionFailed', { Condition: 'If-None-Match' });
    }
  }
  if (ifMatch !== undefined) {
    if (existing === undefined) {
      throw new S3Error('NoSuchKey', { Key: key });
    }
    if (!etagMatches(ifMatch, existing.etag)) {
      throw new S3Error('PreconditionFailed', { Condition: 'If-Match' });
    }
  }
}

function etagMatches(condition: string, etag: string): boolean {
  const bare = etag.replace(/"/g, '');
  return condition.split(',').some((candidate) => {
    const trimmed = candidate.trim().replace(/^W\//, '').replace(/"/g, '');
    return trimmed === '*' || trimmed === bare;
  });
}
