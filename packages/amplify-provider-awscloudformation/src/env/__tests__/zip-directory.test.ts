import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { zipSync } from 'fflate';
import { unzipToDirectory, zipDirectory } from '../zip-directory';

let tmp: string;
beforeEach(() => (tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'provider-zip-'))));
afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('zipDirectory / unzipToDirectory', () => {
  it('round-trips a folder with its contents at the root of the archive', () => {
    const source = path.join(tmp, 'src');
    fs.mkdirSync(path.join(source, 'storage', 'images'), { recursive: true });
    fs.writeFileSync(path.join(source, 'amplify-meta.json'), '{"a":1}');
    fs.writeFileSync(path.join(source, 'storage', 'images', 'parameters.json'), '{}');
    const zip = zipDirectory(source);
    const target = path.join(tmp, 'out');
    fs.mkdirSync(target);
    fs.writeFileSync(path.join(target, 'stale.txt'), 'old');
    unzipToDirectory(zip, target);
    expect(fs.readFileSync(path.join(target, 'amplify-meta.json'), 'utf8')).toBe('{"a":1}');
    expect(fs.existsSync(path.join(target, 'storage', 'images', 'parameters.json'))).toBe(true);
    expect(fs.existsSync(path.join(target, 'stale.txt'))).toBe(false);
  });

  it('round-trips empty and binary files, which zlib deflates before fflate writes the archive', () => {
    const source = path.join(tmp, 'src');
    fs.mkdirSync(source);
    const binary = Buffer.from(Array.from({ length: 70_000 }, (_, index) => (index * 7919) % 256));
    fs.writeFileSync(path.join(source, 'empty.txt'), '');
    fs.writeFileSync(path.join(source, 'data.bin'), binary);
    const target = path.join(tmp, 'out');
    unzipToDirectory(zipDirectory(source), target);
    expect(fs.readFileSync(path.join(target, 'empty.txt')).length).toBe(0);
    expect(fs.readFileSync(path.join(target, 'data.bin')).equals(binary)).toBe(true);
  });

  it('is a function of the files alone, so equal folders give equal zips', () => {
    fs.writeFileSync(path.join(tmp, 'f.txt'), 'x');
    const first = zipDirectory(tmp);
    fs.utimesSync(path.join(tmp, 'f.txt'), new Date(2001, 1, 1), new Date(2001, 1, 1));
    expect(Buffer.from(zipDirectory(tmp)).equals(Buffer.from(first))).toBe(true);
  });

  it('leaves out excluded entries and refuses entries that escape the folder', () => {
    const evil = zipSync({ '../escaped.txt': new TextEncoder().encode('x'), 'ok.txt': new TextEncoder().encode('y') });
    const target = path.join(tmp, 'out');
    unzipToDirectory(evil, target);
    expect(fs.existsSync(path.join(tmp, 'escaped.txt'))).toBe(false);
    expect(fs.readFileSync(path.join(target, 'ok.txt'), 'utf8')).toBe('y');
    fs.mkdirSync(path.join(tmp, 'node_modules'));
    fs.writeFileSync(path.join(tmp, 'node_modules', 'm.js'), '');
    const zip = zipDirectory(tmp, { exclude: (name) => name.startsWith('node_modules/') });
    const listed = path.join(tmp, 'listed');
    unzipToDirectory(zip, listed);
    expect(fs.existsSync(path.join(listed, 'node_modules'))).toBe(false);
  });
});
