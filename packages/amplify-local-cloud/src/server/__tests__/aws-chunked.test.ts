import { decodeAwsChunked, isAwsChunked } from '../aws-chunked';

const frame = (parts: string[]) => Buffer.from(parts.join(''), 'latin1');

describe('aws-chunked bodies', () => {
  it('recognises streaming payloads by content hash or content encoding', () => {
    expect(isAwsChunked({ 'x-amz-content-sha256': 'STREAMING-UNSIGNED-PAYLOAD-TRAILER' })).toBe(true);
    expect(isAwsChunked({ 'content-encoding': 'gzip, aws-chunked' })).toBe(true);
    expect(isAwsChunked({ 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' })).toBe(false);
  });

  it('decodes signed chunks', () => {
    const sig = 'c'.repeat(64);
    const raw = frame([`5;chunk-signature=${sig}\r\nhello\r\n`, `6;chunk-signature=${sig}\r\n world\r\n`, `0;chunk-signature=${sig}\r\n\r\n`]);
    const decoded = decodeAwsChunked(raw, { 'x-amz-decoded-content-length': '11' });
    expect(decoded.body.toString()).toBe('hello world');
    expect(decoded.trailers.size).toBe(0);
  });

  it('decodes unsigned chunks with a trailing checksum, keeping binary bytes (CR LF inside data included)', () => {
    const data = Buffer.from([0, 13, 10, 255, 48, 13, 10]);
    const raw = Buffer.concat([frame([`${data.length.toString(16)}\r\n`]), data, frame(['\r\n0\r\nx-amz-checksum-crc32:AAAAAA==\r\n\r\n'])]);
    const decoded = decodeAwsChunked(raw, {});
    expect(decoded.body.equals(data)).toBe(true);
    expect(decoded.trailers.get('x-amz-checksum-crc32')).toBe('AAAAAA==');
  });

  it('refuses truncated bodies, bad chunk sizes and a wrong decoded length', () => {
    expect(() => decodeAwsChunked(frame(['a\r\nshort\r\n']), {})).toThrow(expect.objectContaining({ code: 'IncompleteBody' }));
    expect(() => decodeAwsChunked(frame(['zz\r\nxx\r\n0\r\n\r\n']), {})).toThrow(expect.objectContaining({ code: 'InvalidChunkSizeError' }));
    expect(() => decodeAwsChunked(frame(['2\r\nxx\r\n0\r\n\r\n']), { 'x-amz-decoded-content-length': '3' })).toThrow(
      expect.objectContaining({ code: 'IncompleteBody' }),
    );
  });
});
