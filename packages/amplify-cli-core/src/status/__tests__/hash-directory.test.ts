import * as fs from 'fs';
import * as path from 'path';
import { cleanupTempDirs, makeTempDir } from 'amplify-test-support';
import { hashDirectory } from '../hash-directory';

function tree(files: Record<string, string>): string {
  const dir = makeTempDir();
  for (const [rel, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), content);
  }
  return dir;
}

describe('hashDirectory', () => {
  afterEach(cleanupTempDirs);
  const base = { 'template.json': '{}', 'src/index.js': 'exports.handler = 1', 'parameters.json': '{"a":1}' };

  it('is a sha256 that does not depend on where the folder is or the order files were created', () => {
    const a = tree(base);
    const b = tree({ 'parameters.json': '{"a":1}', 'src/index.js': 'exports.handler = 1', 'template.json': '{}' });
    expect(hashDirectory(a)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashDirectory(a)).toBe(hashDirectory(b));
  });

  it.each([
    ['an edit', { ...base, 'template.json': '{ }' }],
    ['a new file', { ...base, 'extra.txt': '' }],
    ['a rename', { 'template.json': '{}', 'src/main.js': 'exports.handler = 1', 'parameters.json': '{"a":1}' }],
    ['moving bytes between files', { ...base, 'template.json': '{}{', 'parameters.json': '"a":1}' }],
  ])('changes with %s', (_label, changed) => {
    expect(hashDirectory(tree(changed))).not.toBe(hashDirectory(tree(base)));
  });

  it('ignores node_modules, dist, build, test_coverage and hidden folders', () => {
    const withOutputs = tree({
      ...base,
      'src/node_modules/x/index.js': '1',
      'dist/latest-build.zip': 'zip',
      'build/schema.graphql': 'type A',
      'test_coverage/lcov.info': '',
      '.temp/x': '',
      'src/.cache/y': '',
    });
    expect(hashDirectory(withOutputs)).toBe(hashDirectory(tree(base)));
  });

  it('returns undefined for a missing folder', () => {
    expect(hashDirectory(path.join(makeTempDir(), 'nope'))).toBeUndefined();
  });
});
