import type { IncomingHttpHeaders } from 'http';
import { pipeline, Transform, type Readable, type TransformCallback } from 'stream';
import { AwsChunkedDecoder, isAwsChunked } from './aws-chunked';
import { BodyError } from './body-error';
import type { RawRequestBody } from './request-router';
import type { ChunkSigning } from './sigv4-verifier';

export interface IncomingBodyOptions {
  /** A body that sends nothing for this long is abandoned with `RequestTimeout`. */
  idleTimeoutMs: number;
  /** Called when the body is first asked for: where a client waits for `100 Continue`, it is sent then, never before. */
  onFirstRead(): void;
}

const NO_TRAILERS: ReadonlyMap<string, string> = new Map();

/** S3's words for a body that stopped arriving. */
const REQUEST_TIMEOUT_MESSAGE = 'Your socket connection to the server was not read from or written to within the timeout period. Idle connections will be closed.';

/**
 * The body of an HTTP request, read only when a service asks for it and only up to the size that service accepts:
 * aws-chunked framing removed as it streams, a declared size over the limit refused before a byte is read, a body
 * that stalls abandoned after `idleTimeoutMs`, the chunk signatures of a signed streaming upload checked against
 * the verified request signature. Errors are `BodyError`s.
 */
export class IncomingBody implements RawRequestBody {
  readonly declaredLength: number | undefined;
  private decoder: AwsChunkedDecoder | undefined;
  private chunkSigning: ChunkSigning | undefined;
  private taken = false;
  private whole: Promise<Buffer> | undefined;

  constructor(
    private readonly source: Readable & { complete?: boolean },
    private readonly headers: IncomingHttpHeaders,
    private readonly options: IncomingBodyOptions,
  ) {
    const declared = isAwsChunked(headers) ? headers['x-amz-decoded-content-length'] : headers['content-length'];
    this.declaredLength = typeof declared === 'string' && /^\d+$/.test(declared) ? Number(declared) : undefined;
  }

  get trailers(): ReadonlyMap<string, string> {
    return this.decoder?.trailers ?? NO_TRAILERS;
  }

  verifyChunksWith(signing: ChunkSigning): void {
    this.chunkSigning = signing;
  }

  stream(maxBytes: number): Readable {
    if (this.taken) {
      throw new Error('The request body can be read only once');
    }
    this.taken = true;
    if (this.declaredLength !== undefined && this.declaredLength > maxBytes) {
      throw tooLarge(this.declaredLength, maxBytes);
    }
    this.options.onFirstRead();
    const limit = new ByteLimit(maxBytes);
    let first: Transform = limit;
    if (isAwsChunked(this.headers)) {
      this.decoder = new AwsChunkedDecoder(this.headers, this.chunkSigning);
      first = this.decoder;
      // Errors of either stage reach the reader through `limit`, the stage it holds.
      pipeline(this.decoder, limit, () => undefined);
    }
    this.feed(first, limit);
    return limit;
  }

  /** Reading whole twice answers the same bytes (authentication may need them before the service does). */
  read(maxBytes: number): Promise<Buffer> {
    this.whole ??= this.collect(maxBytes);
    return this.whole;
  }

  private async collect(maxBytes: number): Promise<Buffer> {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of this.stream(maxBytes)) {
      chunks.push(chunk as Buffer);
      size += (chunk as Buffer).length;
    }
    return Buffer.concat(chunks, size);
  }

  /**
   * Pipes the socket's bytes into `first` with an idle timer. The source is never destroyed here: an answer
   * (`RequestTimeout`, `EntityTooLarge`, ...) must still go out on its connection.
   */
  private feed(first: Transform, last: Transform): void {
    const { source } = this;
    let timer: NodeJS.Timeout | undefined;
    const fail = (error: BodyError) => {
      source.unpipe(first);
      first.destroy(error);
    };
    const arm = () => {
      clearTimeout(timer);
      timer = setTimeout(() => fail(new BodyError('RequestTimeout', REQUEST_TIMEOUT_MESSAGE)), this.options.idleTimeoutMs);
    };
    const onClose = () => {
      if (source.complete === false) fail(new BodyError('IncompleteBody', 'The connection closed before the whole request body arrived.'));
    };
    // Only the client can stall the body: while the reader holds the source paused (a slow disk), or once the last
    // byte is in, the timer does not run.
    const disarm = () => clearTimeout(timer);
    source.on('data', arm);
    source.on('resume', arm);
    source.on('pause', disarm);
    source.once('end', disarm);
    source.once('close', onClose);
    last.once('close', () => {
      disarm();
      source.off('data', arm);
      source.off('resume', arm);
      source.off('pause', disarm);
      source.off('end', disarm);
      source.off('close', onClose);
    });
    arm();
    source.pipe(first);
  }
}

/** Counts the bytes passing through and fails once more than `maxBytes` went by (a body without a declared size). */
class ByteLimit extends Transform {
  private seen = 0;

  constructor(private readonly maxBytes: number) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.seen += chunk.length;
    callback(this.seen > this.maxBytes ? tooLarge(this.seen, this.maxBytes) : null, chunk);
  }
}

function tooLarge(proposed: number, maxBytes: number): BodyError {
  return new BodyError('EntityTooLarge', 'Your proposed upload exceeds the maximum allowed size', {
    ProposedSize: String(proposed),
    MaxSizeAllowed: String(maxBytes),
  });
}
