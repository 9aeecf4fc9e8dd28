import type { IncomingHttpHeaders } from 'http';
import * as crypto from 'crypto';
import { Transform, type TransformCallback } from 'stream';
import { BodyError, SIGNATURE_MISMATCH_MESSAGE } from './body-error';
import { constantTimeEqual } from './credential-store';
import { hmac, sha256Hex, type ChunkSigning } from './sigv4-verifier';

/** The payload hashes (`x-amz-content-sha256`) that announce an aws-chunked body. */
const STREAMING_PAYLOADS = new Set([
  'STREAMING-AWS4-HMAC-SHA256-PAYLOAD',
  'STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER',
  'STREAMING-UNSIGNED-PAYLOAD-TRAILER',
  'STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD',
  'STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD-TRAILER',
]);

/** The streaming modes whose every chunk carries a signature chained from the request's signature. */
const SIGNED_CHUNKS = new Set(['STREAMING-AWS4-HMAC-SHA256-PAYLOAD', 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER']);
const EMPTY_SHA256 = sha256Hex('');
/**
 * The longest chunk header or trailer line accepted: a size, a 64-hex chunk signature or a checksum trailer fit in a
 * few hundred bytes; a peer sending endless bytes without a line break is refused instead of buffered.
 */
const MAX_LINE_BYTES = 4096;
/** Trailers carry a checksum or two; more than this many is a peer trying to make the server hold them. */
const MAX_TRAILERS = 16;

export function isAwsChunked(headers: IncomingHttpHeaders): boolean {
  const sha = headers['x-amz-content-sha256'];
  if (typeof sha === 'string' && STREAMING_PAYLOADS.has(sha)) {
    return true;
  }
  const encoding = headers['content-encoding'];
  return typeof encoding === 'string' && encoding.split(',').some((part) => part.trim() === 'aws-chunked');
}

type State = { type: 'header' } | { type: 'data'; left: number; signature?: ChunkSignature } | { type: 'data-end'; seen: number } | { type: 'trailers' } | { type: 'done' };

/** A signed chunk being received: the signature its header carries and the hash of its data so far. */
interface ChunkSignature {
  sent: string | undefined;
  hash: crypto.Hash;
}

/**
 * Removes, as the bytes arrive, the aws-chunked framing that SigV4 streaming uploads and the SDK's default flexible
 * checksums put around a body: `<hex size>[;chunk-signature=<sig>]\r\n<bytes>\r\n` repeated, a zero-size chunk, then
 * optional trailing headers and an empty line. Chunk data passes through without copying; only header and trailer
 * lines are held, and those are short.
 *
 * In the signed streaming modes each chunk's signature is checked against the chain that starts at the request
 * signature (`signing`), so no chunk can be altered, dropped or reordered: a chunk's data is hashed as it passes and
 * its signature checked once its last byte is in, and the stream only ends after the final zero-size chunk's
 * signature is checked. A reader therefore sees a forged chunk's bytes before it sees the failure, and must discard
 * what it received (the S3 API drops the blob). Without `signing`, a signed body is refused. The trailer signature of
 * the `-TRAILER` mode is not checked: trailers only carry checksums, which S3 verifies on the body. Fails with
 * `BodyError` (`IncompleteBody`, `InvalidChunkSizeError`, `MalformedTrailerError`, `SignatureDoesNotMatch`).
 */
export class AwsChunkedDecoder extends Transform {
  /** Trailing headers (lower-case names), e.g. `x-amz-checksum-crc32`: complete once the stream has ended. */
  readonly trailers = new Map<string, string>();
  private state: State = { type: 'header' };
  private line: Buffer = Buffer.alloc(0);
  private decoded = 0;
  private readonly declared: number | undefined;
  private readonly signed: boolean;
  /** The signature the next chunk's signature chains from: the request's, then each chunk's in turn. */
  private previousSignature: string | undefined;

  constructor(
    headers: IncomingHttpHeaders,
    private readonly signing: ChunkSigning | undefined,
  ) {
    super();
    this.signed = SIGNED_CHUNKS.has(String(headers['x-amz-content-sha256']));
    this.previousSignature = signing?.seedSignature;
    const declared = headers['x-amz-decoded-content-length'];
    this.declared = typeof declared === 'string' ? Number(declared) : undefined;
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    try {
      this.consume(chunk);
      callback();
    } catch (error) {
      callback(error as Error);
    }
  }

  override _flush(callback: TransformCallback): void {
    // The final empty line after the trailers is optional in practice: a body may end right after them.
    if (this.state.type === 'trailers' && this.line.length > 0) {
      this.trailer(this.line.toString('latin1'));
      this.state = { type: 'done' };
    }
    if (this.state.type !== 'done' && this.state.type !== 'trailers') {
      callback(new BodyError('IncompleteBody', 'The aws-chunked body ended inside a chunk.'));
      return;
    }
    if (this.declared !== undefined && this.declared !== this.decoded) {
      callback(new BodyError('IncompleteBody', `The body has ${this.decoded} bytes but x-amz-decoded-content-length announced ${this.declared}.`));
      return;
    }
    callback();
  }

  private consume(chunk: Buffer): void {
    let offset = 0;
    while (offset < chunk.length) {
      const state = this.state;
      switch (state.type) {
        case 'data': {
          const take = Math.min(state.left, chunk.length - offset);
          const data = chunk.subarray(offset, offset + take);
          state.signature?.hash.update(data);
          this.push(data);
          this.decoded += take;
          offset += take;
          if (state.left === take) {
            if (state.signature !== undefined) this.checkSignature(state.signature);
            this.state = { type: 'data-end', seen: 0 };
          } else {
            this.state = { ...state, left: state.left - take };
          }
          break;
        }
        case 'data-end': {
          // The CR LF that closes a chunk's data, possibly split across network reads.
          const expected = state.seen === 0 ? 0x0d : 0x0a;
          if (chunk[offset] !== expected) {
            throw new BodyError('IncompleteBody', 'The aws-chunked body ended before its announced chunk size.');
          }
          offset += 1;
          this.state = state.seen === 0 ? { type: 'data-end', seen: 1 } : { type: 'header' };
          break;
        }
        case 'header':
        case 'trailers': {
          const line = this.takeLine(chunk, offset);
          offset = line.next;
          if (line.text !== undefined) {
            if (state.type === 'header') this.chunkHeader(line.text);
            else if (line.text === '') this.state = { type: 'done' };
            else this.trailer(line.text);
          }
          break;
        }
        case 'done':
          // Bytes after the final empty line are not part of the body.
          return;
      }
    }
  }

  /** Collects a line up to CR LF across reads: its text once complete, and where the rest of `chunk` starts. */
  private takeLine(chunk: Buffer, offset: number): { text?: string; next: number } {
    const end = chunk.indexOf(0x0a, offset);
    const piece = chunk.subarray(offset, end < 0 ? chunk.length : end + 1);
    this.line = this.line.length === 0 ? piece : Buffer.concat([this.line, piece]);
    if (this.line.length > MAX_LINE_BYTES) {
      throw new BodyError('IncompleteBody', `The aws-chunked body has a chunk header or trailer longer than ${MAX_LINE_BYTES} bytes.`);
    }
    if (end < 0) {
      // Keep a copy: the network buffer behind `piece` may be reused.
      this.line = Buffer.from(this.line);
      return { next: chunk.length };
    }
    const text = this.line.toString('latin1').replace(/\r?\n$/, '');
    this.line = Buffer.alloc(0);
    return { text, next: end + 1 };
  }

  private chunkHeader(header: string): void {
    const sizeText = header.split(';', 1)[0].trim();
    if (!/^[0-9a-fA-F]{1,15}$/.test(sizeText)) {
      throw new BodyError('InvalidChunkSizeError', `The aws-chunked body has an invalid chunk header '${header.slice(0, 80)}'.`);
    }
    const size = parseInt(sizeText, 16);
    const signature = this.signed ? { sent: /;chunk-signature=([0-9a-f]{64})$/.exec(header)?.[1], hash: crypto.createHash('sha256') } : undefined;
    if (size === 0) {
      if (signature !== undefined) this.checkSignature(signature);
      this.state = { type: 'trailers' };
    } else {
      this.state = { type: 'data', left: size, signature };
    }
  }

  /** Checks a complete chunk's signature against the chain; it becomes the one the next chunk chains from. */
  private checkSignature(signature: ChunkSignature): void {
    const { signing, previousSignature } = this;
    if (signing === undefined || previousSignature === undefined || signature.sent === undefined) {
      throw new BodyError('SignatureDoesNotMatch', SIGNATURE_MISMATCH_MESSAGE);
    }
    const toSign = ['AWS4-HMAC-SHA256-PAYLOAD', signing.amzDate, signing.scope, previousSignature, EMPTY_SHA256, signature.hash.digest('hex')].join('\n');
    if (!constantTimeEqual(hmac(signing.signingKey, toSign).toString('hex'), signature.sent)) {
      throw new BodyError('SignatureDoesNotMatch', SIGNATURE_MISMATCH_MESSAGE);
    }
    this.previousSignature = signature.sent;
  }

  private trailer(line: string): void {
    const colon = line.indexOf(':');
    if (colon <= 0) {
      throw new BodyError('MalformedTrailerError', `The aws-chunked body has a malformed trailer '${line.slice(0, 80)}'.`);
    }
    if (this.trailers.size >= MAX_TRAILERS) {
      throw new BodyError('MalformedTrailerError', `The aws-chunked body has more than ${MAX_TRAILERS} trailers.`);
    }
    this.trailers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
}
