import { CloudFormationClient, CreateStackCommand, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { CreateBucketCommand, GetObjectCommand, ListBucketsCommand, PutBucketCorsCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { rawRequest, signedRequest, useTestCloud, type SignOptions } from '../../__tests__/test-cloud';
import { createStsHandler } from '../../sts/sts-api';
import { LocalCredentialStore } from '../credential-store';
import { listenHttp } from '../http-server';
import { routeRequest } from '../request-router';

/**
 * What a web page, a DNS-rebinding attacker or another local user can send, and what the local cloud must refuse
 * before any service runs: a stack with a custom resource would run its code on the developer's machine.
 */
const Bucket = 'attack-bucket';
const t = useTestCloud({ buckets: [Bucket] });
const as = (service: string, extra: Partial<SignOptions> = {}): SignOptions => ({ credentials: t.cloud.credentials, service, ...extra });
const TEMPLATE = JSON.stringify({ Resources: { Topic: { Type: 'AWS::SNS::Topic' } } });
const createStackForm = (name: string) => new URLSearchParams({ Action: 'CreateStack', Version: '2010-05-15', StackName: name, TemplateBody: TEMPLATE }).toString();
const FORM = { 'Content-Type': 'application/x-www-form-urlencoded' };

let cfn: CloudFormationClient;
beforeAll(() => {
  cfn = new CloudFormationClient(t.config);
});
afterAll(() => cfn.destroy());

async function stackNames(): Promise<string[]> {
  const { Stacks } = await cfn.send(new DescribeStacksCommand({}));
  return (Stacks ?? []).map((stack) => stack.StackName!);
}

const amzDate = (date = new Date()) => date.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');

describe('signatures', () => {
  it('refuses a CreateStack signed with the right key id but a wrong secret, and creates nothing', async () => {
    const forged = new CloudFormationClient({ ...t.config, credentials: { accessKeyId: t.cloud.credentials.accessKeyId, secretAccessKey: 'x'.repeat(40) }, maxAttempts: 1 });
    await expect(forged.send(new CreateStackCommand({ StackName: 'forged', TemplateBody: TEMPLATE }))).rejects.toMatchObject({
      name: 'SignatureDoesNotMatch',
      $metadata: { httpStatusCode: 403 },
    });
    forged.destroy();
    expect(await stackNames()).not.toContain('forged');
  });

  it('refuses a well-formed signature that was never computed (the old shape-only check accepted it)', async () => {
    const response = await rawRequest(`${t.cloud.endpoint}/`, {
      method: 'POST',
      headers: {
        ...FORM,
        Authorization: `AWS4-HMAC-SHA256 Credential=${t.cloud.credentials.accessKeyId}/${amzDate().slice(0, 8)}/us-east-1/cloudformation/aws4_request, SignedHeaders=host;x-amz-date, Signature=${'a'.repeat(64)}`,
        'X-Amz-Date': amzDate(),
      },
      body: createStackForm('shape-only'),
    });
    expect(response.status).toBe(403);
    expect(response.body).toContain('<Code>SignatureDoesNotMatch</Code>');
    expect(await stackNames()).not.toContain('shape-only');
  });

  it('refuses keys it never issued, in each protocol', async () => {
    const stranger = { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' };
    const sts = new STSClient({ ...t.config, credentials: stranger, maxAttempts: 1 });
    await expect(sts.send(new GetCallerIdentityCommand({}))).rejects.toMatchObject({ name: 'InvalidClientTokenId', $metadata: { httpStatusCode: 403 } });
    sts.destroy();
    const s3 = t.s3With({ credentials: stranger, maxAttempts: 1 });
    await expect(s3.send(new ListBucketsCommand({}))).rejects.toMatchObject({ name: 'InvalidAccessKeyId', $metadata: { httpStatusCode: 403 } });
  });

  it('refuses header-signed requests more than 15 minutes old, as each service words it', async () => {
    const old = new Date(Date.now() - 20 * 60 * 1000);
    const query = await signedRequest(`${t.cloud.endpoint}/`, { method: 'POST', headers: FORM, body: createStackForm('replayed') }, as('cloudformation', { date: old }));
    expect(query.status).toBe(403);
    expect(query.body).toContain('<Code>SignatureDoesNotMatch</Code>');
    expect(query.body).toMatch(/Signature expired: \d{8}T\d{6}Z is now earlier than/);
    const s3 = await signedRequest(`${t.cloud.endpoint}/`, {}, as('s3', { date: old }));
    expect(s3.status).toBe(403);
    expect(s3.body).toContain('<Code>RequestTimeTooSkewed</Code>');
    expect(await stackNames()).not.toContain('replayed');
  });

  it('still answers the SDK signing with the instance credentials', async () => {
    await cfn.send(new CreateStackCommand({ StackName: 'legit', TemplateBody: TEMPLATE }));
    expect(await stackNames()).toContain('legit');
  });

  it('serves presigned GET URLs, and refuses one signed with another secret', async () => {
    await t.s3.send(new PutObjectCommand({ Bucket, Key: 'shared.txt', Body: 'shared' }));
    const url = await getSignedUrl(t.s3, new GetObjectCommand({ Bucket, Key: 'shared.txt' }), { expiresIn: 60 });
    expect((await rawRequest(url)).body).toBe('shared');
    const wrongSecret = t.s3With({ credentials: { accessKeyId: t.cloud.credentials.accessKeyId, secretAccessKey: 'y'.repeat(40) } });
    const forged = await rawRequest(await getSignedUrl(wrongSecret, new GetObjectCommand({ Bucket, Key: 'shared.txt' }), { expiresIn: 60 }));
    expect(forged.status).toBe(403);
    expect(forged.body).toContain('<Code>SignatureDoesNotMatch</Code>');
  });
});

describe('browsers and DNS rebinding', () => {
  it('refuses a cross-site HTML form POST of CreateStack with a presigned-style query, and creates nothing', async () => {
    const query = new URLSearchParams({
      'X-Amz-Algorithm': 'AWS4-HMAC-SHA256',
      'X-Amz-Credential': `${t.cloud.credentials.accessKeyId}/${amzDate().slice(0, 8)}/us-east-1/cloudformation/aws4_request`,
      'X-Amz-Date': amzDate(),
      'X-Amz-SignedHeaders': 'host',
      'X-Amz-Signature': 'b'.repeat(64),
    });
    const response = await rawRequest(`${t.cloud.endpoint}/?${query}`, {
      method: 'POST',
      headers: { ...FORM, Origin: 'https://evil.example', 'Sec-Fetch-Site': 'cross-site' },
      body: createStackForm('from-a-form'),
    });
    expect(response.status).toBe(403);
    expect(await stackNames()).not.toContain('from-a-form');
  });

  it('refuses the control plane to pages even with a valid signature (Origin or Sec-Fetch-Site)', async () => {
    const withOrigin = await signedRequest(`${t.cloud.endpoint}/`, { method: 'POST', headers: { ...FORM, Origin: 'http://127.0.0.1:3000' }, body: createStackForm('page-origin') }, as('cloudformation'));
    expect(withOrigin.status).toBe(403);
    expect(withOrigin.body).toContain("refuses cloudformation calls from web pages (Origin 'http://127.0.0.1:3000')");
    const sameSite = await signedRequest(`${t.cloud.endpoint}/`, { method: 'POST', headers: { ...FORM, 'Sec-Fetch-Site': 'same-site' }, body: createStackForm('page-fetch') }, as('cloudformation'));
    expect(sameSite.status).toBe(403);
    const names = await stackNames();
    expect(names).not.toContain('page-origin');
    expect(names).not.toContain('page-fetch');
    for (const service of ['iam', 'sts']) {
      const response = await signedRequest(`${t.cloud.endpoint}/`, { method: 'POST', headers: { ...FORM, Origin: 'https://evil.example' }, body: 'Action=GetCallerIdentity&Version=2011-06-15' }, as(service));
      expect(response.status).toBe(403);
    }
  });

  it('refuses S3 bucket administration to pages, and creates no bucket', async () => {
    const create = await signedRequest(`${t.cloud.endpoint}/page-bucket`, { method: 'PUT', headers: { Origin: 'https://evil.example' } }, as('s3'));
    expect(create.status).toBe(403);
    const list = await signedRequest(`${t.cloud.endpoint}/`, { headers: { Origin: 'https://evil.example' } }, as('s3'));
    expect(list.status).toBe(403);
    const policy = await signedRequest(`${t.cloud.endpoint}/${Bucket}?policy`, { headers: { Origin: 'https://evil.example' } }, as('s3'));
    expect(policy.status).toBe(403);
    const { Buckets } = await t.s3.send(new ListBucketsCommand({}));
    expect(Buckets?.map((bucket) => bucket.Name)).not.toContain('page-bucket');
  });

  it.each(['evil.example:4581', 'evil.example', '127.0.0.1.evil.example', '[::2]:4581', 'localhost.evil.example'])('refuses Host %s, naming it, on every path', async (host) => {
    const signed = await signedRequest(`${t.cloud.endpoint}/`, { method: 'POST', headers: { ...FORM, Host: host }, body: createStackForm('rebound') }, as('cloudformation'));
    expect(signed.status).toBe(403);
    expect(signed.body).toContain(`not Host '${host}'`);
    const health = await rawRequest(`${t.cloud.endpoint}/_local-cloud/health`, { headers: { Host: host } });
    expect(health.status).toBe(403);
    expect(await stackNames()).not.toContain('rebound');
  });

  it('accepts the loopback names', async () => {
    const port = new URL(t.cloud.endpoint).port;
    for (const host of [`127.0.0.1:${port}`, `127.1.2.3:${port}`, `localhost:${port}`, 'localhost', `[::1]:${port}`]) {
      expect((await rawRequest(`${t.cloud.endpoint}/_local-cloud/health`, { headers: { Host: host } })).status).toBe(200);
    }
  });
});

describe('CORS on the S3 data plane', () => {
  const app = 'http://localhost:3000';
  beforeAll(async () => {
    await t.s3.send(
      new PutBucketCorsCommand({
        Bucket,
        CORSConfiguration: { CORSRules: [{ AllowedOrigins: [app], AllowedMethods: ['GET', 'PUT', 'HEAD'], AllowedHeaders: ['*'], ExposeHeaders: ['ETag'], MaxAgeSeconds: 3000 }] },
      }),
    );
    await t.s3.send(new PutObjectCommand({ Bucket, Key: 'public/photo.jpg', Body: 'jpeg' }));
  });

  const preflight = (url: string, origin: string, method = 'PUT', headers = 'authorization,x-amz-date,content-type') =>
    rawRequest(url, { method: 'OPTIONS', headers: { Origin: origin, 'Access-Control-Request-Method': method, 'Access-Control-Request-Headers': headers } });

  it('answers a preflight for an object from the bucket CORS rules', async () => {
    const allowed = await preflight(`${t.cloud.endpoint}/${Bucket}/public/photo.jpg`, app);
    expect(allowed.status).toBe(200);
    expect(allowed.headers).toMatchObject({
      'access-control-allow-origin': app,
      'access-control-allow-methods': 'GET, PUT, HEAD',
      'access-control-allow-headers': 'authorization, x-amz-date, content-type',
      'access-control-expose-headers': 'ETag',
      'access-control-max-age': '3000',
      'access-control-allow-credentials': 'true',
    });
    const otherOrigin = await preflight(`${t.cloud.endpoint}/${Bucket}/public/photo.jpg`, 'https://evil.example');
    expect(otherOrigin.status).toBe(403);
    expect(otherOrigin.body).toContain('CORSResponse: This CORS request is not allowed');
    expect((await preflight(`${t.cloud.endpoint}/${Bucket}/public/photo.jpg`, app, 'DELETE')).status).toBe(403);
  });

  it('refuses preflights for buckets without CORS and for the control plane', async () => {
    await t.s3.send(new CreateBucketCommand({ Bucket: 'no-cors-bucket' }));
    const noCors = await preflight(`${t.cloud.endpoint}/no-cors-bucket/key`, app);
    expect(noCors.status).toBe(403);
    expect(noCors.body).toContain('CORS is not enabled for this bucket');
    expect((await preflight(`${t.cloud.endpoint}/`, app, 'POST')).status).toBe(403);
    expect((await preflight(`${t.cloud.endpoint}/new-bucket`, app, 'PUT')).status).toBe(403);
  });

  it('adds CORS headers to signed object requests from an allowed origin, and refuses other origins', async () => {
    const get = await signedRequest(`${t.cloud.endpoint}/${Bucket}/public/photo.jpg`, { headers: { Origin: app } }, as('s3'));
    expect(get.status).toBe(200);
    expect(get.body).toBe('jpeg');
    expect(get.headers['access-control-allow-origin']).toBe(app);
    expect(get.headers['access-control-expose-headers']).toBe('ETag');
    const listing = await signedRequest(`${t.cloud.endpoint}/${Bucket}?list-type=2&prefix=public%2F`, { headers: { Origin: app } }, as('s3'));
    expect(listing.status).toBe(200);
    expect(listing.headers['access-control-allow-origin']).toBe(app);
    const evil = await signedRequest(`${t.cloud.endpoint}/${Bucket}/public/photo.jpg`, { method: 'PUT', headers: { Origin: 'https://evil.example' }, body: 'defaced' }, as('s3'));
    expect(evil.status).toBe(403);
    expect((await signedRequest(`${t.cloud.endpoint}/${Bucket}/public/photo.jpg`, {}, as('s3'))).body).toBe('jpeg');
  });

  it('serves a presigned URL to a no-CORS page request (an <img src>), without CORS headers', async () => {
    const url = await getSignedUrl(t.s3, new GetObjectCommand({ Bucket, Key: 'public/photo.jpg' }), { expiresIn: 60 });
    const image = await rawRequest(url, { headers: { 'Sec-Fetch-Site': 'cross-site', 'Sec-Fetch-Dest': 'image' } });
    expect(image.status).toBe(200);
    expect(image.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('temporary credentials', () => {
  it('verifies keys the credential store issued only with their session token', async () => {
    process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
    const store = new LocalCredentialStore({ accessKeyId: 'AKIAINSTANCEKEY00001', secretAccessKey: 'i'.repeat(40) });
    const temporary = store.issueTemporary(3600);
    const router = { services: new Map([['sts', createStsHandler()]]), browserAccess: new Map(), credentials: store, publicPaths: [] };
    const server = await listenHttp('127.0.0.1', 0, async (request) => routeRequest(request, router));
    const endpoint = `http://127.0.0.1:${server.port}`;
    const withToken = new STSClient({ endpoint, region: 'us-east-1', credentials: { accessKeyId: temporary.accessKeyId, secretAccessKey: temporary.secretAccessKey, sessionToken: temporary.sessionToken } });
    const withoutToken = new STSClient({ endpoint, region: 'us-east-1', credentials: { accessKeyId: temporary.accessKeyId, secretAccessKey: temporary.secretAccessKey }, maxAttempts: 1 });
    try {
      expect((await withToken.send(new GetCallerIdentityCommand({}))).Account).toBe('123456789012');
      await expect(withoutToken.send(new GetCallerIdentityCommand({}))).rejects.toMatchObject({ name: 'InvalidClientTokenId' });
    } finally {
      withToken.destroy();
      withoutToken.destroy();
      await server.close();
    }
  });
});
