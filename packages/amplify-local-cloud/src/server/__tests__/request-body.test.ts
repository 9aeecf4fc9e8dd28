import { Readable } from 'stream';
import { BodyError } from '../body-error';
import { IncomingBody } from '../request-body';

const body = (bytes: string, headers: Record<string, string> = {}) => {
  const continues: string[] = [];
  const incoming = new IncomingBody(Readable.from([Buffer.from(bytes)]), headers, { idleTimeoutMs: 1000, onFirstRead: () => continues.push('100') });
  return { incoming, continues };
};

test('reading whole twice answers the same bytes; streaming after that is refused', async () => {
  const { incoming, continues } = body('payload', { 'content-length': '7' });
  expect((await incoming.read(100)).toString()).toBe('payload');
  expect((await incoming.read(100)).toString()).toBe('payload');
  expect(continues).toEqual(['100']);
  expect(() => incoming.stream(100)).toThrow('The request body can be read only once');
});

test('a declared size over the limit is refused before the body is asked for', async () => {
  const { incoming, continues } = body('payload', { 'content-length': String(3 * 1024 ** 3) });
  await expect(incoming.read(1024)).rejects.toEqual(expect.any(BodyError));
  await expect(body('x', { 'content-length': '5000' }).incoming.read(1024)).rejects.toMatchObject({ code: 'EntityTooLarge', details: { ProposedSize: '5000', MaxSizeAllowed: '1024' } });
  expect(continues).toEqual([]);
});

test('an aws-chunked body is decoded, its trailers kept, its decoded length the declared one', async () => {
  const headers = { 'x-amz-content-sha256': 'STREAMING-UNSIGNED-PAYLOAD-TRAILER', 'x-amz-decoded-content-length': '5', 'content-length': '50' };
  const { incoming } = body('5\r\nhello\r\n0\r\nx-amz-checksum-crc32:AAAAAA==\r\n\r\n', headers);
  expect(incoming.declaredLength).toBe(5);
  expect((await incoming.read(5)).toString()).toBe('hello');
  expect(incoming.trailers.get('x-amz-checksum-crc32')).toBe('AAAAAA==');
});
