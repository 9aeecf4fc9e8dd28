import { GetObjectCommand, ListObjectsV2Command, PutBucketCorsCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { rawRequest, s3ErrorOf, signedHeaders, useTestCloud } from '../../__tests__/test-cloud';

/**
 * S3 requests an app signed for AWS's host names, forwarded to the local cloud under `/_s3/<host>/` the way the
 * generated aws-exports.js of a local-cloud env sends them (amplify-frontend-javascript's storage route).
 */
const Bucket = 'forwarded-bucket';
const t = useTestCloud({ buckets: [Bucket] });

/** `https://<host>/<path>` → `<local endpoint>/_s3/<host>/<path>`, as the storage route rewrites it. */
function forwardedUrl(url: string): string {
  const parsed = new URL(url);
  return `${t.config.endpoint}/_s3/${parsed.host}${parsed.pathname}${parsed.search}`;
}

/** An S3 client that signs for AWS's hosts (no endpoint setting) and whose requests are then forwarded. */
function forwardingClient(forcePathStyle: boolean, hostOverride?: string): S3Client {
  const inner = new NodeHttpHandler();
  const local = new URL(t.config.endpoint);
  return new S3Client({
    region: 'us-east-1',
    credentials: t.config.credentials,
    forcePathStyle,
    requestHandler: {
      handle: (...[request, options]: Parameters<NodeHttpHandler['handle']>) => {
        request.path = `/_s3/${hostOverride ?? request.hostname}${request.path}`;
        request.hostname = local.hostname;
        request.port = Number(local.port);
        request.protocol = local.protocol;
        delete request.headers.host;
        return inner.handle(request, options);
      },
    },
  });
}

describe('S3 requests forwarded under /_s3/<AWS host>/', () => {
  it.each([
    ['virtual-hosted', false],
    ['path-style', true],
  ])('serves %s requests signed for the AWS host', async (_style, forcePathStyle) => {
    const client = forwardingClient(forcePathStyle);
    const Key = `public/${forcePathStyle ? 'path' : 'virtual'} name+1.txt`;
    await client.send(new PutObjectCommand({ Bucket, Key, Body: 'hello' }));
    const got = await client.send(new GetObjectCommand({ Bucket, Key }));
    expect(await got.Body?.transformToString()).toBe('hello');
    const listed = await client.send(new ListObjectsV2Command({ Bucket, Prefix: 'public/' }));
    expect(listed.Contents?.map((object) => object.Key)).toContain(Key);
    // The same object through the local cloud's own path-style address.
    expect(await (await t.s3.send(new GetObjectCommand({ Bucket, Key }))).Body?.transformToString()).toBe('hello');
    client.destroy();
  });

  it('serves a presigned URL made for the AWS host once forwarded', async () => {
    const signer = new S3Client({ region: 'us-east-1', credentials: t.config.credentials });
    await t.s3.send(new PutObjectCommand({ Bucket, Key: 'public/presigned.txt', Body: 'signed' }));
    const url = await getSignedUrl(signer, new GetObjectCommand({ Bucket, Key: 'public/presigned.txt' }), { expiresIn: 60 });
    expect(new URL(url).host).toBe(`${Bucket}.s3.us-east-1.amazonaws.com`);
    const response = await rawRequest(forwardedUrl(url));
    expect([response.status, response.body]).toEqual([200, 'signed']);
    signer.destroy();
  });

  it("refuses a request whose forwarded host is not the one signed (the signature covers the client's host)", async () => {
    const client = forwardingClient(false, `other-bucket.s3.us-east-1.amazonaws.com`);
    const error = await s3ErrorOf(client.send(new GetObjectCommand({ Bucket, Key: 'public/presigned.txt' })));
    expect(error.name).toBe('SignatureDoesNotMatch');
    client.destroy();
  });

  it('refuses hosts that are not regional S3 host names, and other services', async () => {
    const notS3 = await rawRequest(`${t.config.endpoint}/_s3/example.com/public/a.txt`);
    expect(notS3.status).toBe(400);
    expect(notS3.body).toContain('<Code>InvalidURI</Code>');
    const url = `https://${Bucket}.s3.us-east-1.amazonaws.com/?Action=GetCallerIdentity&Version=2011-06-15`;
    const sts = await rawRequest(forwardedUrl(url), { headers: { ...signedHeaders(url, {}, { credentials: t.config.credentials, service: 'sts' }), host: new URL(t.config.endpoint).host } });
    expect(sts.status).toBe(403);
    expect(sts.body).toContain('must be signed for S3');
  });

  it("answers a browser's preflight from the bucket's CORS rules, found through the forwarded host", async () => {
    await t.s3.send(
      new PutBucketCorsCommand({
        Bucket,
        CORSConfiguration: { CORSRules: [{ AllowedOrigins: ['http://app.localhost:3000'], AllowedMethods: ['PUT'], AllowedHeaders: ['*'] }] },
      }),
    );
    const preflight = (origin: string) =>
      rawRequest(forwardedUrl(`https://${Bucket}.s3.us-east-1.amazonaws.com/public/a.txt?x-id=PutObject`), {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'PUT', 'access-control-request-headers': 'authorization,x-amz-date' },
      });
    const allowed = await preflight('http://app.localhost:3000');
    expect([allowed.status, allowed.headers['access-control-allow-origin']]).toEqual([200, 'http://app.localhost:3000']);
    expect((await preflight('http://evil.localhost')).status).toBe(403);
  });
});
