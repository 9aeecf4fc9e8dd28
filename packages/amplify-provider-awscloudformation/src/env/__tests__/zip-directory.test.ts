import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { unzipFiles, zipDirectory } from '../zip-directory';

let tmp: string;
beforeEach(() => (tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'provider-zip-'))));
afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('zipDirectory / unzipFiles', () => {
  it('round-trips a folder with its contents at the root of the archive', () => {
    const source = path.join(tmp, 'src');
    fs.mkdirSync(path.join(source, 'storage', 'images'), { recursive: true });
    fs.writeFileSync(path.join(source, 'amplify-meta.json'), '{"a":1}');
    fs.writeFileSync(path.join(source, 'storage', 'images', 'parameters.json'), '{}');
    const zip = zipDirectory(source);
    const entries = unzipFiles(zip);
    expect(Object.keys(entries).sort()).toEqual(['amplify-meta.json', 'storage/images/parameters.json']);
    expect(new TextDecoder().decode(entries['amplify-meta.json'])).toBe('{"a":1}');
  });

  it('round-trips empty and binary files, which zlib deflates before fflate writes the archive', () => {
    const source = path.join(tmp, 'src');
    fs.mkdirSync(source);
    const binary = Buffer.from(Array.from({ length: 70_000 }, (_, index) => (index * 7919) % 256));
    fs.writeFileSync(path.join(source, 'empty.txt'), '');
    fs.writeFileSync(path.join(source, 'data.bin'), binary);
    const entries = unzipFiles(zipDirectory(source));
    expect(entries['empty.txt'].length).toBe(0);
    expect(Buffer.from(entries['data.bin']).equals(binary)).toBe(true);
  });

  it('is a function of the files alone, so equal folders give equal zips', () => {
    fs.writeFileSync(path.join(tmp, 'f.txt'), 'x');
    const first = zipDirectory(tmp);
    fs.utimesSync(path.join(tmp, 'f.txt'), new Date(2001, 1, 1), new Date(2001, 1, 1));
    expect(Buffer.from(zipDirectory(tmp)).equals(Buffer.from(first))).toBe(true);
  });

  // Entries that would escape the folder are refused by the core's writer (deployed-copy.test.ts).
  it('leaves out excluded entries', () => {
    fs.writeFileSync(path.join(tmp, 'ok.txt'), 'y');
    fs.mkdirSync(path.join(tmp, 'node_modules'));
    fs.writeFileSync(path.join(tmp, 'node_modules', 'm.js'), '');
    const zip = zipDirectory(tmp, { exclude: (name) => name.startsWith('node_modules/') });
    expect(Object.keys(unzipFiles(zip))).toEqual(['ok.txt']);
  });
});
