import type { IncomingHttpHeaders } from 'http';
import type { RequestBody, ServiceHandler, ServiceResponse, StreamingServiceHandler } from '../contracts';
import { queryError } from '../query/query-protocol';
import { toXml } from '../xml/xml-writer';
import { BodyError } from './body-error';
import { readSigV4 } from './sigv4';

/** A request as the HTTP server received it, before authentication: its body is not read yet. */
export interface RawRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: RequestBody;
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
  /** Requests under a path prefix answered without authentication (bucket websites, the health probe). */
  publicPaths: readonly { prefix: string; handle: (request: RawRequest) => ServiceResponse }[];
}

/**
 * Authenticates a request by the shape of its SigV4 signature and hands it to the service its credential scope
 * names: with its body unread to a streaming service, else with the body read whole (aws-chunked framing removed,
 * at most `MAX_QUERY_BODY_BYTES`). Refusals, a body that cannot be received included, use the error shape of the
 * service the client was talking to: S3's `<Error>` for S3, the query protocol's `<ErrorResponse>` for the others.
 */
export async function routeRequest(request: RawRequest, options: RouterOptions): Promise<ServiceResponse> {
  const open = options.publicPaths.find((entry) => request.path.startsWith(entry.prefix));
  if (open !== undefined) {
    return open.handle(request);
  }
  const auth = readSigV4(request.headers, request.query);
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
  const streamingServices = options.streamingServices ?? new Map<string, StreamingServiceHandler>();
  const streaming = streamingServices.get(scope.service);
  const handler = options.services.get(scope.service);
  if (streaming === undefined && handler === undefined) {
    return unknownService(scope.service, [...options.services.keys(), ...streamingServices.keys()], request.headers);
  }
  const call = { service: scope.service, region: scope.region, accessKeyId: scope.accessKeyId, method: request.method, path: request.path, query: request.query };
  try {
    if (streaming !== undefined) {
      return await streaming({ ...call, headers: request.headers, body: request.body });
    }
    const body = await request.body.read(MAX_QUERY_BODY_BYTES);
    // Trailing checksums are read by the services exactly like the same headers sent up front.
    const { trailers } = request.body;
    const headers = trailers.size === 0 ? request.headers : { ...request.headers, ...Object.fromEntries(trailers) };
    return await (handler as ServiceHandler)({ ...call, headers, body });
  } catch (error) {
    if (error instanceof BodyError) {
      return bodyRefusal(scope.service, error);
    }
    throw error;
  }
}

/** A body that could not be received, in the shape of the service: S3's own codes, or a query-protocol error. */
function bodyRefusal(service: string, error: BodyError): ServiceResponse {
  if (service === 's3') {
    return { status: 400, headers: { 'Content-Type': 'application/xml' }, body: toXml('Error', { Code: error.code, Message: error.message, ...error.details }) };
  }
  if (error.code === 'EntityTooLarge') {
    return queryError(413, 'RequestEntityTooLarge', `The request body exceeds the limit of ${MAX_QUERY_BODY_BYTES} bytes.`);
  }
  return queryError(400, error.code, error.message);
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

function s3Error(status: number, code: string, message: string): ServiceResponse {
  return { status, headers: { 'Content-Type': 'application/xml' }, body: toXml('Error', { Code: code, Message: message }) };
}
