import type { BrowserAccess, CorsDecision, PreflightRequest, ServiceHandler, ServiceRequest, ServiceResponse } from '../contracts';
import { CognitoError, jsonError, jsonResult } from './cognito-error';

/** One operation of a JSON 1.1 service: its input object in, its output object out. */
export type JsonOperation = (input: Record<string, unknown>, request: ServiceRequest) => Promise<Record<string, unknown>> | Record<string, unknown>;

export interface JsonServiceDefinition {
  /** `AWSCognitoIdentityProviderService`: the X-Amz-Target prefix before the `.`. */
  targetPrefix: string;
  /** Operations anyone may call unsigned, from a web page too (sign-up, sign-in, identity pool credentials). */
  publicOperations: Record<string, JsonOperation>;
  /** Operations that need a SigV4 signature by a key allowed to administer the service. */
  adminOperations: Record<string, JsonOperation>;
  /** Why a signed caller may not call admin operations, or `undefined` when it may. */
  refuseAdmin(accessKeyId: string, operation: string): string | undefined;
}

/**
 * A JSON 1.1 service addressed by `X-Amz-Target: <prefix>.<Operation>`, as Cognito's two APIs are: public operations
 * answer unsigned calls (the router hands those over with an empty access key id), admin operations only signed
 * ones. Errors are `CognitoError`s, rendered in the JSON 1.1 error shape.
 */
export function jsonServiceHandler(definition: JsonServiceDefinition): ServiceHandler {
  return async (request) => {
    if (request.method !== 'POST') return jsonError('UnknownOperationException', `${definition.targetPrefix} takes POST requests only.`, 404);
    const operationName = operationOf(request.headers['x-amz-target'], definition.targetPrefix);
    if (operationName === undefined) return jsonError('UnknownOperationException', `Missing or foreign X-Amz-Target: ${String(request.headers['x-amz-target'] ?? '')}`);
    const publicOperation = own(definition.publicOperations, operationName);
    const adminOperation = own(definition.adminOperations, operationName);
    const operation = publicOperation ?? adminOperation;
    if (operation === undefined) {
      return jsonError('UnknownOperationException', `The local cloud does not emulate ${definition.targetPrefix}.${operationName}.`);
    }
    if (publicOperation === undefined) {
      if (request.accessKeyId === '') return jsonError('MissingAuthenticationTokenException', 'Missing Authentication Token');
      const refusal = definition.refuseAdmin(request.accessKeyId, operationName);
      if (refusal !== undefined) return jsonError('AccessDeniedException', refusal);
    }
    let input: unknown;
    try {
      input = request.body.length === 0 ? {} : JSON.parse(request.body.toString('utf8'));
    } catch {
      return jsonError('SerializationException', 'The request body is not valid JSON.');
    }
    if (typeof input !== 'object' || input === null || Array.isArray(input)) return jsonError('SerializationException', 'The request body must be a JSON object.');
    try {
      return jsonResult(await operation(input as Record<string, unknown>, request));
    } catch (error) {
      if (error instanceof CognitoError) return jsonError(error.code, error.message, error.status);
      throw error;
    }
  };
}

/**
 * What web pages may call: the public operations of these services (an app's sign-up, sign-in and credentials),
 * from any origin as Cognito allows; their admin operations stay with the developer's tools.
 */
export function jsonBrowserAccess(definitions: readonly JsonServiceDefinition[]): BrowserAccess {
  return {
    preflight(request: PreflightRequest): ServiceResponse | undefined {
      const requestedHeaders = String(request.headers['access-control-request-headers'] ?? '').toLowerCase();
      if (request.path !== '/' || request.headers['access-control-request-method'] !== 'POST' || !requestedHeaders.split(',').some((name) => name.trim() === 'x-amz-target')) {
        return undefined;
      }
      return {
        status: 200,
        headers: {
          'Access-Control-Allow-Origin': String(request.headers.origin ?? '*'),
          'Access-Control-Allow-Methods': 'POST',
          'Access-Control-Allow-Headers': requestedHeaders,
          'Access-Control-Max-Age': '3000',
          Vary: 'Origin',
        },
      };
    },
    cors(request, origin): CorsDecision {
      const isPublic = definitions.some((definition) => {
        const operation = operationOf(request.headers['x-amz-target'], definition.targetPrefix);
        return operation !== undefined && own(definition.publicOperations, operation) !== undefined;
      });
      if (!isPublic) {
        return { type: 'refuse', response: jsonError('AccessDeniedException', `${String(request.headers['x-amz-target'] ?? 'This operation')} cannot be called from a web page: only the developer's tools may administer the local cloud.`) };
      }
      return {
        type: 'allow',
        headers: { 'Access-Control-Allow-Origin': origin ?? '*', 'Access-Control-Expose-Headers': 'x-amzn-RequestId, x-amzn-ErrorType, x-amzn-ErrorMessage, Date', Vary: 'Origin' },
      };
    },
  };
}

function operationOf(target: string | string[] | undefined, prefix: string): string | undefined {
  const value = Array.isArray(target) ? target[0] : target;
  return value?.startsWith(`${prefix}.`) ? value.slice(prefix.length + 1) : undefined;
}

function own<T>(record: Record<string, T>, key: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}
