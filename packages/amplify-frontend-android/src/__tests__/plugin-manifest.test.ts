import * as fs from 'fs';
import * as path from 'path';
import { inspectFrontendPluginPackage, makeTempDir, removeDir } from 'amplify-test-support';
import * as plugin from '../index';

describe('the android plugin as the platform discovers it', () => {
  it('declares a valid frontend manifest that matches its package name and is shipped, and exports the frontend contract', () => {
    const { manifest, problems } = inspectFrontendPluginPackage(path.join(__dirname, '..', '..'), plugin.constants.Label, plugin);
    expect(problems).toEqual([]);
    expect(manifest).toMatchObject({ name: 'android', type: 'frontend' });
  });
});

describe('inspectFrontendPluginPackage', () => {
  let root: string;
  beforeEach(() => {
    root = makeTempDir('amplify-frontend-package-');
  });
  afterEach(() => removeDir(root));

  const writePackage = (pkg: object, manifest: object) => {
    fs.writeFileSync(path.join(root, 'package.json'), JSON.stringify(pkg));
    fs.writeFileSync(path.join(root, 'amplify-plugin.json'), JSON.stringify(manifest));
  };

  it('reports a missing contract function, an unshipped manifest, another name and a type the package name contradicts', () => {
    writePackage({ name: 'amplify-frontend-android', files: ['lib'] }, { name: 'ios', type: 'category' });
    const { init, ...withoutInit } = plugin;
    expect(typeof init).toBe('function');
    expect(inspectFrontendPluginPackage(root, 'android', withoutInit).problems).toEqual([
      'the main module does not export the function init',
      'package.json "files" does not ship amplify-plugin.json',
      'the manifest names "ios", the frontend calls itself "android"',
      'the manifest declares type "category", not "frontend"',
      'package amplify-frontend-android is a frontend plugin by its name but its manifest declares type "category"',
    ]);
  });

  it('reports the schema errors of an invalid manifest, without a manifest', () => {
    writePackage({ name: 'amplify-frontend-android', files: ['amplify-plugin.json'] }, { type: 'frontend' });
    const inspected = inspectFrontendPluginPackage(root, 'android', plugin);
    expect(inspected.manifest).toBeUndefined();
    expect(inspected.problems).toHaveLength(1);
    expect(inspected.problems[0]).toContain('name');
  });
});
