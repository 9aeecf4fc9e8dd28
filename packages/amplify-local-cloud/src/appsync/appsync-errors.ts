/** One entry of a GraphQL response's `errors`, in AppSync's shape. */
export interface AppSyncGraphQlError {
  path?: readonly (string | number)[];
  data: unknown;
  errorType: string | null;
  errorInfo: unknown;
  locations?: readonly { line: number; column: number; sourceName: string | null }[];
  message: string;
}

/**
 * An error a resolver raised (`$util.error`, `$util.unauthorized`, a data source failure, a template that does not
 * render): the field resolves to null and the error is reported with its type, data and info.
 */
export class ResolverError extends Error {
  constructor(
    message: string,
    readonly errorType: string | null = null,
    readonly data: unknown = null,
    readonly errorInfo: unknown = null,
  ) {
    super(message);
    this.name = 'ResolverError';
  }
}

/** `$util.unauthorized()` and refusals by `@aws_*` directives: AppSync's message names the field and its type. */
export function unauthorizedField(fieldName: string, typeName: string): ResolverError {
  return new ResolverError(`Not Authorized to access ${fieldName} on type ${typeName}`, 'Unauthorized');
}

/** A request refused before execution (no or bad credentials), answered with a status and one error. */
export class RequestRefusal extends Error {
  constructor(
    readonly status: number,
    readonly errorType: string,
    message: string,
  ) {
    super(message);
    this.name = 'RequestRefusal';
  }
}

export const NOT_AUTHORIZED_MESSAGE = 'You are not authorized to make this call.';
