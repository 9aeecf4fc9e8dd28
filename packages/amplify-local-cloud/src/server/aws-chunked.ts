import type { IncomingHttpHeaders } from 'http';
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

export class ChunkedBodyError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status = 400,
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
 * headers and an empty line. In the signed streaming modes each chunk's signature is checked against the chain
 * that starts at the request signature (`signing`), so no chunk can be altered, dropped or reordered. The trailer
 * signature of the `-TRAILER` mode is not checked: trailers only carry checksums, which S3 verifies on the body.
 */
export function decodeAwsChunked(raw: Buffer, headers: IncomingHttpHeaders, signing: ChunkSigning): DecodedBody {
  const signed = SIGNED_CHUNKS.has(String(headers['x-amz-content-sha256']));
  let previousSignature = signing.seedSignature;
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
    if (size !== 0 && (offset + size + 2 > raw.length || raw[offset + size] !== 0x0d || raw[offset + size + 1] !== 0x0a)) {
      throw new ChunkedBodyError('IncompleteBody', 'The aws-chunked body ended before its announced chunk size.');
    }
    const data = raw.subarray(offset, offset + size);
    if (signed) {
      previousSignature = checkChunkSignature(header, data, previousSignature, signing);
    }
    if (size === 0) {
      break;
    }
    chunks.push(data);
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

/** The chunk's signature when it continues the chain from `previous`; throws `SignatureDoesNotMatch` otherwise. */
function checkChunkSignature(header: string, data: Buffer, previous: string, signing: ChunkSigning): string {
  const sent = /;chunk-signature=([0-9a-f]{64})$/.exec(header)?.[1];
  const toSign = ['AWS4-HMAC-SHA256-PAYLOAD', signing.amzDate, signing.scope, previous, EMPTY_SHA256, sha256Hex(data)].join('\n');
  const expected = hmac(signing.signingKey, toSign).toString('hex');
  if (sent === undefined || !constantTimeEqual(expected, sent)) {
    throw new ChunkedBodyError('SignatureDoesNotMatch', 'The request signature we calculated does not match the signature you provided. Check your key and signing method.', 403);
  }
  return sent;
}
