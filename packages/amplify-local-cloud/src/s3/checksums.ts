import * as crypto from 'crypto';
import * as zlib from 'zlib';
import { S3Error } from './s3-errors';
import type { ChecksumValue } from './s3-store';

/** The flexible-checksum algorithms S3 accepts, by the suffix of their `x-amz-checksum-*` header. */
const ALGORITHMS = ['crc32', 'crc32c', 'crc64nvme', 'sha1', 'sha256'] as const;

/**
 * The digests of an upload, computed as its bytes stream by: the MD5 (the ETag, and `Content-MD5`), the SHA-256 when
 * the request declared a hex payload hash, and each flexible checksum the request announced, in a header or as an
 * aws-chunked trailer (`x-amz-trailer`, `x-amz-sdk-checksum-algorithm`).
 */
export class UploadDigests {
  private readonly md5 = crypto.createHash('md5');
  private readonly payloadSha256: crypto.Hash | undefined;
  private readonly flexible = new Map<string, IncrementalChecksum>();

  constructor(headers: Record<string, string | string[] | undefined>) {
    this.payloadSha256 = /^[0-9a-f]{64}$/.test(single(headers['x-amz-content-sha256']) ?? '') ? crypto.createHash('sha256') : undefined;
    const announced = [single(headers['x-amz-trailer']) ?? '', `x-amz-checksum-${(single(headers['x-amz-sdk-checksum-algorithm']) ?? '').toLowerCase()}`];
    for (const algorithm of ALGORITHMS) {
      const header = `x-amz-checksum-${algorithm}`;
      if (headers[header] !== undefined || announced.some((names) => names.toLowerCase().split(',').some((name) => name.trim() === header))) {
        const checksum = incrementalChecksum(algorithm);
        if (checksum !== undefined) this.flexible.set(algorithm, checksum);
      }
    }
  }

  /** The digests of a body already in memory, for the checksums its headers name. */
  static of(headers: Record<string, string | string[] | undefined>, body: Buffer): UploadDigests {
    const digests = new UploadDigests(headers);
    digests.update(body);
    return digests;
  }

  update(chunk: Buffer): void {
    this.md5.update(chunk);
    this.payloadSha256?.update(chunk);
    for (const checksum of this.flexible.values()) checksum.update(chunk);
  }

  /** Call once, after the last `update`. */
  finish(): FinishedDigests {
    return {
      md5: this.md5.digest(),
      payloadSha256: this.payloadSha256?.digest('hex'),
      checksums: new Map([...this.flexible].map(([algorithm, checksum]) => [algorithm, checksum.digest()])),
    };
  }
}

export interface FinishedDigests {
  md5: Buffer;
  payloadSha256?: string;
  /** Base64 of each flexible checksum computed, by algorithm. */
  checksums: ReadonlyMap<string, string>;
}

/**
 * Verifies the integrity headers of an upload (`Content-MD5` and one `x-amz-checksum-*`, from the headers or the
 * aws-chunked trailer) against the received bytes, as S3 does, and returns the flexible checksum to store.
 * CRC64NVME is stored and returned but not verified: Node has no implementation of it built in.
 */
export function verifyUploadChecksums(headers: Record<string, string | string[] | undefined>, digests: FinishedDigests): ChecksumValue | undefined {
  const contentMd5 = single(headers['content-md5']);
  if (contentMd5 !== undefined) {
    const expected = Buffer.from(contentMd5, 'base64');
    if (expected.length !== 16) {
      throw new S3Error('InvalidDigest', { 'Content-MD5': contentMd5 });
    }
    if (!expected.equals(digests.md5)) {
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
    if (algorithm !== 'crc64nvme' && !digests.checksums.has(algorithm)) {
      throw new S3Error('InvalidRequest', {}, `The trailer x-amz-checksum-${algorithm} was not declared in x-amz-trailer.`);
    }
    const actual = digests.checksums.get(algorithm);
    if (actual !== undefined && actual !== value) {
      throw new S3Error('BadDigest', {}, `The ${algorithm.toUpperCase()} you specified did not match the calculated checksum.`);
    }
    found = { algorithm, value };
  }
  return found;
}

/** A hex `x-amz-content-sha256` must match the body received; streaming and `UNSIGNED-PAYLOAD` values carry none. */
export function verifyPayloadHash(headers: Record<string, string | string[] | undefined>, digests: FinishedDigests): void {
  const declared = single(headers['x-amz-content-sha256']);
  if (declared !== undefined && digests.payloadSha256 !== undefined && digests.payloadSha256 !== declared) {
    throw new S3Error('XAmzContentSHA256Mismatch', { ClientComputedContentSHA256: declared });
  }
}

export function hasIntegrityHeader(headers: Record<string, string | string[] | undefined>): boolean {
  return headers['content-md5'] !== undefined || ALGORITHMS.some((algorithm) => headers[`x-amz-checksum-${algorithm}`] !== undefined);
}

interface IncrementalChecksum {
  update(chunk: Buffer): void;
  /** Base64 of the big-endian checksum, as S3 writes it. */
  digest(): string;
}

/** `undefined` for an algorithm this server cannot compute. */
function incrementalChecksum(algorithm: string): IncrementalChecksum | undefined {
  switch (algorithm) {
    case 'crc32': {
      let crc = 0;
      return { update: (chunk) => (crc = zlib.crc32(chunk, crc)), digest: () => uint32(crc) };
    }
    case 'crc32c': {
      let crc = 0xffffffff;
      return { update: (chunk) => (crc = crc32cUpdate(crc, chunk)), digest: () => uint32((crc ^ 0xffffffff) >>> 0) };
    }
    case 'sha1':
    case 'sha256': {
      const hash = crypto.createHash(algorithm);
      return { update: (chunk) => hash.update(chunk), digest: () => hash.digest('base64') };
    }
    default:
      return undefined;
  }
}

let crc32cTable: Uint32Array | undefined;

/** CRC-32C (Castagnoli, reflected polynomial 0x82F63B78), table-driven; `crc` is the running, un-inverted value. */
function crc32cUpdate(crc: number, data: Buffer): number {
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
  const table = crc32cTable;
  let value = crc;
  for (let i = 0; i < data.length; i += 1) {
    value = table[(value ^ data[i]) & 0xff] ^ (value >>> 8);
  }
  return value >>> 0;
}

function uint32(value: number): string {
  const buffer = Buffer.alloc(4);
  buffer.writeUInt32BE(value >>> 0);
  return buffer.toString('base64');
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
