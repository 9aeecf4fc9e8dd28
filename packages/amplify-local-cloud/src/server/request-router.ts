import type { IncomingHttpHeaders } from 'http';
import type { BrowserAccess, ServiceHandler, ServiceRequest, ServiceResponse } from '../contracts';
import { queryError } from '../query/query-protocol';
import { toXml } from '../xml/xml-writer';
import { ChunkedBodyError, decodeAwsChunked, isAwsChunked } from './aws-chunked';
import type { CredentialStore } from './credential-store';
import { browserContext, isLoopbackHost } from './request-origin';
import { readSigV4 } from './sigv4';
import { verifySigV4 } from './sigv4-verifier';

/** A request as the HTTP server read it, before authentication. */
export interface RawRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

export interface RouterOptions {
  /** Handlers by SigV4 credential-scope service name (`s3`, `sts`, `cloudformation`). */
  services: ReadonlyMap<string, ServiceHandler>;
  /** The data-plane services web pages may call, by the same names; every other service is refused to browsers. */
  browserAccess: ReadonlyMap<string, BrowserAccess>;
  /** The keys whose signatures are accepted. */
  credentials: CredentialStore;
  /** Requests under a path prefix answered without authentication (bucket websites, the health probe). */
  publicPaths: readonly { prefix: string; handle: (request: RawRequest) => ServiceResponse }[];
}

/**
 * The gate in front of every service. In order: the Host must be a loopback name (no DNS rebinding); CORS
 * preflights go to the data-plane service they address; the SigV4 signature is verified against the credential
 * store; a request from a web page reaches only a data-plane service that allows its origin; aws-chunked framing
 * is removed (checking chunk signatures); then the service its credential scope names answers. Refusals use the
 * error shape of the service the client was talking to: S3's `<Error>` for S3, the query protocol's
 * `<ErrorResponse>` for the others.
 */
export async function routeRequest(request: RawRequest, options: RouterOptions, now: Date = new Date()): Promise<ServiceResponse> {
  const host = request.headers.host;
  if (!isLoopbackHost(host)) {
    const message = `The local cloud answers loopback host names only (127.0.0.1, localhost, [::1]), not Host '${host ?? ''}'.`;
    return guessIsS3(request) ? s3Error(403, 'AccessDenied', message) : queryError(403, 'AccessDenied', message);
  }
  const open = options.publicPaths.find((entry) => request.path.startsWith(entry.prefix));
  if (open !== undefined) {
    return open.handle(request);
  }
  const browser = browserContext(request.headers);
  if (browser.type === 'browser' && request.method === 'OPTIONS' && request.headers['access-control-request-method'] !== undefined) {
    return preflight(request, options.browserAccess);
  }
  const auth = readSigV4(request.headers, request.query, now);
  if (auth.type !== 'signed') {
    const s3 = guessIsS3(request);
    switch (auth.type) {
      case 'missing':
        return s3 ? s3Error(403, 'AccessDenied', 'Access Denied') : queryError(403, 'MissingAuthenticationToken', 'Missing Authentication Token');
      case 'expired':
        return s3 ? s3Error(403, 'AccessDenied', auth.message) : queryError(403, 'ExpiredToken', auth.message);
      case 'malformed': {
        const presigned = !request.headers.authorization;
        if (s3) {
          return s3Error(400, presigned ? 'AuthorizationQueryParametersError' : 'AuthorizationHeaderMalformed', auth.message);
        }
        return queryError(403, 'IncompleteSignature', auth.message);
      }
    }
  }
  const { scope } = auth;
  const s3 = scope.service === 's3';
  const browserAccess = browser.type === 'browser' ? options.browserAccess.get(scope.service) : undefined;
  if (browser.type === 'browser' && browserAccess === undefined) {
    // Before the signature is even looked at: a page must not learn anything about the control plane.
    const message = `The local cloud refuses ${scope.service} calls from web pages (Origin '${browser.origin ?? ''}'): only the developer's tools may drive its control plane.`;
    return s3 ? s3Error(403, 'AccessDenied', message) : queryError(403, 'AccessDenied', message);
  }
  const verified = verifySigV4(request, auth, options.credentials, now);
  switch (verified.type) {
    case 'unknown-key':
      return s3
        ? s3Error(403, 'InvalidAccessKeyId', 'The AWS Access Key Id you provided does not exist in our records.', { AWSAccessKeyId: scope.accessKeyId })
        : queryError(403, 'InvalidClientTokenId', 'The security token included in the request is invalid.');
    case 'skewed':
      return s3
        ? s3Error(403, 'RequestTimeTooSkewed', 'The difference between the request time and the current time is too large.', {
            RequestTime: auth.amzDate,
            ServerTime: now.toISOString(),
            MaxAllowedSkewMilliseconds: '900000',
          })
        : queryError(403, 'SignatureDoesNotMatch', verified.message);
    case 'mismatch':
      return s3
        ? s3Error(403, 'SignatureDoesNotMatch', 'The request signature we calculated does not match the signature you provided. Check your key and signing method.', {
            AWSAccessKeyId: scope.accessKeyId,
            StringToSign: verified.stringToSign,
            SignatureProvided: auth.signature,
            CanonicalRequest: verified.canonicalRequest,
          })
        : queryError(
            403,
            'SignatureDoesNotMatch',
            'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.',
          );
    case 'verified':
      break;
  }
  const handler = options.services.get(scope.service);
  if (handler === undefined) {
    return unknownService(scope.service, [...options.services.keys()], request.headers);
  }
  let { body, headers } = request;
  if (isAwsChunked(headers)) {
    try {
      const decoded = decodeAwsChunked(body, headers, verified.chunkSigning);
      body = decoded.body;
      // Trailing checksums are read by the services exactly like the same headers sent up front.
      headers = { ...headers, ...Object.fromEntries(decoded.trailers) };
    } catch (error) {
      if (error instanceof ChunkedBodyError) {
        return s3 ? s3Error(error.status, error.code, error.message) : queryError(error.status, error.code, error.message);
      }
      throw error;
    }
  }
  const serviceRequest: ServiceRequest = {
    service: scope.service,
    region: scope.region,
    accessKeyId: scope.accessKeyId,
    method: request.method,
    path: request.path,
    query: request.query,
    headers,
    body,
  };
  let corsHeaders: Record<string, string> = {};
  if (browserAccess !== undefined) {
    const decision = browserAccess.cors(serviceRequest, browser.type === 'browser' ? browser.origin : undefined);
    if (decision.type === 'refuse') {
      return decision.response;
    }
    corsHeaders = decision.headers;
  }
  const response = await handler(serviceRequest);
  return Object.keys(corsHeaders).length === 0 ? response : { ...response, headers: { ...response.headers, ...corsHeaders } };
}

