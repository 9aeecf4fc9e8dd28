/**
 * A request body that cannot be received: too large, stalled, cut short or badly framed. Carries the code S3 uses
 * for it; the router answers it in the shape of the service the client called.
 */
export class BodyError extends Error {
  constructor(
    readonly code: 'EntityTooLarge' | 'RequestTimeout' | 'IncompleteBody' | 'InvalidChunkSizeError' | 'MalformedTrailerError',
    message: string,
    /** Extra elements of S3's error document, e.g. `MaxSizeAllowed`. */
    readonly details: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'BodyError';
  }
}
