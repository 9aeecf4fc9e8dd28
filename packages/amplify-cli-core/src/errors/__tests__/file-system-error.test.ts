import * as fs from 'fs';
import * as path from 'path';
import { cleanupTempDirs, makeTempDir } from 'amplify-test-support';
import { fileSystemError } from '../file-system-error';
import { printable } from '../../utils/printable';

afterEach(cleanupTempDirs);

function failure(call: () => unknown): unknown {
  try {
    call();
  } catch (error) {
    return error;
  }
  throw new Error('the call did not fail');
}

describe('fileSystemError', () => {
  it('names the file that stands where a folder belongs', () => {
    const root = makeTempDir();
    fs.writeFileSync(path.join(root, 'backend'), 'not a folder');
    const error = fileSystemError(failure(() => fs.readFileSync(path.join(root, 'backend', 'amplify-meta.json'))));
    expect(error?.code).toBe('FileWhereFolderBelongs');
    expect(error?.message).toBe(`${path.join(root, 'backend')} is a file where a folder belongs (needed to open ${path.join(root, 'backend', 'amplify-meta.json')})`);
    expect(error?.resolution).toContain(`Move or remove the file ${path.join(root, 'backend')}`);
  });

  it('names a path that is too long, shortened, and a missing file', () => {
    const root = makeTempDir();
    const long = path.join(root, 'x'.repeat(300));
    const tooLong = fileSystemError(failure(() => fs.mkdirSync(long)));
    expect(tooLong?.code).toBe('PathTooLong');
    expect(tooLong?.message).toMatch(/^Cannot create the folder .{100}…: the path is too long for the file system \(ENAMETOOLONG\)$/);
    const missing = fileSystemError(failure(() => fs.readFileSync(path.join(root, 'gone.json'))));
    expect(missing?.message).toBe(`Cannot open ${path.join(root, 'gone.json')}: it does not exist`);
  });

  it.each([
    ['EACCES', /permission denied \(EACCES\)/],
    ['EPERM', /permission denied \(EPERM\)/],
    ['EROFS', /the file system is read-only \(EROFS\)/],
    ['ENOSPC', /no space left on the device/],
  ])('names %s with the path', (code, message) => {
    const error = Object.assign(new Error(`${code}: failed`), { code, syscall: 'open', path: '/p/amplify/.config/.lock' });
    const named = fileSystemError(error);
    expect(named?.message).toMatch(message);
    expect(named?.message).toContain('/p/amplify/.config/.lock');
    expect(named?.cause).toBe(error);
  });

  it('leaves other errors alone', () => {
    expect(fileSystemError(new Error('plain'))).toBeUndefined();
    expect(fileSystemError(Object.assign(new Error('no path'), { code: 'EACCES' }))).toBeUndefined();
    expect(fileSystemError(Object.assign(new Error('socket'), { code: 'ECONNREFUSED', path: '/x' }))).toBeUndefined();
  });
});

describe('printable', () => {
  it('escapes control characters and keeps the rest', () => {
    expect(printable('qa\u001b[31mred\u0007 ok\tü')).toBe('qa\\u001b[31mred\\u0007 ok\tü');
  });
});
