/**
 * An error a query-protocol service answers with, as AWS sends it: AWS's error code (`ValidationError`,
 * `AlreadyExistsException`, ...), its message and the HTTP status. The local cloud's own error type for what
 * goes over the wire; the CLI's error family stays in the parts that talk to the CLI (commands, instances).
 */
export class WireError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status = 400,
  ) {
    super(message);
    this.name = 'WireError';
  }
}

export function isWireError(error: unknown): error is WireError {
  return error instanceof WireError;
}
