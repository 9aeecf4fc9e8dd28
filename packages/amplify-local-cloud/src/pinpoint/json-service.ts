import { randomUUID } from 'crypto';
import type { BrowserAccess, CorsDecision, PreflightRequest, ServiceResponse } from '../contracts';

/** An error of a REST-JSON service, as AWS answers it: the code in `x-amzn-ErrorType`, the message in the body. */
export class JsonServiceError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = 'JsonServiceError';
  }
}

export function jsonResponse(status: number, body: unknown): ServiceResponse {
  return { status, headers: { 'Content-Type': 'application/json', 'x-amzn-RequestId': randomUUID() }, body: JSON.stringify(body) };
}

/** `messageKey` is `Message` for Pinpoint, `message` for Lex, as each service spells it. */
export function jsonError(error: JsonServiceError, messageKey: 'Message' | 'message'): ServiceResponse {
  const requestId = randomUUID();
  return {
    status: error.status,
    headers: { 'Content-Type': 'application/json', 'x-amzn-RequestId': requestId, 'x-amzn-ErrorType': error.code },
    body: JSON.stringify({ [messageKey]: error.message, ...(messageKey === 'Message' ? { RequestID: requestId } : {}) }),
  };
}

/** The body as JSON, or a BadRequest naming the problem. */
export function parseBody(body: Buffer, errorCode: string): Record<string, unknown> {
  try {
    const parsed = JSON.parse(body.length === 0 ? '{}' : body.toString('utf8')) as unknown;
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
  } catch {
    // Reported below.
  }
  throw new JsonServiceError(errorCode, 'The request body is not a JSON object', 400);
}

const single = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value[0] : value);

/**
 * CORS as AWS answers it for the services apps call from browsers (Pinpoint, Lex): any origin, with the request's
 * headers; `claims` says which paths belong to the service, since a preflight is unsigned.
 */
export function openBrowserAccess(claims: (path: string) => boolean): BrowserAccess {
  const exposed = 'x-amzn-RequestId,x-amzn-ErrorType,x-amz-date,Date';
  return {
    preflight(request: PreflightRequest): ServiceResponse | undefined {
      if (!claims(request.path)) return undefined;
      return {
        status: 200,
        headers: {
          'Access-Control-Allow-Origin': single(request.headers.origin) ?? '*',
          'Access-Control-Allow-Methods': 'GET,POST,PUT,DELETE',
          'Access-Control-Allow-Headers': single(request.headers['access-control-request-headers']) ?? '*',
          'Access-Control-Max-Age': '3000',
          Vary: 'Origin',
        },
      };
    },
    cors(_request, origin): CorsDecision {
      return { type: 'allow', headers: origin === undefined ? ({} as Record<string, string>) : { 'Access-Control-Allow-Origin': origin, 'Access-Control-Expose-Headers': exposed, Vary: 'Origin' } };
    },
  };
}
