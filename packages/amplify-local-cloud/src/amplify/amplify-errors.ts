import { randomUUID } from 'crypto';
import type { ServiceResponse } from '../contracts';

/** The errors the Amplify APIs (Amplify, Amplify Backend, Amplify UI Builder) declare, with their HTTP status. */
const STATUS = {
  InvalidParameterException: 400,
  BadRequestException: 400,
  UnauthorizedException: 401,
  NotFoundException: 404,
  ResourceNotFoundException: 404,
  LimitExceededException: 429,
  InternalFailureException: 500,
  DependentServiceFailureException: 503,
} as const;

export type AmplifyErrorCode = keyof typeof STATUS;

/** A failure of an Amplify call in the service's own terms; rendered as AWS renders it by `amplifyErrorResponse`. */
export class AmplifyServiceError extends Error {
  constructor(
    readonly code: AmplifyErrorCode,
    message: string,
    /** Further members of the error's shape (Amplify Backend's `resourceType`). */
    readonly fields: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'AmplifyServiceError';
  }
}

export const badRequest = (message: string): AmplifyServiceError => new AmplifyServiceError('BadRequestException', message);
export const notFound = (message: string): AmplifyServiceError => new AmplifyServiceError('NotFoundException', message);

/**
 * REST-JSON errors: the code in `x-amzn-ErrorType`, `{"message"}` in the body (ResourceNotFoundException also
 * carries a `code`, which its shape requires).
 */
export function amplifyErrorResponse(error: AmplifyServiceError): ServiceResponse {
  const body: Record<string, string> = { ...(error.code === 'ResourceNotFoundException' ? { code: error.code } : {}), message: error.message, ...error.fields };
  return {
    status: STATUS[error.code],
    headers: { 'Content-Type': 'application/json', 'x-amzn-RequestId': randomUUID(), 'x-amzn-ErrorType': error.code },
    body: JSON.stringify(body),
  };
}
