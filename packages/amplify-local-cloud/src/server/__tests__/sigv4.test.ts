import { readSigV4 } from '../sigv4';

const SIGNATURE = 'f'.repeat(64);
const header = (value: string, extra: Record<string, string> = { 'x-amz-date': '20260101T000000Z' }) => ({ authorization: value, ...extra });
const valid = `AWS4-HMAC-SHA256 Credential=AKID/20260101/eu-west-1/cloudformation/aws4_request, SignedHeaders=host;x-amz-date, Signature=${SIGNATURE}`;

describe('readSigV4', () => {
  it('reads the credential scope of a well-formed Authorization header', () => {
    expect(readSigV4(header(valid), new URLSearchParams())).toEqual({
      type: 'signed',
      presigned: false,
      scope: { accessKeyId: 'AKID', date: '20260101', region: 'eu-west-1', service: 'cloudformation' },
      amzDate: '20260101T000000Z',
      signedHeaders: ['host', 'x-amz-date'],
      signature: SIGNATURE,
      securityToken: undefined,
    });
  });

  it('reports a request without any authentication as missing', () => {
    expect(readSigV4({}, new URLSearchParams())).toEqual({ type: 'missing' });
  });

  it.each([
    ['another algorithm', valid.replace('AWS4-HMAC-SHA256', 'AWS4-HMAC-SHA512')],
    ['no Credential', `AWS4-HMAC-SHA256 SignedHeaders=host, Signature=${SIGNATURE}`],
    ['a short credential scope', valid.replace('/eu-west-1/cloudformation', '/eu-west-1')],
    ['a bad terminator', valid.replace('aws4_request', 'aws5_request')],
    ['a bad scope date', valid.replace('/20260101/', '/2026-01-01/')],
    ['a scope date other than the request date', valid.replace('/20260101/', '/20260102/')],
    ['host not signed', valid.replace('SignedHeaders=host;x-amz-date', 'SignedHeaders=x-amz-date')],
    ['upper-case signed headers', valid.replace('SignedHeaders=host;x-amz-date', 'SignedHeaders=Host;X-Amz-Date')],
    ['a short signature', valid.replace(SIGNATURE, 'abc')],
    ['garbage', 'Bearer token'],
  ])('refuses a header with %s as malformed', (_name, value) => {
    expect(readSigV4(header(value), new URLSearchParams()).type).toBe('malformed');
  });

  it('requires an X-Amz-Date or Date header', () => {
    expect(readSigV4(header(valid, {}), new URLSearchParams()).type).toBe('malformed');
    expect(readSigV4(header(valid, { date: 'Thu, 01 Jan 2026 00:00:00 GMT' }), new URLSearchParams())).toMatchObject({ type: 'signed', amzDate: '20260101T000000Z' });
  });

  it('reads presigned query parameters and refuses expired or incomplete ones', () => {
    const query = (overrides: Record<string, string>) =>
      new URLSearchParams({
        'X-Amz-Algorithm': 'AWS4-HMAC-SHA256',
        'X-Amz-Credential': 'AKID/20260101/us-east-1/s3/aws4_request',
        'X-Amz-Date': '20260101T000000Z',
        'X-Amz-Expires': '900',
        'X-Amz-SignedHeaders': 'host',
        'X-Amz-Signature': SIGNATURE,
        ...overrides,
      });
    const during = new Date(Date.UTC(2026, 0, 1, 0, 10));
    const after = new Date(Date.UTC(2026, 0, 1, 0, 16));
    expect(readSigV4({}, query({}), during)).toMatchObject({ type: 'signed', presigned: true, scope: { service: 's3' } });
    expect(readSigV4({}, query({}), after)).toMatchObject({ type: 'expired' });
    expect(readSigV4({}, query({ 'X-Amz-Expires': '604801' }), during).type).toBe('malformed');
    expect(readSigV4({}, query({ 'X-Amz-Signature': '' }), during).type).toBe('malformed');
  });
});
