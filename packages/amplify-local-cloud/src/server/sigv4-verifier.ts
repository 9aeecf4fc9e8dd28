import * as crypto from 'crypto';
import type { IncomingHttpHeaders } from 'http';
import { constantTimeEqual, type CredentialStore, type SigningCredentials } from './credential-store';
import { toAmzDate, type SigV4Auth, type SigV4Scope } from './sigv4';

/** What a signature is computed over: the request as the server read it. */
export interface SignableRequest {
  method: string;
  /** The path as sent, still percent-encoded. */
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  /**
   * The body read whole, for every service but S3. S3 signs the hash its `x-amz-content-sha256` header declares (or
   * a presigned URL's UNSIGNED-PAYLOAD), so its body, possibly gigabytes, is not read before the signature is checked.
   */
  body?: Buffer;
}

/** What aws-chunked decoding needs to check the chunk signatures of a signed streaming upload. */
export interface ChunkSigning {
  signingKey: Buffer;
  amzDate: string;
  scope: string;
  /** The request's own signature: the first chunk's signature chains from it. */
  seedSignature: string;
}

export type VerifyResult =
  | { type: 'verified'; credentials: SigningCredentials; chunkSigning: ChunkSigning }
  | { type: 'unknown-key' }
  | { type: 'skewed'; message: string }
  | { type: 'mismatch'; canonicalRequest: string; stringToSign: string };

const ALGORITHM = 'AWS4-HMAC-SHA256';
/** AWS refuses header-signed requests whose time is more than 15 minutes off its own clock. */
const MAX_SKEW_MS = 15 * 60 * 1000;

/**
 * Recomputes a SigV4 signature with the secret the store holds for the access key and compares it in constant
 * time. Header-signed requests must also be recent; presigned URLs carry their own expiry (checked when read).
 */
export function verifySigV4(request: SignableRequest, auth: SigV4Auth, store: CredentialStore, now: Date = new Date()): VerifyResult {
  const credentials = store.find(auth.scope.accessKeyId);
  if (credentials === undefined || !sessionTokenMatches(credentials, auth.securityToken)) {
    return { type: 'unknown-key' };
  }
  if (!auth.presigned) {
    const skew = skewMessage(auth.amzDate, now);
    if (skew !== undefined) {
      return { type: 'skewed', message: skew };
    }
  }
  const canonical = canonicalRequest(request, auth);
  const scope = credentialScope(auth.scope);
  const toSign = stringToSign(auth.amzDate, scope, canonical);
  const key = signingKey(credentials.secretAccessKey, auth.scope);
  const expected = hmac(key, toSign).toString('hex');
  if (!constantTimeEqual(expected, auth.signature)) {
    return { type: 'mismatch', canonicalRequest: canonical, stringToSign: toSign };
  }
  return { type: 'verified', credentials, chunkSigning: { signingKey: key, amzDate: auth.amzDate, scope, seedSignature: auth.signature } };
}

/** Temporary keys are only valid with their session token; the instance key has none. */
function sessionTokenMatches(credentials: SigningCredentials, sent: string | undefined): boolean {
  if (credentials.sessionToken === undefined) {
    return true;
  }
  return sent !== undefined && constantTimeEqual(credentials.sessionToken, sent);
}

/** AWS's message for a header-signed request outside the 15-minute window; `undefined` when within it. */
function skewMessage(amzDate: string, now: Date): string | undefined {
  const signedAt = parseAmzDate(amzDate);
  const format = (ms: number) => toAmzDate(new Date(ms));
  if (signedAt < now.getTime() - MAX_SKEW_MS) {
    return `Signature expired: ${amzDate} is now earlier than ${format(now.getTime() - MAX_SKEW_MS)} (${format(now.getTime())} - 15 min.)`;
  }
  if (signedAt > now.getTime() + MAX_SKEW_MS) {
    return `Signature not yet current: ${amzDate} is still later than ${format(now.getTime() + MAX_SKEW_MS)} (${format(now.getTime())} + 15 min.)`;
  }
  return undefined;
}