/** A preflight is unsigned: the data-plane service whose address it names answers it, or nobody does. */
function preflight(request: RawRequest, browserAccess: ReadonlyMap<string, BrowserAccess>): ServiceResponse {
  for (const access of browserAccess.values()) {
    const answer = access.preflight(request);
    if (answer !== undefined) {
      return answer;
    }
  }
  return s3Error(403, 'AccessForbidden', `CORSResponse: the local cloud does not allow ${request.method} ${request.path} from web pages; only data-plane services answer CORS.`);
}

/** The failure answer for a handler that threw: a fault of this server, in the shape the client expects. */
export function internalError(request: RawRequest, error: unknown): ServiceResponse {
  const message = `The local cloud failed to handle the request: ${error instanceof Error ? error.message : String(error)}`;
  return guessIsS3(request) ? s3Error(500, 'InternalError', message) : queryError(500, 'InternalFailure', message);
}

/**
 * Which protocol a request speaks when its credential scope cannot be read: query-protocol calls carry an
 * `Action`, in the query string or a form body; everything else is taken for S3.
 */
function guessIsS3(request: RawRequest): boolean {
  const authorization = request.headers.authorization;
  const credential = authorization === undefined ? request.query.get('X-Amz-Credential') : /Credential=([^,\s]*)/.exec(authorization)?.[1];
  const service = credential?.split('/')[3];
  if (service) {
    return service === 's3';
  }
  const form = String(request.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded');
  return !(request.query.has('Action') || form);
}

function unknownService(service: string, known: string[], headers: IncomingHttpHeaders): ServiceResponse {
  const message = `The local cloud does not emulate the AWS service '${service}'; it answers ${known.sort().join(', ')}.`;
  const contentType = String(headers['content-type'] ?? '');
  if (contentType.includes('json') || contentType.includes('cbor')) {
    return { status: 400, headers: { 'Content-Type': 'application/json', 'x-amzn-ErrorType': 'UnknownService' }, body: JSON.stringify({ __type: 'UnknownService', message }) };
  }
  return queryError(400, 'UnknownService', message);
}

function s3Error(status: number, code: string, message: string, details: Record<string, string> = {}): ServiceResponse {
  return { status, headers: { 'Content-Type': 'application/xml' }, body: toXml('Error', { Code: code, Message: message, ...details }) };
}
