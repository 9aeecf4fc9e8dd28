import * as fs from 'fs';
import * as path from 'path';
import { makeTempDir, removeDir } from 'amplify-test-support';
import { writeFolder } from '../folder-replace';

describe('writeFolder', () => {
  let root: string;
  beforeEach(() => {
    root = makeTempDir('write-folder-');
  });
  afterEach(() => removeDir(root));

  test('the folder holds exactly the given files afterwards, nested ones included; nothing is left beside it', () => {
    const target = path.join(root, 'build');
    fs.mkdirSync(path.join(target, 'stale'), { recursive: true });
    fs.writeFileSync(path.join(target, 'stale', 'old.json'), '{}');
    writeFolder(target, { 'schema.graphql': 'type A { id: ID! }', 'stacks/A.json': '{"Resources":{}}', 'functions/x.zip': new Uint8Array([1, 2]) });
    expect((fs.readdirSync(target, { recursive: true }) as string[]).sort()).toEqual(['functions', 'functions/x.zip', 'schema.graphql', 'stacks', 'stacks/A.json']);
    expect(fs.readFileSync(path.join(target, 'stacks', 'A.json'), 'utf8')).toBe('{"Resources":{}}');
    expect(fs.readdirSync(root)).toEqual(['build']);
  });

  test('a path leaving the folder is refused and the old folder stays', () => {
    const target = path.join(root, 'build');
    fs.mkdirSync(target);
    fs.writeFileSync(path.join(target, 'keep.txt'), 'kept');
    expect(() => writeFolder(target, { 'ok.txt': 'x', '../escape.txt': 'y' })).toThrow('outside');
    expect(fs.readdirSync(target)).toEqual(['keep.txt']);
    expect(fs.existsSync(path.join(root, 'escape.txt'))).toBe(false);
    expect(fs.readdirSync(root)).toEqual(['build']);
  });
});
