import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { amplifyBlock, removeAmplifyBlock, updateGitIgnore } from '../init/gitignore-block';

describe('.gitignore block', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gitignore-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('creates the file with the block when there is none', () => {
    const file = path.join(dir, '.gitignore');
    updateGitIgnore(file);
    const text = fs.readFileSync(file, 'utf8');
    expect(text).toBe(`${amplifyBlock()}\n`);
    expect(text.split('\n')).toEqual(expect.arrayContaining(['amplify/\\#current-cloud-backend', 'amplify/.config/local-*', 'aws-exports.js']));
  });

  test('keeps the user lines and replaces an earlier block instead of adding a second one', () => {
    const file = path.join(dir, '.gitignore');
    fs.writeFileSync(file, 'node_modules\n.env\n');
    updateGitIgnore(file);
    updateGitIgnore(file);
    const text = fs.readFileSync(file, 'utf8');
    expect(text.startsWith('node_modules\n.env\n\n#amplify-do-not-edit-begin')).toBe(true);
    expect(text.match(/#amplify-do-not-edit-begin/g)).toHaveLength(1);
  });

  test('recognises the E1 block (a #amplify line up to the next blank line)', () => {
    const old = 'dist\n\n#amplify\namplify/\\#current-cloud-backend\namplify/.config/local-*\n\ncoverage\n';
    expect(removeAmplifyBlock(old)).toBe('dist\n\ncoverage');
  });
});
