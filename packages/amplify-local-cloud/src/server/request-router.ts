import type { IncomingHttpHeaders } from 'http';
import type { BrowserAccess, RequestBody, ServiceHandler, ServiceResponse, SignedRequest, StreamingServiceHandler } from '../contracts';
import { queryError } from '../query/query-protocol';
import { FORWARDED_S3_PATH_PREFIX, readForwardedS3Request } from '../s3/forwarded-s3-request';
import { toXml } from '../xml/xml-writer';
import { isAwsChunked } from './aws-chunked';
import { BodyError, SIGNATURE_MISMATCH_MESSAGE } from './body-error';
import type { CredentialStore } from './credential-store';
import { browserContext, isLoopbackHost } from './request-origin';
import { readSigV4 } from './sigv4';
import { verifySigV4, type ChunkSigning } from './sigv4-verifier';

/** A request as the HTTP server received it, before authentication: its body is not read yet. */
export interface RawRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: RawRequestBody;
}

/** The body of a request not authenticated yet: whoever verifies the signature arms the chunk-signature check. */
export interface RawRequestBody extends RequestBody {
  /**
   * Called once the request signature is verified, before the body is streamed: the chunks of a signed streaming
   * upload (`STREAMING-AWS4-HMAC-SHA256-PAYLOAD`) are checked against the chain that starts at that signature.
   */
  verifyChunksWith(signing: ChunkSigning): void;
}

/**
 * The largest body a query-protocol call may have. CloudFormation's largest parameter is a 51,200-byte TemplateBody
 * (a larger template goes by TemplateURL); STS and IAM documents are smaller still; form encoding at most triples
 * them. Such bodies are read whole, so the cap also bounds what one request can make the server hold.
 */
const MAX_QUERY_BODY_BYTES = 1024 * 1024;

export interface RouterOptions {
  /** Handlers by SigV4 credential-scope service name (`sts`, `cloudformation`), given the body read whole. */
  services: ReadonlyMap<string, ServiceHandler>;
  /** Handlers that read the body themselves, streamed where it may be large (`s3`). */
  streamingServices?: ReadonlyMap<string, StreamingServiceHandler>;
  /** The data-plane services web pages may call, by the same names; every other service is refused to browsers. */
  browserAccess: ReadonlyMap<string, BrowserAccess>;
  /** The keys whose signatures are accepted. */
  credentials: CredentialStore;
  /**
   * Requests under a path prefix (or matching a pattern) answered without the router's authentication (bucket
   * websites, the health probe, JWKS, REST APIs and AppSync APIs, which authenticate their callers themselves).
   */
  publicPaths: readonly { prefix: string | RegExp; handle: (request: RawRequest) => ServiceResponse | Promise<ServiceResponse> }[];
  /**
   * Services apps call unsigned, by X-Amz-Target prefix (`AWSCognitoIdentityProviderService` to `cognito-idp`): an
   * unsigned request with such a target goes to that service with an empty access key id, and the service decides
   * which operations need no signature. Signed requests to them are verified and routed as any other.
   */
  unsignedTargets?: ReadonlyMap<string, string>;
}

/**
 * The gate in front of every service. In order: the Host must be a loopback name (no DNS rebinding); a request
 * forwarded under `/_s3/<AWS S3 host>/` (an app's S3 call, see forwarded-s3-request.ts) goes on as sent to that
 * host, to S3 only; CORS preflights go to the data-plane service they address; an unsigned call whose X-Amz-Target names a service apps
 * call unsigned (Cognito) goes to it, which authenticates its caller itself; otherwise the SigV4 signature is
 * verified against the credential store, before any body reaches a service or the disk; a request from a web page
 * reaches only a data-plane service that allows its origin; then the service its credential scope names answers,
 * with its body unread to a streaming service (S3), else with the body read whole (at most `MAX_QUERY_BODY_BYTES`).
 *
 * S3 signs the payload hash its `x-amz-content-sha256` header declares, so its body is not read before the
 * signature is checked: the S3 API checks the streamed bytes against a hex hash, and the aws-chunked decoder checks
 * each chunk's signature as it streams. The other services sign the SHA-256 of the body itself, which is read
 * (capped) for the check. Refusals, a body that cannot be received included, use the error shape of the service
 * the client was talking to: S3's `<Error>` for S3, JSON for the JSON protocols (DynamoDB, Lambda), the query
 * protocol's `<ErrorResponse>` for the others.
 */