function parseAmzDate(amzDate: string): number {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(amzDate);
  return m === null ? NaN : Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]);
}

export function canonicalRequest(request: SignableRequest, auth: Pick<SigV4Auth, 'scope' | 'presigned' | 'signedHeaders'>): string {
  const s3 = auth.scope.service === 's3';
  return [
    request.method,
    // S3 signs the path as sent; every other service normalises it and encodes it once more.
    s3 ? request.path || '/' : doubleEncodedPath(request.path),
    canonicalQuery(request.query, auth.presigned),
    ...auth.signedHeaders.map((name) => `${name}:${canonicalHeaderValue(request.headers[name])}`),
    '',
    auth.signedHeaders.join(';'),
    payloadHash(request, s3, auth.presigned),
  ].join('\n');
}

export function stringToSign(amzDate: string, scope: string, canonical: string): string {
  return [ALGORITHM, amzDate, scope, sha256Hex(canonical)].join('\n');
}

export function credentialScope(scope: SigV4Scope): string {
  return `${scope.date}/${scope.region}/${scope.service}/aws4_request`;
}

export function signingKey(secretAccessKey: string, scope: Pick<SigV4Scope, 'date' | 'region' | 'service'>): Buffer {
  const date = hmac(`AWS4${secretAccessKey}`, scope.date);
  return hmac(hmac(hmac(date, scope.region), scope.service), 'aws4_request');
}

export function hmac(key: string | Buffer, data: string): Buffer {
  return crypto.createHmac('sha256', key).update(data, 'utf8').digest();
}

export function sha256Hex(data: string | Buffer): string {
  return crypto.createHash('sha256').update(data).digest('hex');
}

/**
 * The payload hash in the canonical request. S3 signs what `x-amz-content-sha256` declares (a hex hash the S3 API
 * checks against the body as it streams, UNSIGNED-PAYLOAD, or a STREAMING-* mode whose chunk signatures the
 * aws-chunked decoder checks), and presigned S3 URLs sign UNSIGNED-PAYLOAD; the router refuses a header-signed S3
 * request without the header. The other services are hashed from the body itself, so no header can stand in for a
 * body the signature does not cover.
 */
function payloadHash(request: SignableRequest, s3: boolean, presigned: boolean): string {
  if (s3) {
    const declared = presigned ? request.query.get('X-Amz-Content-Sha256') : canonicalHeaderValue(request.headers['x-amz-content-sha256']);
    return declared || 'UNSIGNED-PAYLOAD';
  }
  return sha256Hex(request.body ?? Buffer.alloc(0));
}

/** Values trimmed, inner runs of spaces folded to one; repeated headers joined with commas. */
function canonicalHeaderValue(value: string | string[] | undefined): string {
  const values = value === undefined ? [] : Array.isArray(value) ? value : [value];
  return values.map((v) => v.trim().replace(/\s+/g, ' ')).join(',');
}

/** Sorted by encoded name, then value; every name and value encoded per RFC 3986. */
function canonicalQuery(query: URLSearchParams, presigned: boolean): string {
  const pairs: [string, string][] = [];
  for (const [name, value] of query) {
    if (!(presigned && name === 'X-Amz-Signature')) {
      pairs.push([uriEncode(name), uriEncode(value)]);
    }
  }
  pairs.sort(([a, av], [b, bv]) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0));
  return pairs.map(([name, value]) => `${name}=${value}`).join('&');
}

function doubleEncodedPath(rawPath: string): string {
  const segments: string[] = [];
  for (const segment of rawPath.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') segments.pop();
    else segments.push(segment);
  }
  const trailing = segments.length > 0 && rawPath.endsWith('/') ? '/' : '';
  return `/${segments.map(uriEncode).join('/')}${trailing}`;
}

/** RFC 3986 encoding: everything but unreserved characters, as SigV4 requires. */
function uriEncode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
