import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { zipSync } from 'fflate';
import { ArchiveRefusedError, unpackSiteArchive } from '../site-archive';

let root: string;

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'site-archive-'));
});

afterEach(() => {
  fs.rmSync(root, { recursive: true, force: true });
});

const text = (value: string) => new TextEncoder().encode(value);
const zipOf = (files: Record<string, Uint8Array | [Uint8Array, { os: number; attrs: number }]>) => Buffer.from(zipSync(files));

test('a zip of nested files is unpacked as it is', () => {
  const target = path.join(root, 'site');
  const result = unpackSiteArchive(zipOf({ 'index.html': text('<h1>hi</h1>'), 'assets/app.js': text('go()'), 'assets/': new Uint8Array() }), target);
  expect(result).toEqual({ files: 2, bytes: 15 });
  expect(fs.readFileSync(path.join(target, 'index.html'), 'utf8')).toBe('<h1>hi</h1>');
  expect(fs.readFileSync(path.join(target, 'assets', 'app.js'), 'utf8')).toBe('go()');
});

test.each([
  ['../evil.txt', "leaves the archive root with '..'"],
  ['a/../../evil.txt', "leaves the archive root with '..'"],
  ['/etc/evil.txt', 'is an absolute path'],
  ['C:/evil.txt', 'is an absolute path'],
  ['a\\..\\evil.txt', 'contains a backslash'],
  ['a//b.txt', 'has an empty or "." path segment'],
])('the entry %j is refused before anything is written', (name, reason) => {
  const target = path.join(root, 'site');
  const zip = zipOf({ 'index.html': text('ok'), [name]: text('evil') });
  expect(() => unpackSiteArchive(zip, target)).toThrow(ArchiveRefusedError);
  expect(() => unpackSiteArchive(zip, target)).toThrow(reason);
  expect(fs.existsSync(target)).toBe(false);
  expect(fs.readdirSync(root)).toEqual([]);
});

test('a symbolic link entry is refused', () => {
  const link: [Uint8Array, { os: number; attrs: number }] = [text('/etc/passwd'), { os: 3, attrs: (0o120777 << 16) >>> 0 }];
  const zip = zipOf({ 'index.html': text('ok'), 'passwd': link });
  expect(() => unpackSiteArchive(zip, path.join(root, 'site'))).toThrow('"passwd" is a symbolic link');
  expect(fs.existsSync(path.join(root, 'site'))).toBe(false);
});

test('something that is not a zip is refused with a reason', () => {
  expect(() => unpackSiteArchive(Buffer.from('not a zip at all, just text that is long enough'), path.join(root, 'site'))).toThrow('not a zip file');
});