export async function routeRequest(request: RawRequest, options: RouterOptions, now: Date = new Date()): Promise<ServiceResponse> {
  const host = request.headers.host;
  if (!isLoopbackHost(host)) {
    const message = `The local cloud answers loopback host names only (127.0.0.1, localhost, [::1]), not Host '${host ?? ''}'.`;
    return guessIsS3(request) ? s3Error(403, 'AccessDenied', message) : (speaksJson(request) ? jsonError : queryError)(403, 'AccessDenied', message);
  }
  const open = options.publicPaths.find((entry) => (typeof entry.prefix === 'string' ? request.path.startsWith(entry.prefix) : entry.prefix.test(request.path)));
  if (open !== undefined) {
    return open.handle(request);
  }
  const forwarded = readForwardedS3Request(request.path);
  switch (forwarded.type) {
    case 'invalid':
      return s3Error(400, 'InvalidURI', forwarded.message);
    case 'forwarded': {
      // The AWS host and the path below it are what the client signed: they stand in for the request's own in the
      // signature check, CORS and the bucket lookup. Only S3 is reached this way.
      const s3Access = options.browserAccess.get('s3');
      const s3Only: RouterOptions = { ...options, browserAccess: new Map(s3Access === undefined ? [] : [['s3', s3Access]]), unsignedTargets: undefined };
      return routeToService({ ...request, path: forwarded.path, headers: { ...request.headers, host: forwarded.host } }, s3Only, now, 's3');
    }
    case 'direct':
      return routeToService(request, options, now);
  }
}

