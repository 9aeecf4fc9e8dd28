import { decodeAwsChunked, isAwsChunked } from '../aws-chunked';
import { LocalCredentialStore } from '../credential-store';
import { readSigV4 } from '../sigv4';
import { verifySigV4, type ChunkSigning } from '../sigv4-verifier';

const frame = (parts: string[]) => Buffer.from(parts.join(''), 'latin1');
/** For the unsigned streaming modes, where no chunk carries a signature. */
const UNSIGNED: ChunkSigning = { signingKey: Buffer.alloc(32), amzDate: '', scope: '', seedSignature: '' };

/**
 * AWS's documented streaming upload example (S3 "Signature Calculations for the Authorization Header: Transferring
 * Payload in Multiple Chunks"): 65536 + 1024 bytes of 'a' in two chunks and the final empty chunk.
 */
const CHUNKED = {
  headers: {
    host: 's3.amazonaws.com',
    'x-amz-date': '20130524T000000Z',
    'x-amz-storage-class': 'REDUCED_REDUNDANCY',
    'content-encoding': 'aws-chunked',
    'x-amz-decoded-content-length': '66560',
    'content-length': '66824',
    'x-amz-content-sha256': 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD',
    authorization:
      'AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,SignedHeaders=content-encoding;content-length;host;x-amz-content-sha256;x-amz-date;x-amz-decoded-content-length;x-amz-storage-class,Signature=4f232c4386841ef735655705268965c44a0e4690baa4adea153f7db9fa80a0a9',
  },
  signatures: [
    'ad80c730a21e5b8d04586a2213dd63b9a0e99e0e2307b0ade35a65485a288648',
    '0055627c9e194cb4542bae2aa5492e3c1575bbb81b612b7d234b86a503ef5497',
    'b6c6ea8a5354eaf15b3cb7646744f4275b71ea724fed81ceb9323e279d449df9',
  ],
};

function chunkedBody(signatures: string[], sizes = [65536, 1024]): Buffer {
  const parts = sizes.map((size, i) => Buffer.concat([frame([`${size.toString(16)};chunk-signature=${signatures[i]}\r\n`]), Buffer.alloc(size, 'a'), frame(['\r\n'])]));
  return Buffer.concat([...parts, frame([`0;chunk-signature=${signatures[sizes.length]}\r\n\r\n`])]);
}

function exampleSigning(): ChunkSigning {
  const now = new Date(Date.UTC(2013, 4, 24, 0, 1));
  const auth = readSigV4(CHUNKED.headers, new URLSearchParams(), now);
  if (auth.type !== 'signed') throw new Error('not signed');
  const request = { method: 'PUT', path: '/examplebucket/chunkObject.txt', query: new URLSearchParams(), headers: CHUNKED.headers, body: chunkedBody(CHUNKED.signatures) };
  const store = new LocalCredentialStore({ accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' });
  const verified = verifySigV4(request, auth, store, now);
  if (verified.type !== 'verified') throw new Error(`seed signature: ${verified.type}`);
  return verified.chunkSigning;
}

describe('aws-chunked bodies', () => {
  it('recognises streaming payloads by content hash or content encoding', () => {
    expect(isAwsChunked({ 'x-amz-content-sha256': 'STREAMING-UNSIGNED-PAYLOAD-TRAILER' })).toBe(true);
    expect(isAwsChunked({ 'content-encoding': 'gzip, aws-chunked' })).toBe(true);
    expect(isAwsChunked({ 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' })).toBe(false);
  });

  it("decodes AWS's signed chunk example, checking the chain of chunk signatures from the seed signature", () => {
    const decoded = decodeAwsChunked(chunkedBody(CHUNKED.signatures), CHUNKED.headers, exampleSigning());
    expect(decoded.body.equals(Buffer.alloc(66560, 'a'))).toBe(true);
    expect(decoded.trailers.size).toBe(0);
  });

  it('refuses signed chunks that were altered, reordered or left unsigned', () => {
    const signing = exampleSigning();
    const [first, second, last] = CHUNKED.signatures;
    const refused = expect.objectContaining({ code: 'SignatureDoesNotMatch', status: 403 });
    expect(() => decodeAwsChunked(chunkedBody([first, second, last], [65536, 1023]), CHUNKED.headers, signing)).toThrow(refused);
    expect(() => decodeAwsChunked(chunkedBody([second, first, last]), CHUNKED.headers, signing)).toThrow(refused);
    expect(() => decodeAwsChunked(frame(['5\r\nhello\r\n0\r\n\r\n']), CHUNKED.headers, signing)).toThrow(refused);
  });

  it('decodes unsigned chunks with a trailing checksum, keeping binary bytes (CR LF inside data included)', () => {
    const data = Buffer.from([0, 13, 10, 255, 48, 13, 10]);
    const raw = Buffer.concat([frame([`${data.length.toString(16)}\r\n`]), data, frame(['\r\n0\r\nx-amz-checksum-crc32:AAAAAA==\r\n\r\n'])]);
    const decoded = decodeAwsChunked(raw, {}, UNSIGNED);
    expect(decoded.body.equals(data)).toBe(true);
    expect(decoded.trailers.get('x-amz-checksum-crc32')).toBe('AAAAAA==');
  });

  it('refuses truncated bodies, bad chunk sizes and a wrong decoded length', () => {
    expect(() => decodeAwsChunked(frame(['a\r\nshort\r\n']), {}, UNSIGNED)).toThrow(expect.objectContaining({ code: 'IncompleteBody' }));
    expect(() => decodeAwsChunked(frame(['zz\r\nxx\r\n0\r\n\r\n']), {}, UNSIGNED)).toThrow(expect.objectContaining({ code: 'InvalidChunkSizeError' }));
    expect(() => decodeAwsChunked(frame(['2\r\nxx\r\n0\r\n\r\n']), { 'x-amz-decoded-content-length': '3' }, UNSIGNED)).toThrow(
      expect.objectContaining({ code: 'IncompleteBody' }),
    );
  });
});
