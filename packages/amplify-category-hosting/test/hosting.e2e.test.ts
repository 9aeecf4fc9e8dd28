import { CloudFrontClient, ListInvalidationsCommand } from '@aws-sdk/client-cloudfront';
import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import * as fs from 'fs';
import * as path from 'path';
import { AppSandbox } from 'amplify-test-support';

/**
 * Hosting end to end on the built binary against a local cloud: add under --yes (DEV), publish (push, build,
 * upload), the site served at its WebsiteURL, a re-publish that uploads the one changed file and removes the
 * deleted one, a failing build that uploads nothing, then PROD: CloudFront serving the same bucket, -c recorded
 * as an invalidation. Steps run in order.
 */
jest.setTimeout(180_000);
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

type Output = Record<string, string>;
const BUILD_SCRIPT = `
const fs = require('fs');
if (fs.existsSync('fail-build')) { console.error('the build is broken'); process.exit(1); }
fs.rmSync('build', { recursive: true, force: true });
fs.cpSync('site', 'build', { recursive: true });
`;

describe('hosting (built binary, local cloud)', () => {
  let sandbox: AppSandbox;
  const output = (): Output => sandbox.readJson<{ hosting: { S3AndCloudFront: { output: Output } } }>('amplify/backend/amplify-meta.json').hosting.S3AndCloudFront.output;
  const writeSite = (relative: string, content: string): void => {
    const file = path.join(sandbox.app, 'site', relative);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
  };
  const bucketListing = async (): Promise<Record<string, string>> => {
    const s3 = new S3Client(sandbox.sdkConfig);
    try {
      const listed = await s3.send(new ListObjectsV2Command({ Bucket: output().HostingBucketName }));
      return Object.fromEntries((listed.Contents ?? []).map((object) => [object.Key!, object.ETag!]));
    } finally {
      s3.destroy();
    }
  };

  beforeAll(async () => {
    sandbox = await AppSandbox.start('site');
    expect((await sandbox.init()).exitCode).toBe(0);
    const pkg = sandbox.readJson<Record<string, unknown>>('package.json');
    fs.writeFileSync(path.join(sandbox.app, 'package.json'), JSON.stringify({ ...pkg, scripts: { build: 'node build.js', start: 'node -e "require(\'fs\').writeFileSync(\'started\', \'yes\')"' } }));
    fs.writeFileSync(path.join(sandbox.app, 'build.js'), BUILD_SCRIPT);
    writeSite('index.html', '<!doctype html><title>site</title><script src="app.js"></script>');
    writeSite('app.js', 'console.log(1)');
    writeSite('styles/site.css', 'body{}');
    writeSite('old.txt', 'to be removed');
  });

  afterAll(async () => {
    await sandbox?.close();
  });

  test('add hosting --yes: S3AndCloudFront in DEV, the template and parameters written', async () => {
    const result = await sandbox.run(['add', 'hosting', '--yes']);
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
    expect(sandbox.readJson('amplify/backend/amplify-meta.json')).toMatchObject({ hosting: { S3AndCloudFront: { service: 'S3AndCloudFront', providerPlugin: 'awscloudformation' } } });
    expect(sandbox.readJson('amplify/backend/hosting/S3AndCloudFront/parameters.json').bucketName).toMatch(/^site-\d{14}-hostingbucket$/);
    const template = sandbox.readJson<{ Resources: Record<string, unknown> }>('amplify/backend/hosting/S3AndCloudFront/template.json');
    expect(Object.keys(template.Resources)).toEqual(['S3Bucket', 'PublicReadPolicy']);
    expect((await sandbox.run(['add', 'hosting', '--yes'])).exitCode).not.toBe(0);
  });

  test('publish pushes, builds, uploads every file and prints the WebsiteURL, which serves the site', async () => {
    const result = await sandbox.run(['publish', '--yes']);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('Uploaded 4 file(s), removed 0, 0 unchanged');
    const url = output().WebsiteURL;
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/_website\//);
    expect(result.stdout).toContain(url);
    const page = await fetch(url);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await page.text()).toContain('<title>site</title>');
    const css = await fetch(`${url}/styles/site.css`);
    expect([css.headers.get('content-type'), css.headers.get('cache-control')]).toEqual(['text/css; charset=utf-8', 'no-cache']);
  });

  test('a re-publish uploads only the changed file and removes the deleted one', async () => {
    writeSite('app.js', 'console.log(2)');
    fs.rmSync(path.join(sandbox.app, 'site', 'old.txt'));
    const result = await sandbox.run(['publish', '--yes']);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('Uploaded 1 file(s), removed 1, 2 unchanged');
    expect(Object.keys(await bucketListing()).sort()).toEqual(['app.js', 'index.html', 'styles/site.css']);
    expect(await (await fetch(`${output().WebsiteURL}/app.js`)).text()).toBe('console.log(2)');
  });

  test('a failing build exits non-zero and uploads nothing', async () => {
    const before = await bucketListing();
    writeSite('app.js', 'console.log(3)');
    fs.writeFileSync(path.join(sandbox.app, 'fail-build'), '');
    const result = await sandbox.run(['publish', '--yes']);
    expect(result.exitCode).not.toBe(0);
    expect(result.stderr).toContain('build');
    expect(await bucketListing()).toEqual(before);
    fs.rmSync(path.join(sandbox.app, 'fail-build'));
  });

  test('PROD: the bucket goes private behind CloudFront, which serves it with SPA routes; -c records an invalidation', async () => {
    expect((await sandbox.run(['configure', 'hosting', '--yes', '--environment', 'PROD'])).exitCode).toBe(0);
    const result = await sandbox.run(['publish', '--yes', '-c']);
    expect(result.exitCode).toBe(0);
    const out = output();
    expect(out.CloudFrontSecureURL).toBe(`https://${out.CloudFrontDomainName}`);
    expect(out.CloudFrontDomainName).toBe(`${new URL(sandbox.cloud.endpoint).host}/_cloudfront/${out.CloudFrontDistributionID}`);
    expect(result.stdout).toContain(out.CloudFrontSecureURL);
    expect(result.stdout).toMatch(/CloudFront invalidation I[A-Z0-9]{13} created/);
    // The local cloud of this branch listens on HTTP only; the distribution answers on every listener.
    const site = `http://${out.CloudFrontDomainName}/`;
    expect(await (await fetch(site)).text()).toContain('<title>site</title>');
    expect(await (await fetch(`${site}app.js`)).text()).toBe('console.log(3)');
    const route = await fetch(`${site}orders/42`);
    expect([route.status, (await route.text()).includes('<title>site</title>')]).toEqual([200, true]);
    expect((await fetch(`${sandbox.cloud.endpoint}/_website/${out.HostingBucketName}/`)).status).toBe(404);
    const cloudFront = new CloudFrontClient(sandbox.sdkConfig);
    try {
      const listed = await cloudFront.send(new ListInvalidationsCommand({ DistributionId: out.CloudFrontDistributionID }));
      expect(listed.InvalidationList?.Items?.map((item) => item.Status)).toEqual(['Completed']);
    } finally {
      cloudFront.destroy();
    }
  });

  test('console prints the bucket page and the site; remove and push drop hosting and retain the bucket with its files', async () => {
    const { HostingBucketName: bucket, CloudFrontSecureURL: url } = output();
    const printed = await sandbox.run(['hosting', 'console']);
    expect(printed.stdout).toContain(`https://s3.console.aws.amazon.com/s3/buckets/${bucket}/?region=us-east-1`);
    expect(printed.stdout).toContain(`Site: ${url}`);
    expect((await sandbox.run(['remove', 'hosting', '--yes'])).exitCode).toBe(0);
    expect((await sandbox.run(['push', '--yes'])).exitCode).toBe(0);
    expect(sandbox.readJson<Record<string, unknown>>('amplify/backend/amplify-meta.json').hosting ?? {}).toEqual({});
    const s3 = new S3Client(sandbox.sdkConfig);
    try {
      const listed = await s3.send(new ListObjectsV2Command({ Bucket: bucket }));
      expect((listed.Contents ?? []).map((object) => object.Key).sort()).toEqual(['app.js', 'index.html', 'styles/site.css']);
    } finally {
      s3.destroy();
    }
    const publish = await sandbox.run(['publish', '--yes']);
    expect(publish.exitCode).not.toBe(0);
    expect(publish.stderr).toContain('Add hosting with "amplify add hosting"');
  });

  test('run starts the app with its start command', async () => {
    const result = await sandbox.run(['run', '--yes']);
    expect(result.exitCode).toBe(0);
    expect(fs.readFileSync(path.join(sandbox.app, 'started'), 'utf8')).toBe('yes');
  });
});
