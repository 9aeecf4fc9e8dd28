import * as crypto from 'crypto';
import * as zlib from 'zlib';
import { S3Error } from './s3-errors';
import type { ChecksumValue } from './s3-store';

/** The flexible-checksum algorithms S3 accepts, by the suffix of their `x-amz-checksum-*` header. */
const ALGORITHMS = ['crc32', 'crc32c', 'crc64nvme', 'sha1', 'sha256'] as const;

/**
 * Verifies the integrity headers of an upload (`Content-MD5` and one `x-amz-checksum-*`, from the headers or the
 * aws-chunked trailer) against the received bytes, as S3 does, and returns the flexible checksum to store.
 * CRC64NVME is stored and returned but not verified: Node has no implementation of it built in.
 */
export function verifyUploadChecksums(headers: Record<string, string | string[] | undefined>, body: Buffer): ChecksumValue | undefined {
  const contentMd5 = single(headers['content-md5']);
  if (contentMd5 !== undefined) {
    const expected = Buffer.from(contentMd5, 'base64');
    if (expected.length !== 16) {
      throw new S3Error('InvalidDigest', { 'Content-MD5': contentMd5 });
    }
    if (!expected.equals(crypto.createHash('md5').update(body).digest())) {
      throw new S3Error('BadDigest', { ExpectedDigest: contentMd5 });
    }
  }
  let found: ChecksumValue | undefined;
  for (const algorithm of ALGORITHMS) {
    const value = single(headers[`x-amz-checksum-${algorithm}`]);
    if (value === undefined) {
      continue;
    }
    if (found !== undefined) {
      throw new S3Error('InvalidRequest', {}, 'Expecting a single x-amz-checksum- header. Multiple checksum Types are not allowed.');
    }
    const actual = computeChecksum(algorithm, body);
    if (actual !== undefined && actual !== value) {
      throw new S3Error('BadDigest', {}, `The ${algorithm.toUpperCase()} you specified did not match the calculated checksum.`);
    }
    found = { algorithm, value };
  }
  return found;
}

/**
 * S3 requires `x-amz-content-sha256` (the signed payload hash) on header-signed requests and checks a hex one
 * against the body it received, even though this server does not check the signature itself; streaming and
 * `UNSIGNED-PAYLOAD` values carry no hash to check.
 */
export function verifyPayloadHash(headers: Record<string, string | string[] | undefined>, body: Buffer): void {
  const declared = single(headers['x-amz-content-sha256']);
  // Header-signed S3 requests must declare their payload hash; presigned URLs carry none.
  if (declared === undefined && headers.authorization !== undefined) {
    throw new S3Error('InvalidRequest', {}, 'Missing required header for this request: x-amz-content-sha256');
  }
  if (declared !== undefined && /^[0-9a-f]{64}$/.test(declared) && crypto.createHash('sha256').update(body).digest('hex') !== declared) {
    throw new S3Error('XAmzContentSHA256Mismatch', { ClientComputedContentSHA256: declared });
  }
}

export function hasIntegrityHeader(headers: Record<string, string | string[] | undefined>): boolean {
  return headers['content-md5'] !== undefined || ALGORITHMS.some((algorithm) => headers[`x-amz-checksum-${algorithm}`] !== undefined);
}

/** Base64 of the big-endian checksum, as S3 writes it; `undefined` for an algorithm this server cannot compute. */
function computeChecksum(algorithm: string, body: Buffer): string | undefined {
  switch (algorithm) {
    case 'crc32':
      return uint32(zlib.crc32(body));
    case 'crc32c':
      return uint32(crc32c(body));
    case 'sha1':
    case 'sha256':
      return crypto.createHash(algorithm).update(body).digest('base64');
    default:
      return undefined;
  }
}

let crc32cTable: Uint32Array | undefined;

/** CRC-32C (Castagnoli, reflected polynomial 0x82F63B78), table-driven. */
function crc32c(data: Buffer): number {
  if (crc32cTable === undefined) {
    crc32cTable = new Uint32Array(256);
    for (let n = 0; n < 256; n += 1) {
      let c = n;
      for (let k = 0; k < 8; k += 1) {
        c = c & 1 ? 0x82f63b78 ^ (c >>> 1) : c >>> 1;
      }
      crc32cTable[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (let i = 0; i < data.length; i += 1) {
    crc = crc32cTable[(crc ^ data[i]) & 0xff] ^ (crc >>> 8);
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function uint32(value: number): string {
  const buffer = Buffer.alloc(4);
  buffer.writeUInt32BE(value >>> 0);
  return buffer.toString('base64');
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
