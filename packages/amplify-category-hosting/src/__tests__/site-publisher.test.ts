import { createHash } from 'crypto';
import type { HostingCloud } from '../service/hosting-cloud';
import { cacheControlFor, contentTypeFor, type SiteFile } from '../service/site-files';
import { publishSite } from '../service/site-publisher';

/** A bucket in memory at the HostingCloud seam, recording the calls. */
class MemoryCloud implements HostingCloud {
  readonly objects = new Map<string, { etag: string; contentType: string; cacheControl: string }>();
  readonly calls: string[] = [];
  failOn?: string;
  async listObjects(): Promise<Map<string, string>> {
    return new Map([...this.objects].map(([key, object]) => [key, `"${object.etag}"`]));
  }
  async putObject(_bucket: string, file: SiteFile): Promise<void> {
    if (file.key === this.failOn) throw new Error(`upload of ${file.key} failed`);
    this.calls.push(`put ${file.key}`);
    this.objects.set(file.key, { etag: file.md5, contentType: file.contentType, cacheControl: file.cacheControl });
  }
  async deleteObjects(_bucket: string, keys: string[]): Promise<void> {
    this.calls.push(`delete ${keys.join(',')}`);
    for (const key of keys) this.objects.delete(key);
  }
  async invalidateAll(distributionId: string): Promise<string> {
    this.calls.push(`invalidate ${distributionId}`);
    return 'I123';
  }
  close(): void {}
}

const site = (files: Record<string, string>): SiteFile[] =>
  Object.entries(files).map(([key, content]) => ({ key, filePath: key, md5: createHash('md5').update(content).digest('hex'), size: content.length, contentType: contentTypeFor(key), cacheControl: cacheControlFor(key) }));
const dev = { HostingBucketName: 'site-dev', WebsiteURL: 'http://127.0.0.1:4581/_website/site-dev' };
const prod = { HostingBucketName: 'site-dev', CloudFrontDistributionID: 'E1', CloudFrontSecureURL: 'https://127.0.0.1:4582/_cloudfront/E1' };


test('first publish uploads everything (index last); a re-publish with one change uploads that file and removes what went', async () => {
  const cloud = new MemoryCloud();
  const first = await publishSite({ site: site({ 'index.html': 'v1', 'a.js': 'a', 'b.css': 'b' }), outputs: dev, indexDocument: 'index.html', invalidate: false, cloud });
  expect(first).toEqual({ url: dev.WebsiteURL, uploaded: ['a.js', 'b.css', 'index.html'], deleted: [], unchanged: 0, warnings: [] });
  expect(cloud.calls[cloud.calls.length - 1]).toBe('put index.html');
  cloud.calls.length = 0;
  const second = await publishSite({ site: site({ 'index.html': 'v1', 'a.js': 'a2' }), outputs: dev, indexDocument: 'index.html', invalidate: false, cloud });
  expect(second).toMatchObject({ uploaded: ['a.js'], deleted: ['b.css'], unchanged: 1 });
  expect(cloud.calls).toEqual(['put a.js', 'delete b.css']);
  expect(cloud.objects.get('a.js')).toEqual({ etag: expect.any(String), contentType: 'application/javascript; charset=utf-8', cacheControl: 'no-cache' });
});

test('PROD answers the CloudFront URL and invalidates when asked; DEV warns that there is nothing to invalidate', async () => {
  const cloud = new MemoryCloud();
  const result = await publishSite({ site: site({ 'index.html': 'x' }), outputs: prod, indexDocument: 'index.html', invalidate: true, cloud });
  expect(result).toMatchObject({ url: prod.CloudFrontSecureURL, invalidationId: 'I123' });
  expect(cloud.calls).toContain('invalidate E1');
  const devResult = await publishSite({ site: site({ 'index.html': 'x' }), outputs: dev, indexDocument: 'index.html', invalidate: true, cloud: new MemoryCloud() });
  expect(devResult.invalidationId).toBeUndefined();
  expect(devResult.warnings).toEqual([expect.stringContaining('no CloudFront distribution to invalidate')]);
});

test('a site without its index document is published with a warning; undeployed hosting is refused', async () => {
  const result = await publishSite({ site: site({ 'app.html': 'x' }), outputs: dev, indexDocument: 'index.html', invalidate: false, cloud: new MemoryCloud() });
  expect(result.warnings).toEqual(['The site has no index.html, the page its root URL serves']);
  await expect(publishSite({ site: site({ 'index.html': 'x' }), outputs: {}, indexDocument: 'index.html', invalidate: false, cloud: new MemoryCloud() })).rejects.toMatchObject({
    code: 'HostingNotDeployed',
  });
});

test('a failed upload stops before the index document and before any deletion', async () => {
  const cloud = new MemoryCloud();
  cloud.objects.set('old.js', { etag: 'x', contentType: '', cacheControl: '' });
  cloud.failOn = 'a.js';
  await expect(publishSite({ site: site({ 'index.html': 'v', 'a.js': 'a' }), outputs: dev, indexDocument: 'index.html', invalidate: false, cloud })).rejects.toThrow('upload of a.js failed');
  expect(cloud.calls).toEqual([]);
  expect(cloud.objects.has('old.js')).toBe(true);
});

test('after a failed upload no further file starts, and the failure is thrown once the uploads in flight are done', async () => {
  const cloud = new MemoryCloud();
  cloud.failOn = 'f01.js';
  const files = Object.fromEntries(Array.from({ length: 20 }, (_, index) => [`f${String(index).padStart(2, '0')}.js`, `${index}`]));
  await expect(publishSite({ site: site(files), outputs: dev, indexDocument: 'index.html', invalidate: false, cloud, concurrency: 2 })).rejects.toThrow('upload of f01.js failed');
  expect(cloud.calls.length).toBeLessThanOrEqual(2);
});
