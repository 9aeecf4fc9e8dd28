import type { IncomingHttpHeaders } from 'http';

/** Who signed a request and for which service (the credential scope). */
export interface SigV4Scope {
  accessKeyId: string;
  date: string;
  region: string;
  service: string;
}

/** The parts of a well-formed SigV4 authentication that the signature is checked against (see sigv4-verifier.ts). */
export interface SigV4Auth {
  scope: SigV4Scope;
  presigned: boolean;
  /** The signing time in ISO 8601 basic format, `YYYYMMDD'T'HHMMSS'Z'`. */
  amzDate: string;
  /** Lower-case header names, in the order the client listed them. */
  signedHeaders: string[];
  signature: string;
  /** `X-Amz-Security-Token`, sent with temporary credentials. */
  securityToken?: string;
}

export type SigV4Result =
  | ({ type: 'signed' } & SigV4Auth)
  | { type: 'missing' }
  | { type: 'malformed'; message: string }
  | { type: 'expired'; message: string };

const ALGORITHM = 'AWS4-HMAC-SHA256';
const SCOPE_DATE = /^\d{8}$/;
const AMZ_DATE = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;
const SIGNATURE = /^[0-9a-f]{64}$/;
const HEADER_NAME = /^[a-z0-9!#$%&'*+.^_`|~-]+$/;
/** S3 refuses presigned URLs valid for longer than seven days. */
const MAX_PRESIGN_SECONDS = 7 * 24 * 3600;

/**
 * Reads SigV4 authentication, in the Authorization header or in a presigned URL's query string, and checks its
 * shape the way AWS front ends do before they look up the key; `verifySigV4` then recomputes the signature.
 */
export function readSigV4(headers: IncomingHttpHeaders, query: URLSearchParams, now: Date = new Date()): SigV4Result {
  const authorization = headers.authorization;
  if (authorization !== undefined) {
    return readAuthorizationHeader(authorization, headers);
  }
  if (query.has('X-Amz-Algorithm') || query.has('X-Amz-Credential') || query.has('X-Amz-Signature')) {
    return readPresignedQuery(query, now);
  }
  return { type: 'missing' };
}

function readAuthorizationHeader(authorization: string, headers: IncomingHttpHeaders): SigV4Result {
  const space = authorization.indexOf(' ');
  const algorithm = space < 0 ? authorization : authorization.slice(0, space);
  if (algorithm !== ALGORITHM) {
    return { type: 'malformed', message: `Unsupported authorization algorithm '${algorithm}': only ${ALGORITHM} is accepted.` };
  }
  const fields = new Map<string, string>();
  for (const part of authorization.slice(space + 1).split(',')) {
    const trimmed = part.trim();
    const equals = trimmed.indexOf('=');
    if (equals <= 0) {
      return { type: 'malformed', message: `Authorization header requires 'Credential', 'SignedHeaders' and 'Signature' parameters; '${trimmed}' is not one.` };
    }
    fields.set(trimmed.slice(0, equals), trimmed.slice(equals + 1));
  }
  for (const name of ['Credential', 'SignedHeaders', 'Signature']) {
    if (!fields.get(name)) {
      return { type: 'malformed', message: `Authorization header requires '${name}' parameter.` };
    }
  }
  const signedHeaders = checkSignedHeaders(fields.get('SignedHeaders') as string);
  if (signedHeaders !== undefined) {
    return signedHeaders;
  }
  const signature = checkSignature(fields.get('Signature') as string);
  if (signature !== undefined) {
    return signature;
  }
  const amzDate = headerValue(headers, 'x-amz-date');
  const date = headerValue(headers, 'date');
  if (amzDate === undefined && date === undefined) {
    return { type: 'malformed', message: "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header." };
  }
  if (amzDate !== undefined && !AMZ_DATE.test(amzDate)) {
    return { type: 'malformed', message: `X-Amz-Date '${amzDate}' must be in the ISO 8601 basic format YYYYMMDD'T'HHMMSS'Z'.` };
  }
  // Without X-Amz-Date the signer put the Date header's time into the string to sign.
  const signedAt = amzDate ?? toAmzDate(new Date(date as string));
  if (signedAt === undefined) {
    return { type: 'malformed', message: `Date '${date}' is not an HTTP date.` };
  }
  return readCredential(fields.get('Credential') as string, {
    presigned: false,
    amzDate: signedAt,
    signedHeaders: (fields.get('SignedHeaders') as string).split(';'),
    signature: fields.get('Signature') as string,
    securityToken: headerValue(headers, 'x-amz-security-token'),
  });
}

function readPresignedQuery(query: URLSearchParams, now: Date): SigV4Result {
  for (const name of ['X-Amz-Algorithm', 'X-Amz-Credential', 'X-Amz-Date', 'X-Amz-SignedHeaders', 'X-Amz-Signature']) {
    if (!query.get(name)) {
      return { type: 'malformed', message: `Query-string authentication requires the ${name} parameter.` };
    }
  }
  if (query.get('X-Amz-Algorithm') !== ALGORITHM) {
    return { type: 'malformed', message: `X-Amz-Algorithm only supports "${ALGORITHM}".` };
  }
  const signedHeaders = checkSignedHeaders(query.get('X-Amz-SignedHeaders') as string);
  if (signedHeaders !== undefined) {
    return signedHeaders;
  }
  const signature = checkSignature(query.get('X-Amz-Signature') as string);
  if (signature !== undefined) {
    return signature;
  }
  const date = AMZ_DATE.exec(query.get('X-Amz-Date') as string);
  if (date === null) {
    return { type: 'malformed', message: "X-Amz-Date must be in the ISO 8601 basic format YYYYMMDD'T'HHMMSS'Z'." };
  }
  const expiresText = query.get('X-Amz-Expires') ?? String(MAX_PRESIGN_SECONDS);
  const expires = /^\d+$/.test(expiresText) ? Number(expiresText) : NaN;
  if (!(expires >= 1 && expires <= MAX_PRESIGN_SECONDS)) {
    return { type: 'malformed', message: `X-Amz-Expires must be between 1 and ${MAX_PRESIGN_SECONDS} seconds; got '${expiresText}'.` };
  }
  const signedAt = Date.UTC(+date[1], +date[2] - 1, +date[3], +date[4], +date[5], +date[6]);
  if (now.getTime() > signedAt + expires * 1000) {
    return { type: 'expired', message: 'Request has expired' };
  }
  return readCredential(query.get('X-Amz-Credential') as string, {
    presigned: true,
    amzDate: query.get('X-Amz-Date') as string,
    signedHeaders: (query.get('X-Amz-SignedHeaders') as string).split(';'),
    signature: query.get('X-Amz-Signature') as string,
    securityToken: query.get('X-Amz-Security-Token') ?? undefined,
  });
}

function readCredential(credential: string, auth: Omit<SigV4Auth, 'scope'>): SigV4Result {
  const parts = credential.split('/');
  if (parts.length !== 5 || parts.some((part) => part === '')) {
    return { type: 'malformed', message: `Credential '${credential}' must be <access key>/<YYYYMMDD>/<region>/<service>/aws4_request.` };
  }
  const [accessKeyId, date, region, service, terminator] = parts;
  if (!SCOPE_DATE.test(date)) {
    return { type: 'malformed', message: `Credential date '${date}' must be in YYYYMMDD format.` };
  }
  if (terminator !== 'aws4_request') {
    return { type: 'malformed', message: `Credential should be scoped with a valid terminator: 'aws4_request', not '${terminator}'.` };
  }
  if (!auth.amzDate.startsWith(date)) {
    return { type: 'malformed', message: `Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '${date}' != '${auth.amzDate.slice(0, 8)}'.` };
  }
  return { type: 'signed', scope: { accessKeyId, date, region, service }, ...auth };
}

/** `YYYYMMDD'T'HHMMSS'Z'`, or `undefined` for an invalid date. */
export function toAmzDate(date: Date): string | undefined {
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

function checkSignedHeaders(signedHeaders: string): SigV4Result | undefined {
  const names = signedHeaders.split(';');
  if (names.some((name) => !HEADER_NAME.test(name))) {
    return { type: 'malformed', message: `SignedHeaders '${signedHeaders}' must be lower-case header names separated by ';'.` };
  }
  if (!names.includes('host')) {
    return { type: 'malformed', message: "'Host' must be a signed header." };
  }
  return undefined;
}

function checkSignature(signature: string): SigV4Result | undefined {
  return SIGNATURE.test(signature)
    ? undefined
    : { type: 'malformed', message: 'Signature must be 64 lower-case hexadecimal characters.' };
}

function headerValue(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}
