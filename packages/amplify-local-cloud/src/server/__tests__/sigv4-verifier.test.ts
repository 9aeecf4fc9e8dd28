import { signedHeaders, type SignOptions } from '../../__tests__/test-cloud';
import { LocalCredentialStore } from '../credential-store';
import { readSigV4 } from '../sigv4';
import { verifySigV4, type SignableRequest } from '../sigv4-verifier';

/**
 * Examples from AWS's SigV4 documentation: the signature test suite's `get-vanilla` case and the S3 examples
 * ("Signature Calculations for the Authorization Header" and "Query String Authentication").
 */
const SUITE_KEY = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' };
const S3_KEY = { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' };
const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

function verify(request: SignableRequest, store: LocalCredentialStore, now: Date) {
  const auth = readSigV4(request.headers, request.query, now);
  if (auth.type !== 'signed') throw new Error(`not signed: ${JSON.stringify(auth)}`);
  return verifySigV4(request, auth, store, now);
}

describe('verifySigV4 against AWS documented examples', () => {
  it('verifies the get-vanilla example of the signature test suite', () => {
    const request: SignableRequest = {
      method: 'GET',
      path: '/',
      query: new URLSearchParams(),
      headers: {
        host: 'example.amazonaws.com',
        'x-amz-date': '20150830T123600Z',
        authorization:
          'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31',
      },
      body: Buffer.alloc(0),
    };
    const now = new Date(Date.UTC(2015, 7, 30, 12, 40));
    expect(verify(request, new LocalCredentialStore(SUITE_KEY), now)).toMatchObject({ type: 'verified' });
    const other = verify({ ...request, headers: { ...request.headers, host: 'example.amazonaws.com:443' } }, new LocalCredentialStore(SUITE_KEY), now);
    expect(other).toMatchObject({ type: 'mismatch', canonicalRequest: expect.stringContaining('host:example.amazonaws.com:443\n') });
  });

  it('verifies the S3 GET Object example (Range header, empty payload hash)', () => {
    const request: SignableRequest = {
      method: 'GET',
      path: '/test.txt',
      query: new URLSearchParams(),
      headers: {
        host: 'examplebucket.s3.amazonaws.com',
        range: 'bytes=0-9',
        'x-amz-content-sha256': EMPTY_SHA256,
        'x-amz-date': '20130524T000000Z',
        authorization:
          'AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,SignedHeaders=host;range;x-amz-content-sha256;x-amz-date,Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41',
      },
      body: Buffer.alloc(0),
    };
    const now = new Date(Date.UTC(2013, 4, 24, 0, 5));
    expect(verify(request, new LocalCredentialStore(S3_KEY), now)).toMatchObject({ type: 'verified' });
    expect(verify({ ...request, headers: { ...request.headers, range: 'bytes=0-10' } }, new LocalCredentialStore(S3_KEY), now).type).toBe('mismatch');
  });

  it('verifies the S3 presigned GET example, and refuses it once tampered with', () => {
    const query = new URLSearchParams({
      'X-Amz-Algorithm': 'AWS4-HMAC-SHA256',
      'X-Amz-Credential': 'AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request',
      'X-Amz-Date': '20130524T000000Z',
      'X-Amz-Expires': '86400',
      'X-Amz-SignedHeaders': 'host',
      'X-Amz-Signature': 'aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404',
    });
    const request: SignableRequest = { method: 'GET', path: '/test.txt', query, headers: { host: 'examplebucket.s3.amazonaws.com' }, body: Buffer.alloc(0) };
    // Presigned URLs are checked against their own expiry, not the 15-minute clock skew.
    const now = new Date(Date.UTC(2013, 4, 24, 10));
    expect(verify(request, new LocalCredentialStore(S3_KEY), now)).toMatchObject({ type: 'verified' });
    const longer = new URLSearchParams(query);
    longer.set('X-Amz-Expires', '86401');
    expect(verify({ ...request, query: longer }, new LocalCredentialStore(S3_KEY), now).type).toBe('mismatch');
  });
});

describe('verifySigV4 key lookup and time', () => {
  const key = { accessKeyId: 'AKIAAAAAAAAAAAAAAAAA', secretAccessKey: 'a'.repeat(40) };
  const suiteRequest = (accessKeyId: string): SignableRequest => ({
    method: 'GET',
    path: '/',
    query: new URLSearchParams(),
    headers: {
      host: 'example.amazonaws.com',
      'x-amz-date': '20150830T123600Z',
      authorization: `AWS4-HMAC-SHA256 Credential=${accessKeyId}/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31`,
    },
    body: Buffer.alloc(0),
  });
  const at = new Date(Date.UTC(2015, 7, 30, 12, 36));

  it('refuses a key the store does not hold', () => {
    expect(verify(suiteRequest('AKIDUNKNOWN'), new LocalCredentialStore(key), at)).toEqual({ type: 'unknown-key' });
  });

  it('refuses header-signed requests more than 15 minutes off, with the message AWS gives', () => {
    const store = new LocalCredentialStore(SUITE_KEY);
    expect(verify(suiteRequest('AKIDEXAMPLE'), store, new Date(Date.UTC(2015, 7, 30, 12, 50))).type).toBe('verified');
    expect(verify(suiteRequest('AKIDEXAMPLE'), store, new Date(Date.UTC(2015, 7, 30, 12, 52)))).toEqual({
      type: 'skewed',
      message: 'Signature expired: 20150830T123600Z is now earlier than 20150830T123700Z (20150830T125200Z - 15 min.)',
    });
    expect(verify(suiteRequest('AKIDEXAMPLE'), store, new Date(Date.UTC(2015, 7, 30, 12, 20)))).toMatchObject({ type: 'skewed', message: expect.stringMatching(/^Signature not yet current/) });
  });

  it('accepts an issued temporary key only with its session token, until it expires or is revoked', () => {
    let now = at;
    const store = new LocalCredentialStore(key, () => now);
    const signed = (credentials: SignOptions['credentials']): SignableRequest => ({
      method: 'GET',
      path: '/',
      query: new URLSearchParams(),
      headers: signedHeaders('http://127.0.0.1:4581/', {}, { credentials, service: 'sts', date: at }),
      body: Buffer.alloc(0),
    });
    const temporary = store.issueTemporary(60);
    expect(temporary).toMatchObject({ accessKeyId: expect.stringMatching(/^ASIA[A-Z0-9]{16}$/), secretAccessKey: expect.stringMatching(/^[A-Za-z0-9/+]{40}$/) });
    expect(verify(signed(temporary), store, at)).toMatchObject({ type: 'verified' });
    // Without its token (or with another one) the key does not exist, whatever the signature.
    expect(verify(signed({ ...temporary, sessionToken: undefined }), store, at)).toEqual({ type: 'unknown-key' });
    expect(verify(signed({ ...temporary, sessionToken: 'other-token' }), store, at)).toEqual({ type: 'unknown-key' });
    now = new Date(at.getTime() + 61_000);
    expect(verify(signed(temporary), store, at)).toEqual({ type: 'unknown-key' });
    now = at;
    const revoked = store.issueTemporary(60);
    store.revoke(revoked.accessKeyId);
    expect(verify(signed(revoked), store, at)).toEqual({ type: 'unknown-key' });
  });
});
