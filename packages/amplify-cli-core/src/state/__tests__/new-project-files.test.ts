import * as fs from 'fs';
import * as path from 'path';
import { cleanupTempDirs, createFixtureProject } from 'amplify-test-support';
import { writeNewProjectFiles } from '../new-project-files';

const originalCliJson = JSON.parse(fs.readFileSync(path.join(__dirname, 'fixtures', 'original-14.2.2', 'cli.json'), 'utf8'));

function readJson(root: string, file: string): unknown {
  return JSON.parse(fs.readFileSync(path.join(root, 'amplify', file), 'utf8'));
}

describe('writeNewProjectFiles', () => {
  afterEach(cleanupTempDirs);

  it("writes cli.json with exactly the original's new-project feature flags, and the two default stack tags", () => {
    const root = createFixtureProject({});
    writeNewProjectFiles(root);
    expect(readJson(root, 'cli.json')).toEqual(originalCliJson);
    expect(readJson(root, 'backend/tags.json')).toEqual(JSON.parse(fs.readFileSync(path.join(__dirname, 'fixtures', 'original-14.2.2', 'tags.json'), 'utf8')));
  });

  it('keeps a cli.json that has features and tags already there, adding only the missing default tag', () => {
    const root = createFixtureProject({
      files: {
        'cli.json': JSON.stringify({ features: { graphqltransformer: { transformerversion: 1 } } }),
        'backend/tags.json': JSON.stringify([{ Key: 'user:Stack', Value: 'mine' }, { Key: 'team', Value: 'a' }]),
      },
    });
    writeNewProjectFiles(root);
    expect(readJson(root, 'cli.json')).toEqual({ features: { graphqltransformer: { transformerversion: 1 } } });
    expect(readJson(root, 'backend/tags.json')).toEqual([
      { Key: 'user:Stack', Value: 'mine' },
      { Key: 'team', Value: 'a' },
      { Key: 'user:Application', Value: '{project-name}' },
    ]);
  });

  it('adds features to a cli.json without them, keeping its other keys', () => {
    const root = createFixtureProject({ files: { 'cli.json': JSON.stringify({ note: 'x' }) } });
    writeNewProjectFiles(root);
    expect(readJson(root, 'cli.json')).toEqual({ ...originalCliJson, note: 'x' });
  });
});
