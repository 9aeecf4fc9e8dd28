import fs = require('fs');
import * as path from 'path';
import { cleanupTempDirs, makeTempDir } from 'amplify-test-support';
import { pathManager } from '../../paths/path-manager';
import { replaceCurrentCloudBackend, restoreBackendFromDeployedCopy } from '../deployed-copy';
import { recoverLeftoverFolders, replaceFolder } from '../folder-replace';
import { removeLeftoverTempFiles } from '../json-file';

const text = (value: string): Uint8Array => new TextEncoder().encode(value);

function project(): string {
  const root = makeTempDir();
  fs.mkdirSync(pathManager.getBackendDirPath(root), { recursive: true });
  fs.mkdirSync(pathManager.getCurrentCloudBackendDirPath(root), { recursive: true });
  return root;
}

afterEach(cleanupTempDirs);

describe('replaceCurrentCloudBackend', () => {
  it('replaces the folder with the copy, dropping files the copy does not have and entries that escape it', () => {
    const root = project();
    const ccb = pathManager.getCurrentCloudBackendDirPath(root);
    fs.writeFileSync(path.join(ccb, 'stale.json'), '{}');
    replaceCurrentCloudBackend(root, {
      'storage/images/parameters.json': text('{"deployed":true}'),
      'function/': new Uint8Array(),
      '../escaped.txt': text('x'),
      '/abs.txt': text('x'),
    });
    expect(fs.readFileSync(path.join(ccb, 'storage', 'images', 'parameters.json'), 'utf8')).toBe('{"deployed":true}');
    expect(fs.statSync(path.join(ccb, 'function')).isDirectory()).toBe(true);
    expect(fs.existsSync(path.join(ccb, 'stale.json'))).toBe(false);
    expect(fs.existsSync(path.join(pathManager.getAmplifyDirPath(root), 'escaped.txt'))).toBe(false);
    expect(fs.readdirSync(pathManager.getAmplifyDirPath(root)).sort()).toEqual(['#current-cloud-backend', 'backend']);
  });
});

describe('restoreBackendFromDeployedCopy', () => {
  it('gives a copy without backend-config an empty one and keeps the local tags it lacks', () => {
    const root = project();
    fs.writeFileSync(pathManager.getTagsConfigFilePath(root), '[{"Key":"k","Value":"v"}]');
    fs.writeFileSync(path.join(pathManager.getBackendDirPath(root), 'old.txt'), '');
    restoreBackendFromDeployedCopy(root, { 'amplify-meta.json': text('{}') });
    expect(fs.readFileSync(pathManager.getBackendConfigFilePath(root), 'utf8')).toBe('{}\n');
    expect(fs.readFileSync(pathManager.getTagsConfigFilePath(root), 'utf8')).toBe('[{"Key":"k","Value":"v"}]');
    expect(fs.existsSync(path.join(pathManager.getBackendDirPath(root), 'old.txt'))).toBe(false);
  });

  it("takes the copy's tags over the local ones", () => {
    const root = project();
    fs.writeFileSync(pathManager.getTagsConfigFilePath(root), '[{"Key":"local","Value":"x"}]');
    restoreBackendFromDeployedCopy(root, { 'tags.json': text('[]'), 'backend-config.json': text('{"a":{}}') });
    expect(fs.readFileSync(pathManager.getTagsConfigFilePath(root), 'utf8')).toBe('[]');
    expect(fs.readFileSync(pathManager.getBackendConfigFilePath(root), 'utf8')).toBe('{"a":{}}');
  });
});

describe('replaceFolder after a killed writer', () => {
  it('leaves the old folder when filling fails', () => {
    const dir = path.join(makeTempDir(), 'backend');
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, 'a.txt'), 'old');
    expect(() =>
      replaceFolder(dir, (staged) => {
        fs.writeFileSync(path.join(staged, 'a.txt'), 'new');
        throw new Error('disk full');
      }),
    ).toThrow('disk full');
    expect(fs.readFileSync(path.join(dir, 'a.txt'), 'utf8')).toBe('old');
    expect(fs.readdirSync(path.dirname(dir))).toEqual(['backend']);
  });

  it('puts the set-aside folder back when the process died between the renames, and drops its staged copy', () => {
    const parent = makeTempDir();
    const deadPid = 999999;
    fs.mkdirSync(path.join(parent, `backend.${deadPid}.ab12.replaced`));
    fs.writeFileSync(path.join(parent, `backend.${deadPid}.ab12.replaced`, 'a.txt'), 'old');
    fs.mkdirSync(path.join(parent, `backend.${deadPid}.cd34.tmp`));
    removeLeftoverTempFiles(parent, deadPid);
    expect(fs.readdirSync(parent)).toEqual(['backend']);
    expect(fs.readFileSync(path.join(parent, 'backend', 'a.txt'), 'utf8')).toBe('old');
  });

  it('removes the set-aside folder when the new one was already in place', () => {
    const parent = makeTempDir();
    fs.mkdirSync(path.join(parent, 'backend'));
    fs.mkdirSync(path.join(parent, 'backend.999999.ab12.replaced'));
    recoverLeftoverFolders(parent);
    expect(fs.readdirSync(parent)).toEqual(['backend']);
  });

  it('leaves the folders of a live writer alone', () => {
    const parent = makeTempDir();
    fs.mkdirSync(path.join(parent, `backend.${process.ppid}.ab12.tmp`));
    recoverLeftoverFolders(parent);
    expect(fs.readdirSync(parent)).toEqual([`backend.${process.ppid}.ab12.tmp`]);
  });
});
