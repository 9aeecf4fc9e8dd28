import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { FileRollback } from '../file-rollback';

describe('FileRollback', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rollback-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('a failure puts kept files and folders back byte for byte, and removes what did not exist', async () => {
    const file = path.join(dir, 'meta.json');
    fs.writeFileSync(file, '{"a":1}');
    const folder = path.join(dir, 'cloud');
    fs.mkdirSync(path.join(folder, 'demo'), { recursive: true });
    fs.writeFileSync(path.join(folder, 'demo', 'template.json'), 'old');
    const created = path.join(dir, 'amplify');
    const rollback = new FileRollback().keepFile(file).keepDir(folder).keepDir(created);

    await expect(
      rollback.guard(async () => {
        fs.writeFileSync(file, '{"a":2}');
        fs.writeFileSync(path.join(folder, 'demo', 'template.json'), 'new');
        fs.writeFileSync(path.join(folder, 'extra.json'), '{}');
        fs.mkdirSync(path.join(created, '.config'), { recursive: true });
        throw new Error('deploy failed');
      }),
    ).rejects.toThrow('deploy failed');

    expect(fs.readFileSync(file, 'utf8')).toBe('{"a":1}');
    expect(fs.readFileSync(path.join(folder, 'demo', 'template.json'), 'utf8')).toBe('old');
    expect(fs.existsSync(path.join(folder, 'extra.json'))).toBe(false);
    expect(fs.existsSync(created)).toBe(false);
  });

  test('success keeps the new content', async () => {
    const file = path.join(dir, 'meta.json');
    const rollback = new FileRollback().keepFile(file);
    await rollback.guard(async () => fs.writeFileSync(file, 'new'));
    expect(fs.readFileSync(file, 'utf8')).toBe('new');
  });

  test('an ignored folder is not copied and stays as it is inside a kept folder; a new folder goes whole', async () => {
    const backend = path.join(dir, 'backend');
    const fn = path.join(backend, 'function', 'worker');
    fs.mkdirSync(path.join(fn, 'src', 'node_modules', 'dep'), { recursive: true });
    fs.writeFileSync(path.join(fn, 'src', 'index.js'), 'old');
    fs.writeFileSync(path.join(fn, 'src', 'node_modules', 'dep', 'index.js'), 'dep');
    const rollback = new FileRollback().keepDir(backend, { ignore: ['node_modules'] });

    await expect(
      rollback.guard(async () => {
        fs.writeFileSync(path.join(fn, 'src', 'index.js'), 'new');
        fs.writeFileSync(path.join(fn, 'src', 'node_modules', 'dep', 'added.js'), 'installed');
        fs.mkdirSync(path.join(backend, 'function', 'other', 'src', 'node_modules'), { recursive: true });
        fs.writeFileSync(path.join(backend, 'function', 'other', 'src', 'node_modules', 'x.js'), 'x');
        fs.writeFileSync(path.join(backend, 'backend-config.json'), '{}');
        throw new Error('add failed');
      }),
    ).rejects.toThrow('add failed');

    expect(fs.readFileSync(path.join(fn, 'src', 'index.js'), 'utf8')).toBe('old');
    expect(fs.readdirSync(path.join(fn, 'src', 'node_modules', 'dep')).sort()).toEqual(['added.js', 'index.js']);
    expect(fs.readdirSync(backend)).toEqual(['function']);
    expect(fs.readdirSync(path.join(backend, 'function'))).toEqual(['worker']);
  });
});
