/**
 * A request body that cannot be received: too large, stalled, cut short, badly framed or with a chunk whose
 * signature does not verify. Carries the code S3 uses for it; the router answers it in the shape of the service the
 * client called.
 */
export class BodyError extends Error {
  /** The HTTP status S3 answers with: 403 for a forged chunk, 400 for the rest. */
  readonly status: number;

  constructor(
    readonly code: 'EntityTooLarge' | 'RequestTimeout' | 'IncompleteBody' | 'InvalidChunkSizeError' | 'MalformedTrailerError' | 'SignatureDoesNotMatch',
    message: string,
    /** Extra elements of S3's error document, e.g. `MaxSizeAllowed`. */
    readonly details: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'BodyError';
    this.status = code === 'SignatureDoesNotMatch' ? 403 : 400;
  }
}

/** S3's words for a signature, of the request or of a chunk, that does not verify. */
export const SIGNATURE_MISMATCH_MESSAGE = 'The request signature we calculated does not match the signature you provided. Check your key and signing method.';