/** The rest of the gate, for a request on a loopback host and no public path; `only` limits it to one service. */
async function routeToService(request: RawRequest, options: RouterOptions, now: Date, only?: string): Promise<ServiceResponse> {
  // A refusal in the protocol of the client, for every service but S3 (whose refusals are its own).
  const refuse = speaksJson(request) ? jsonError : queryError;
  const browser = browserContext(request.headers);
  if (browser.type === 'browser' && request.method === 'OPTIONS' && request.headers['access-control-request-method'] !== undefined) {
    return preflight(request, options.browserAccess);
  }
  const auth = readSigV4(request.headers, request.query, now);
  const unsignedService = auth.type === 'missing' ? unsignedTarget(request.headers, options.unsignedTargets) : undefined;
  if (unsignedService !== undefined) {
    return serveUnsigned(request, unsignedService, browser.type === 'browser' ? browser.origin : undefined, browser.type === 'browser', options);
  }
  if (auth.type !== 'signed') {
    const s3 = guessIsS3(request);
    switch (auth.type) {
      case 'missing':
        return s3 ? s3Error(403, 'AccessDenied', 'Access Denied') : refuse(403, 'MissingAuthenticationToken', 'Missing Authentication Token');
      case 'expired':
        return s3 ? s3Error(403, 'AccessDenied', auth.message) : refuse(403, 'ExpiredToken', auth.message);
      case 'malformed': {
        const presigned = !request.headers.authorization;
        if (s3) {
          return s3Error(400, presigned ? 'AuthorizationQueryParametersError' : 'AuthorizationHeaderMalformed', auth.message);
        }
        return refuse(403, 'IncompleteSignature', auth.message);
      }
    }
  }
  const { scope } = auth;
  const s3 = scope.service === 's3';
  if (only !== undefined && scope.service !== only) {
    return s3Error(403, 'AccessDenied', `Requests forwarded under ${FORWARDED_S3_PATH_PREFIX} must be signed for S3, not '${scope.service}'.`);
  }
  const browserAccess = browser.type === 'browser' ? options.browserAccess.get(scope.service) : undefined;
  if (browser.type === 'browser' && browserAccess === undefined) {
    // Before the signature is even looked at: a page must not learn anything about the control plane.
    const message = `The local cloud refuses ${scope.service} calls from web pages (Origin '${browser.origin ?? ''}'): only the developer's tools may drive its control plane.`;
    return s3 ? s3Error(403, 'AccessDenied', message) : refuse(403, 'AccessDenied', message);
  }
  let body: Buffer | undefined;
  if (s3) {
    if (!auth.presigned && request.headers['x-amz-content-sha256'] === undefined) {
      // S3 signs the declared payload hash; without one there is nothing to check the body against.
      return s3Error(400, 'InvalidRequest', 'Missing required header for this request: x-amz-content-sha256');
    }
  } else {
    if (isAwsChunked(request.headers)) {
      return refuse(400, 'InvalidRequest', 'aws-chunked request bodies are an S3 upload encoding; other services take the body as it is signed.');
    }
    try {
      // Small and capped: the signature covers its SHA-256.
      body = await request.body.read(MAX_QUERY_BODY_BYTES);
    } catch (error) {
      if (error instanceof BodyError) return bodyRefusal(scope.service, error);
      throw error;
    }
  }
  const verified = verifySigV4({ ...request, body }, auth, options.credentials, now);
  switch (verified.type) {
    case 'unknown-key':
      return s3
        ? s3Error(403, 'InvalidAccessKeyId', 'The AWS Access Key Id you provided does not exist in our records.', { AWSAccessKeyId: scope.accessKeyId })
        : refuse(403, 'InvalidClientTokenId', 'The security token included in the request is invalid.');
    case 'skewed':
      return s3
        ? s3Error(403, 'RequestTimeTooSkewed', 'The difference between the request time and the current time is too large.', {
            RequestTime: auth.amzDate,
            ServerTime: now.toISOString(),
            MaxAllowedSkewMilliseconds: '900000',
          })
        : refuse(403, 'SignatureDoesNotMatch', verified.message);
    case 'mismatch':
      return s3
        ? s3Error(403, 'SignatureDoesNotMatch', SIGNATURE_MISMATCH_MESSAGE, {
            AWSAccessKeyId: scope.accessKeyId,
            StringToSign: verified.stringToSign,
            SignatureProvided: auth.signature,
            CanonicalRequest: verified.canonicalRequest,
          })
        : refuse(
            403,
            'SignatureDoesNotMatch',
            'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.',
          );
    case 'verified':
      break;
  }
  request.body.verifyChunksWith(verified.chunkSigning);
  const streamingServices = options.streamingServices ?? new Map<string, StreamingServiceHandler>();
  const streaming = streamingServices.get(scope.service);
  const handler = options.services.get(scope.service);
  if (streaming === undefined && handler === undefined) {
    return unknownService(scope.service, [...options.services.keys(), ...streamingServices.keys()], request.headers);
  }
  const call: SignedRequest = {
    service: scope.service,
    region: scope.region,
    accessKeyId: scope.accessKeyId,
    method: request.method,
    path: request.path,
    query: request.query,
    headers: request.headers,
  };
  let corsHeaders: Record<string, string> = {};
  if (browserAccess !== undefined) {
    const decision = browserAccess.cors(call, browser.type === 'browser' ? browser.origin : undefined);
    if (decision.type === 'refuse') {
      return decision.response;
    }
    corsHeaders = decision.headers;
  }
  const response = await serve(call, request.body, body, streaming, handler);
  return Object.keys(corsHeaders).length === 0 ? response : { ...response, headers: { ...response.headers, ...corsHeaders } };
}

/** The service an unsigned request's X-Amz-Target addresses, if it is one apps call unsigned. */
function unsignedTarget(headers: IncomingHttpHeaders, targets: ReadonlyMap<string, string> | undefined): string | undefined {
  const target = headers['x-amz-target'];
  const value = Array.isArray(target) ? target[0] : target;
  const dot = value?.indexOf('.') ?? -1;
  if (value === undefined || dot < 0 || targets === undefined) return undefined;
  return targets.get(value.slice(0, dot));
}

