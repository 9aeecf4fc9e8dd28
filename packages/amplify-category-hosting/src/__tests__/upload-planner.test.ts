import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { publishIgnoreMatcher } from '../service/publish-ignore';
import { cacheControlFor, contentTypeFor, scanSite, type SiteFile } from '../service/site-files';
import { planUpload } from '../service/upload-planner';

const md5 = (text: string): string => createHash('md5').update(text).digest('hex');
const file = (key: string, content: string): SiteFile => ({ key, filePath: `/site/${key}`, md5: md5(content), size: content.length, contentType: contentTypeFor(key), cacheControl: cacheControlFor(key) });

describe('upload planner', () => {
  const site = [file('assets/app.js', 'run()'), file('index.html', '<h1>v2</h1>'), file('logo.svg', '<svg/>')];

  test('an empty bucket gets every file, the index document last', () => {
    const plan = planUpload([file('index.html', 'x'), ...site.filter((f) => f.key !== 'index.html')], new Map(), 'index.html');
    expect(plan.uploads.map((f) => f.key)).toEqual(['assets/app.js', 'logo.svg', 'index.html']);
    expect([plan.deletions, plan.unchanged]).toEqual([[], 0]);
  });

  test('only files whose MD5 differs from the ETag are uploaded; objects the site lost are deleted', () => {
    const bucket = new Map([
      ['assets/app.js', `"${md5('run()')}"`],
      ['index.html', `"${md5('<h1>v1</h1>')}"`],
      ['logo.svg', md5('<svg/>').toUpperCase()],
      ['old/page.html', `"${md5('gone')}"`],
    ]);
    const plan = planUpload(site, bucket, 'index.html');
    expect(plan.uploads.map((f) => f.key)).toEqual(['index.html']);
    expect(plan.deletions).toEqual(['old/page.html']);
    expect(plan.unchanged).toBe(2);
  });

  test('a multipart ETag never matches, so such an object is uploaded again', () => {
    expect(planUpload([file('video.mp4', 'v')], new Map([['video.mp4', `"${md5('v')}-2"`]]), 'index.html').uploads).toHaveLength(1);
  });
});

describe('content types and cache headers', () => {
  test.each([
    ['index.html', 'text/html; charset=utf-8'],
    ['assets/app.js', 'application/javascript; charset=utf-8'],
    ['styles/site.css', 'text/css; charset=utf-8'],
    ['logo.svg', 'image/svg+xml'],
    ['photo.JPG', 'image/jpeg'],
    ['data.json', 'application/json; charset=utf-8'],
    ['font.woff2', 'font/woff2'],
    ['LICENSE', 'text/plain; charset=utf-8'],
  ])('%s is %s', (key, type) => {
    expect(contentTypeFor(key)).toBe(type);
  });

  test('hashed names are immutable for a year; HTML and plain names are revalidated', () => {
    expect(cacheControlFor('assets/app-4F2KQ7ZD.js')).toBe('public, max-age=31536000, immutable');
    expect(cacheControlFor('static/main.3b9c1e07.css')).toBe('public, max-age=31536000, immutable');
    expect(cacheControlFor('index.html')).toBe('no-cache');
    expect(cacheControlFor('assets/settings.js')).toBe('no-cache');
    expect(cacheControlFor('page-4F2KQ7ZD.html')).toBe('no-cache');
  });
});

describe('site scan and publish ignore', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hosting-site-'));
    for (const [name, content] of Object.entries({ 'index.html': 'home', 'app.js': 'run()', 'app.js.map': '{}', 'drafts/a.html': 'a', 'img/x/logo.png': 'png', '.DS_Store': '' })) {
      fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      fs.writeFileSync(path.join(dir, name), content);
    }
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('every file with its key, MD5 and type, in key order, ignored ones left out', () => {
    const files = scanSite(dir, publishIgnoreMatcher(['*.map', 'drafts', '.DS_Store']));
    expect(files.map((f) => f.key)).toEqual(['app.js', 'img/x/logo.png', 'index.html']);
    expect(files[2]).toMatchObject({ md5: md5('home'), size: 4, contentType: 'text/html; charset=utf-8', cacheControl: 'no-cache' });
  });

  test('patterns: a slash anchors at the root, ** spans folders, ? is one character', () => {
    const ignored = publishIgnoreMatcher(['img/**/*.png', '/app.j?', '# a comment', '']);
    expect(ignored('img/x/logo.png')).toBe(true);
    expect(ignored('img/logo.png')).toBe(true);
    expect(ignored('other/img/logo.png')).toBe(false);
    expect(ignored('app.js')).toBe(true);
    expect(ignored('app.js.map')).toBe(false);
    expect(ignored('index.html')).toBe(false);
  });

  test('a missing or empty folder fails naming it', () => {
    expect(() => scanSite(path.join(dir, 'nope'), () => false)).toThrow(/nope does not exist/);
    expect(() => scanSite(dir, () => true)).toThrow('has no files to publish');
  });
});
