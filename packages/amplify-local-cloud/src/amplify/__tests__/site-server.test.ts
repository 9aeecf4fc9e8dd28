import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { applyRule, serveSite, type SiteRule } from '../site-server';

let site: string;

beforeAll(() => {
  site = fs.mkdtempSync(path.join(os.tmpdir(), 'site-server-'));
  fs.writeFileSync(path.join(site, 'index.html'), '<h1>home</h1>');
  fs.mkdirSync(path.join(site, 'docs'));
  fs.writeFileSync(path.join(site, 'docs', 'index.html'), '<h1>docs</h1>');
  fs.writeFileSync(path.join(site, 'app.css'), 'body{}');
  fs.writeFileSync(path.join(site, '404.html'), 'missing');
});

afterAll(() => {
  fs.rmSync(site, { recursive: true, force: true });
});

const spa: SiteRule = { source: '/<*>', target: '/index.html', status: '404-200' };
const bodyOf = (response: ReturnType<typeof serveSite>) => String(response.body);

test('files, folder index pages and content types', () => {
  expect(bodyOf(serveSite(site, '', [], 'GET'))).toBe('<h1>home</h1>');
  expect(bodyOf(serveSite(site, 'docs/', [], 'GET'))).toBe('<h1>docs</h1>');
  const css = serveSite(site, 'app.css', [], 'GET');
  expect(css.headers?.['Content-Type']).toBe('text/css; charset=utf-8');
  expect(serveSite(site, 'nothing.html', [], 'GET').status).toBe(404);
  expect(serveSite(site, 'app.css', [], 'POST').status).toBe(405);
  expect(serveSite(site, 'app.css', [], 'HEAD').body).toBeUndefined();
});

test('paths that would leave the site are not found, never read', () => {
  expect(serveSite(site, '..%2F..%2Fetc%2Fpasswd', [], 'GET').status).toBe(404);
  expect(serveSite(site, '%2e%2e/%2e%2e/etc/passwd', [], 'GET').status).toBe(404);
  expect(serveSite(site, 'a%00b', [], 'GET').status).toBe(404);
});

test('the default SPA rule answers unknown paths with the index page, and leaves real files alone', () => {
  const route = serveSite(site, 'users/42', [spa], 'GET');
  expect(route.status).toBe(200);
  expect(bodyOf(route)).toBe('<h1>home</h1>');
  expect(bodyOf(serveSite(site, 'app.css', [spa], 'GET'))).toBe('body{}');
});

test('redirects, rewrites, 404 pages and regex sources', () => {
  const redirect = serveSite(site, 'old/page', [{ source: '/old/<page>', target: '/new/<page>', status: '301' }], 'GET');
  expect(redirect).toEqual({ status: 301, headers: { Location: '/new/page' } });
  expect(bodyOf(serveSite(site, 'styles', [{ source: '/styles', target: '/app.css', status: '200' }], 'GET'))).toBe('body{}');
  const missing = serveSite(site, 'gone', [{ source: '/<*>', target: '/404.html', status: '404' }], 'GET');
  expect(missing.status).toBe(404);
  expect(bodyOf(missing)).toBe('missing');
  const regex = { source: '</^[^.]+$|\\.(?!(css|js)$)([^.]+$)/>', target: '/index.html', status: '200' };
  expect(applyRule(regex, '/deep/link')).toBe('/index.html');
  expect(applyRule(regex, '/app.css')).toBeUndefined();
});
