import fs = require('fs');
import * as path from 'path';
import { cleanupTempDirs, makeTempDir, thrownAmplifyError } from 'amplify-test-support';
import { readJsonFile, writeJsonFile } from '../json-file';
import { findJsonSyntaxError } from '../json-syntax-error';

describe('readJsonFile', () => {
  afterEach(cleanupTempDirs);

  it('parses a file, skipping a byte-order mark', () => {
    const file = path.join(makeTempDir(), 'a.json');
    fs.writeFileSync(file, '\ufeff{"a": [1, 2]}');
    expect(readJsonFile(file)).toEqual({ a: [1, 2] });
  });

  it('names the file, line and column of a syntax error V8 reports without a position', () => {
    const file = path.join(makeTempDir(), 'amplify-meta.json');
    fs.writeFileSync(file, '{\n  "auth": {\n    "a": }\n}\n');
    const error = thrownAmplifyError(() => readJsonFile(file));
    expect(error.code).toBe('InvalidJson');
    expect(error.message).toBe(`${file}: Unexpected token "}" at line 3 column 10`);
    expect(error.resolution).toBe('Fix or restore the file');
  });

  it('reports a truncated file as an unexpected end at its last position', () => {
    const file = path.join(makeTempDir(), 'b.json');
    fs.writeFileSync(file, '{\n  "a": 1,\n');
    expect(thrownAmplifyError(() => readJsonFile(file)).message).toBe(`${file}: Unexpected end of JSON input at line 3 column 1`);
  });

  it('throws FileNotFound for a missing file unless told not to', () => {
    const file = path.join(makeTempDir(), 'missing.json');
    expect(thrownAmplifyError(() => readJsonFile(file)).code).toBe('FileNotFound');
    expect(readJsonFile(file, { throwIfNotExist: false })).toBeUndefined();
  });
});

describe('findJsonSyntaxError', () => {
  it.each([
    ['{"a":1}', undefined],
    ['[1, 2.5e-3, true, false, null, "x\\u00e9\\n"]', undefined],
    ['[1,]', { message: 'Unexpected token "]"', line: 1, column: 4 }],
    ['{"a":1}x', { message: 'Unexpected token "x"', line: 1, column: 8 }],
    ['{a:1}', { message: 'Unexpected token "a"', line: 1, column: 2 }],
    ['"abc', { message: 'Unexpected end of JSON input', line: 1, column: 5 }],
    ['', { message: 'Unexpected end of JSON input', line: 1, column: 1 }],
    ['[01]', { message: 'Unexpected token "1"', line: 1, column: 3 }],
    ['{"a":\n\n  tru}', { message: 'Unexpected token "}"', line: 3, column: 6 }],
  ])('%j', (text, expected) => {
    expect(findJsonSyntaxError(text)).toEqual(expected);
    // The scanner must agree with V8 on what is valid.
    if (expected === undefined) expect(() => JSON.parse(text)).not.toThrow();
    else expect(() => JSON.parse(text)).toThrow();
  });
});

describe('writeJsonFile', () => {
  afterEach(() => {
    jest.restoreAllMocks();
    cleanupTempDirs();
  });

  it('writes 2-space JSON with a trailing newline, creating parent folders', () => {
    const file = path.join(makeTempDir(), 'deep', 'er', 'c.json');
    writeJsonFile(file, { a: { b: 1 } });
    expect(fs.readFileSync(file, 'utf8')).toBe('{\n  "a": {\n    "b": 1\n  }\n}\n');
  });

  it('leaves the old content whole when the process dies between writing and renaming', () => {
    const dir = makeTempDir();
    const file = path.join(dir, 'amplify-meta.json');
    writeJsonFile(file, { version: 1 });
    // Simulate the crash at the last moment: the new bytes are on disk in the temp file, the rename never happens.
    jest.spyOn(fs, 'renameSync').mockImplementation(() => {
      throw new Error('killed');
    });
    expect(() => writeJsonFile(file, { version: 2, big: 'x'.repeat(100000) })).toThrow('killed');
    expect(readJsonFile(file)).toEqual({ version: 1 });
    // The failed attempt cleans its temp file up.
    expect(fs.readdirSync(dir)).toEqual(['amplify-meta.json']);
  });

  it('writes through a temp file in the same folder, never the target in place', () => {
    const dir = makeTempDir();
    const file = path.join(dir, 'd.json');
    const renames: Array<[string, string]> = [];
    const realRename = fs.renameSync;
    jest.spyOn(fs, 'renameSync').mockImplementation((from, to) => {
      renames.push([String(from), String(to)]);
      // At the moment of the rename the target does not exist yet and the temp file holds the whole content.
      expect(fs.existsSync(file)).toBe(false);
      expect(JSON.parse(fs.readFileSync(from, 'utf8'))).toEqual({ ok: true });
      realRename(from, to);
    });
    writeJsonFile(file, { ok: true });
    expect(renames).toHaveLength(1);
    expect(path.dirname(renames[0][0])).toBe(dir);
    expect(path.basename(renames[0][0])).toMatch(new RegExp(`^d\\.json\\.${process.pid}\\.[0-9a-f]+\\.tmp$`));
    expect(readJsonFile(file)).toEqual({ ok: true });
  });
});
