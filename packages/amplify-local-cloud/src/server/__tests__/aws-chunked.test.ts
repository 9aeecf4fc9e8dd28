import { Readable } from 'stream';
import { AwsChunkedDecoder, isAwsChunked } from '../aws-chunked';

const frame = (parts: string[]) => Buffer.from(parts.join(''), 'latin1');

/** Decodes `raw` fed in pieces of `pieceSize` bytes (1: every split a network read could make). */
async function decode(raw: Buffer, headers: Record<string, string> = {}, pieceSize = raw.length || 1): Promise<{ body: Buffer; trailers: Map<string, string> }> {
  const pieces: Buffer[] = [];
  for (let offset = 0; offset < raw.length; offset += pieceSize) pieces.push(raw.subarray(offset, offset + pieceSize));
  const decoder = new AwsChunkedDecoder(headers);
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

  it('decodes signed chunks, however the network splits them', async () => {
    const sig = 'c'.repeat(64);
    const raw = frame([`5;chunk-signature=${sig}\r\nhello\r\n`, `6;chunk-signature=${sig}\r\n world\r\n`, `0;chunk-signature=${sig}\r\n\r\n`]);
    for (const pieceSize of [raw.length, 1, 7]) {
      const decoded = await decode(raw, { 'x-amz-decoded-content-length': '11' }, pieceSize);
      expect(decoded.body.toString()).toBe('hello world');
      expect(decoded.trailers.size).toBe(0);
    }
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