/** An unsigned call of a service apps call unsigned: CORS as its browser access decides, then the service. */
async function serveUnsigned(request: RawRequest, service: string, origin: string | undefined, fromBrowser: boolean, options: RouterOptions): Promise<ServiceResponse> {
  const handler = options.services.get(service);
  if (handler === undefined) {
    return unknownService(service, [...options.services.keys()], request.headers);
  }
  const call: SignedRequest = { service, region: '', accessKeyId: '', method: request.method, path: request.path, query: request.query, headers: request.headers };
  let corsHeaders: Record<string, string> = {};
  if (fromBrowser) {
    const access = options.browserAccess.get(service);
    const decision = access?.cors(call, origin) ?? { type: 'refuse' as const, response: queryError(403, 'AccessDenied', `The local cloud refuses ${service} calls from web pages.`) };
    if (decision.type === 'refuse') return decision.response;
    corsHeaders = decision.headers;
  }
  let body: Buffer;
  try {
    body = await request.body.read(MAX_QUERY_BODY_BYTES);
  } catch (error) {
    if (error instanceof BodyError) return bodyRefusal(service, error);
    throw error;
  }
  const response = await handler({ ...call, body });
  return { ...response, headers: { ...response.headers, ...corsHeaders } };
}

/** The service's answer: a streaming service reads the body itself; another gets the body read for verification. */
async function serve(
  call: SignedRequest,
  requestBody: RequestBody,
  body: Buffer | undefined,
  streaming: StreamingServiceHandler | undefined,
  handler: ServiceHandler | undefined,
): Promise<ServiceResponse> {
  try {
    if (streaming !== undefined) {
      return await streaming({ ...call, body: requestBody });
    }
    return await (handler as ServiceHandler)({ ...call, body: body ?? (await requestBody.read(MAX_QUERY_BODY_BYTES)) });
  } catch (error) {
    if (error instanceof BodyError) {
      return bodyRefusal(call.service, error);
    }
    throw error;
  }
}

/** A body that could not be received, in the shape of the service: S3's own codes, or a query-protocol error. */
function bodyRefusal(service: string, error: BodyError): ServiceResponse {
  if (service === 's3') {
    return s3Error(error.status, error.code, error.message, error.details);
  }
  if (error.code === 'EntityTooLarge') {
    return queryError(413, 'RequestEntityTooLarge', `The request body exceeds the limit of ${MAX_QUERY_BODY_BYTES} bytes.`);
  }
  return queryError(error.status, error.code, error.message);
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
 * `Action`, in the query string or a form body, JSON-protocol calls their marks; everything else is taken for S3.
 */
function guessIsS3(request: RawRequest): boolean {
  const authorization = request.headers.authorization;
  const credential = authorization === undefined ? request.query.get('X-Amz-Credential') : /Credential=([^,\s]*)/.exec(authorization)?.[1];
  const service = credential?.split('/')[3];
  if (service) {
    return service === 's3';
  }
  const form = String(request.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded');
  return !(request.query.has('Action') || form || speaksJson(request));
}

/** JSON-protocol clients (`X-Amz-Target` calls such as DynamoDB's, Lambda's REST-JSON API under `/2015-03-31/`). */
function speaksJson(request: RawRequest): boolean {
  const contentType = String(request.headers['content-type'] ?? '');
  return contentType.includes('x-amz-json') || request.headers['x-amz-target'] !== undefined || request.path.startsWith('/2015-03-31/');
}

/** The JSON protocols' names for the query protocol's authentication failures. */
const JSON_ERROR_CODES: Record<string, string> = {
  InvalidClientTokenId: 'UnrecognizedClientException',
  SignatureDoesNotMatch: 'InvalidSignatureException',
  MissingAuthenticationToken: 'MissingAuthenticationTokenException',
  IncompleteSignature: 'IncompleteSignatureException',
  ExpiredToken: 'ExpiredTokenException',
  AccessDenied: 'AccessDeniedException',
};

/** A refusal as JSON-protocol clients read it: `__type` in the body and `x-amzn-ErrorType`. */
function jsonError(status: number, code: string, message: string): ServiceResponse {
  const type = JSON_ERROR_CODES[code] ?? code;
  return { status, headers: { 'Content-Type': 'application/x-amz-json-1.0', 'x-amzn-ErrorType': type }, body: JSON.stringify({ __type: type, message }) };
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
