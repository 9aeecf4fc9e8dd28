import { Readable } from 'stream';
import { AwsChunkedDecoder, isAwsChunked } from '../aws-chunked';
import { LocalCredentialStore } from '../credential-store';
import { readSigV4 } from '../sigv4';
import { verifySigV4, type ChunkSigning } from '../sigv4-verifier';

const frame = (parts: string[]) => Buffer.from(parts.join(''), 'latin1');

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
  // S3 signs the declared payload mode, not the body: the seed signature is checked before a byte is read.
  const request = { method: 'PUT', path: '/examplebucket/chunkObject.txt', query: new URLSearchParams(), headers: CHUNKED.headers };
  const store = new LocalCredentialStore({ accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' });
  const verified = verifySigV4(request, auth, store, now);
  if (verified.type !== 'verified') throw new Error(`seed signature: ${verified.type}`);
  return verified.chunkSigning;
}

/**
 * Decodes `raw` fed in pieces of `pieceSize` bytes (1: every split a network read could make), checking chunk
 * signatures with `signing` when `headers` name a signed streaming mode.
 */
async function decode(
  raw: Buffer,
  headers: Record<string, string> = {},
  pieceSize = raw.length || 1,
  signing?: ChunkSigning,
): Promise<{ body: Buffer; trailers: Map<string, string> }> {
  const pieces: Buffer[] = [];
  for (let offset = 0; offset < raw.length; offset += pieceSize) pieces.push(raw.subarray(offset, offset + pieceSize));
  const decoder = new AwsChunkedDecoder(headers, signing);
  const chunks: Buffer[] = [];
  for await (const chunk of Readable.from(pieces).pipe(decoder)) chunks.push(chunk as Buffer);
  return { body: Buffer.concat(chunks), trailers: decoder.trailers };
}

describe('aws-chunked bodies', () => {
  it('recognises streaming payloads by content hash or content encoding', () => {
    expect(isAwsChunked({ 'x-amz-content-sha256': 'STREAMING-UNSIGNED-PAYLOAD-TRAILER' })).toBe(true);
    expect(isAwsChunked({ 'content-encoding': 'gzip, aws-chunked' })).toBe(true);
    expect(isAwsChunked({ 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' })).toBe(false);
  });

  it("decodes AWS's signed chunk example, checking the chain of chunk signatures from the seed signature, however the network splits it", async () => {
    const signing = exampleSigning();
    const raw = chunkedBody(CHUNKED.signatures);
    for (const pieceSize of [raw.length, 7, 1000]) {
      const decoded = await decode(raw, CHUNKED.headers, pieceSize, signing);
      expect(decoded.body.equals(Buffer.alloc(66560, 'a'))).toBe(true);
      expect(decoded.trailers.size).toBe(0);
    }
  });

  it('refuses signed chunks that were altered, reordered, left unsigned or sent without a verified seed signature', async () => {
    const signing = exampleSigning();
    const [first, second, last] = CHUNKED.signatures;
    const refused = { code: 'SignatureDoesNotMatch', status: 403 };
    const headers = { ...CHUNKED.headers, 'x-amz-decoded-content-length': '66559' };
    await expect(decode(chunkedBody([first, second, last], [65536, 1023]), headers, undefined, signing)).rejects.toMatchObject(refused);
    await expect(decode(chunkedBody([second, first, last]), CHUNKED.headers, undefined, signing)).rejects.toMatchObject(refused);
    await expect(decode(chunkedBody([first, second, first]), CHUNKED.headers, undefined, signing)).rejects.toMatchObject(refused);
    await expect(decode(frame(['5\r\nhello\r\n0\r\n\r\n']), { ...CHUNKED.headers, 'x-amz-decoded-content-length': '5' }, undefined, signing)).rejects.toMatchObject(refused);
    await expect(decode(chunkedBody(CHUNKED.signatures), CHUNKED.headers)).rejects.toMatchObject(refused);
  });

  it('refuses a forged chunk as soon as its last byte is in, before the rest of the body arrives', async () => {
    const signing = exampleSigning();
    const forged = chunkedBody([CHUNKED.signatures[1], CHUNKED.signatures[0], CHUNKED.signatures[2]]);
    const decoder = new AwsChunkedDecoder(CHUNKED.headers, signing);
    const failed = new Promise((resolve) => decoder.on('error', resolve));
    decoder.resume();
    // Only the first chunk's header and data: the stream has not ended.
    decoder.write(forged.subarray(0, forged.indexOf('\r\n') + 2 + 65536));
    await expect(failed).resolves.toMatchObject({ code: 'SignatureDoesNotMatch' });
  });

  it('decodes unsigned chunks with a trailing checksum, keeping binary bytes (CR LF inside data included)', async () => {
    const data = Buffer.from([0, 13, 10, 255, 48, 13, 10]);
    const raw = Buffer.concat([frame([`${data.length.toString(16)}\r\n`]), data, frame(['\r\n0\r\nx-amz-checksum-crc32:AAAAAA==\r\n\r\n'])]);
    for (const pieceSize of [raw.length, 1]) {
      const decoded = await decode(raw, {}, pieceSize);
      expect(decoded.body.equals(data)).toBe(true);
      expect(decoded.trailers.get('x-amz-checksum-crc32')).toBe('AAAAAA==');
    }
  });

  it('refuses truncated bodies, bad chunk sizes, endless header lines and a wrong decoded length', async () => {
    await expect(decode(frame(['a\r\nshort\r\n']))).rejects.toMatchObject({ code: 'IncompleteBody' });
    await expect(decode(frame(['zz\r\nxx\r\n0\r\n\r\n']))).rejects.toMatchObject({ code: 'InvalidChunkSizeError' });
    await expect(decode(frame(['2\r\nxx\r\n0\r\n\r\n']), { 'x-amz-decoded-content-length': '3' })).rejects.toMatchObject({ code: 'IncompleteBody' });
    await expect(decode(frame(['2\r\nxxyy0\r\n\r\n']))).rejects.toMatchObject({ code: 'IncompleteBody' });
    await expect(decode(frame(['2\r\nxx\r\n0\r\nno-colon\r\n\r\n']))).rejects.toMatchObject({ code: 'MalformedTrailerError' });
    await expect(decode(frame([`1;${'x'.repeat(5000)}`]), {}, 100)).rejects.toMatchObject({ code: 'IncompleteBody' });
    const manyTrailers = Array.from({ length: 17 }, (_, i) => `x-amz-meta-${i}:v\r\n`).join('');
    await expect(decode(frame([`2\r\nxx\r\n0\r\n${manyTrailers}\r\n`]))).rejects.toMatchObject({ code: 'MalformedTrailerError' });
  });
});
