import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { assertWritableFolder, folderWriteProblem } from '../writable-folder';

describe('writable folders', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'writable-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('accepts an existing folder and one that can be created, leaving nothing behind', () => {
    expect(folderWriteProblem(dir)).toBeUndefined();
    expect(folderWriteProblem(path.join(dir, 'amplify', '.config'))).toBeUndefined();
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('refuses a folder that would have to be made under a file (even for root), naming the file', () => {
    fs.writeFileSync(path.join(dir, 'home'), '');
    expect(folderWriteProblem(path.join(dir, 'home', '.amplify'))).toBe(`${path.join(dir, 'home')} is a file, not a folder`);
    expect(() => assertWritableFolder(path.join(dir, 'home', '.amplify'), 'access keys', 'Set AMPLIFY_HOME')).toThrow(
      expect.objectContaining({
        code: 'FolderNotWritable',
        message: `Cannot write access keys to ${path.join(dir, 'home', '.amplify')}: ${path.join(dir, 'home')} is a file, not a folder`,
        resolution: 'Set AMPLIFY_HOME',
      }),
    );
  });
});
