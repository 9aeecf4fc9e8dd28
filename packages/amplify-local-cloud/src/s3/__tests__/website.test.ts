import { CreateBucketCommand, PutBucketWebsiteCommand, PutObjectCommand, DeleteBucketWebsiteCommand } from '@aws-sdk/client-s3';
import { rawRequest, useTestCloud } from '../../__tests__/test-cloud';

const Bucket = 'site-bucket';
const t = useTestCloud({ buckets: [Bucket] });
beforeAll(async () => {
  await t.s3.send(new PutBucketWebsiteCommand({ Bucket, WebsiteConfiguration: { IndexDocument: { Suffix: 'index.html' }, ErrorDocument: { Key: 'error.html' } } }));
  const files: [string, string, string][] = [
    ['index.html', '<h1>home</h1>', 'text/html'],
    ['error.html', '<h1>oops</h1>', 'text/html'],
    ['docs/index.html', '<h1>docs</h1>', 'text/html'],
    ['app.js', 'console.log(1)', 'application/javascript'],
  ];
  for (const [Key, Body, ContentType] of files) {
    await t.s3.send(new PutObjectCommand({ Bucket, Key, Body, ContentType }));
  }
});

const site = () => `${t.cloud.endpoint}/_website/${Bucket}`;

describe('bucket websites', () => {
  it('serves objects without authentication, with their content types', async () => {
    const index = await rawRequest(`${site()}/`);
    expect(index.status).toBe(200);
    expect(index.body).toBe('<h1>home</h1>');
    expect(index.headers['content-type']).toBe('text/html');
    const script = await rawRequest(`${site()}/app.js`);
    expect(script.body).toBe('console.log(1)');
    expect(script.headers['content-type']).toBe('application/javascript');
  });

  it('serves folder index documents and redirects the bare site and folder URLs to their slash form', async () => {
    expect((await rawRequest(`${site()}/docs/`)).body).toBe('<h1>docs</h1>');
    const folder = await rawRequest(`${site()}/docs`);
    expect(folder.status).toBe(302);
    expect(folder.headers.location).toBe(`/_website/${Bucket}/docs/`);
    const root = await rawRequest(site());
    expect(root.status).toBe(302);
    expect(root.headers.location).toBe(`/_website/${Bucket}/`);
  });

  it('answers a missing page with the error document and status 404', async () => {
    const missing = await rawRequest(`${site()}/no/such/page.html`);
    expect(missing.status).toBe(404);
    expect(missing.body).toBe('<h1>oops</h1>');
  });

  it('answers an object website redirect location and a bucket-wide RedirectAllRequestsTo with 301', async () => {
    await t.s3.send(new PutObjectCommand({ Bucket, Key: 'old.html', Body: 'moved', WebsiteRedirectLocation: '/_website/site-bucket/new.html' }));
    const moved = await rawRequest(`${site()}/old.html`);
    expect(moved.status).toBe(301);
    expect(moved.headers.location).toBe('/_website/site-bucket/new.html');
    await t.s3.send(new CreateBucketCommand({ Bucket: 'www-redirect-bucket' }));
    await t.s3.send(new PutBucketWebsiteCommand({ Bucket: 'www-redirect-bucket', WebsiteConfiguration: { RedirectAllRequestsTo: { HostName: 'example.com', Protocol: 'https' } } }));
    const all = await rawRequest(`${t.cloud.endpoint}/_website/www-redirect-bucket/a/b.html?x=1`);
    expect(all.status).toBe(301);
    expect(all.headers.location).toBe('https://example.com/a/b.html');
  });

  it('stops serving when the website configuration is removed, and allows only GET and HEAD', async () => {
    await t.s3.send(new DeleteBucketWebsiteCommand({ Bucket }));
    const after = await rawRequest(`${site()}/`);
    expect(after.status).toBe(404);
    expect(after.body).toContain('NoSuchWebsiteConfiguration');
    const post = await rawRequest(`${site()}/`, { method: 'POST' });
    expect(post.status).toBe(405);
  });
});
