import type { ServiceResponse } from '../contracts';

/** An error of a JSON 1.1 service (Cognito user pools and identity pools) in AWS's terms: its code, message and status. */
export class CognitoError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status = 400,
  ) {
    super(message);
    this.name = 'CognitoError';
  }
}

/** The JSON 1.1 error shape the SDKs read: `__type` and `message`, the code also in `x-amzn-ErrorType`. */
export function jsonError(code: string, message: string, status = 400): ServiceResponse {
  return {
    status,
    headers: { 'Content-Type': 'application/x-amz-json-1.1', 'x-amzn-ErrorType': `${code}:`, 'x-amzn-ErrorMessage': message.replace(/[^\x20-\x7e]/g, '?') },
    body: JSON.stringify({ __type: code, message }),
  };
}

export function jsonResult(value: unknown): ServiceResponse {
  return { status: 200, headers: { 'Content-Type': 'application/x-amz-json-1.1' }, body: JSON.stringify(value ?? {}) };
}

export const invalidParameter = (message: string): CognitoError => new CognitoError('InvalidParameterException', message);
export const notAuthorized = (message: string): CognitoError => new CognitoError('NotAuthorizedException', message);
