import type { IncomingHttpHeaders } from 'http';

/** The payload hashes (`x-amz-content-sha256`) that announce an aws-chunked body. */
const STREAMING_PAYLOADS = new Set([
  'STREAMING-AWS4-HMAC-SHA256-PAYLOAD',
  'STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER',
  'STREAMING-UNSIGNED-PAYLOAD-TRAILER',
  'STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD',
  'STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD-TRAILER',
]);

export class ChunkedBodyError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ChunkedBodyError';
  }
}

export interface DecodedBody {
  body: Buffer;
  /** Trailing headers sent after the last chunk (lower-case names), e.g. `x-amz-checksum-crc32`. */
  trailers: Map<string, string>;
}

export function isAwsChunked(headers: IncomingHttpHeaders): boolean {
  const sha = headers['x-amz-content-sha256'];
  if (typeof sha === 'string' && STREAMING_PAYLOADS.has(sha)) {
    return true;
  }
  const encoding = headers['content-encoding'];
  return typeof encoding === 'string' && encoding.split(',').some((part) => part.trim() === 'aws-chunked');
}

/**
 * Removes the aws-chunked framing that SigV4 streaming uploads and the SDK's default flexible checksums put around
 * a body: `<hex size>[;chunk-signature=<sig>]\r\n<bytes>\r\n` repeated, a zero-size chunk, then optional trailing
 * headers and an empty line. Chunk signatures are not verified, like the request signature.
 */
export function decodeAwsChunked(raw: Buffer, headers: IncomingHttpHeaders): DecodedBody {
  const chunks: Buffer[] = [];
  let total = 0;
  let offset = 0;
  for (;;) {
    const lineEnd = raw.indexOf('\r\n', offset);
    if (lineEnd < 0) {
      throw new ChunkedBodyError('IncompleteBody', 'The aws-chunked body ended inside a chunk header.');
    }
    const header = raw.toString('latin1', offset, lineEnd);
    const sizeText = header.split(';', 1)[0].trim();
    if (!/^[0-9a-fA-F]+$/.test(sizeText)) {
      throw new ChunkedBodyError('InvalidChunkSizeError', `The aws-chunked body has an invalid chunk header '${header.slice(0, 80)}'.`);
    }
    const size = parseInt(sizeText, 16);
    offset = lineEnd + 2;
    if (size === 0) {
      break;
    }
    if (offset + size + 2 > raw.length || raw[offset + size] !== 0x0d || raw[offset + size + 1] !== 0x0a) {
      throw new ChunkedBodyError('IncompleteBody', 'The aws-chunked body ended before its announced chunk size.');
    }
    chunks.push(raw.subarray(offset, offset + size));
    total += size;
    offset += size + 2;
  }
  const trailers = new Map<string, string>();
  while (offset < raw.length) {
    const lineEnd = raw.indexOf('\r\n', offset);
    const line = raw.toString('latin1', offset, lineEnd < 0 ? raw.length : lineEnd);
    offset = lineEnd < 0 ? raw.length : lineEnd + 2;
    if (line === '') {
      break;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) {
      throw new ChunkedBodyError('MalformedTrailerError', `The aws-chunked body has a malformed trailer '${line.slice(0, 80)}'.`);
    }
    trailers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  const declared = headers['x-amz-decoded-content-length'];
  if (typeof declared === 'string' && Number(declared) !== total) {
    throw new ChunkedBodyError('IncompleteBody', `The body has ${total} bytes but x-amz-decoded-content-length announced ${declared}.`);
  }
  return { body: Buffer.concat(chunks, total), trailers };
}
