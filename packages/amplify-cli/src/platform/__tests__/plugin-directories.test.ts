import * as fs from 'fs';
import * as path from 'path';
import { cleanupTempDirs, makeTempDir } from 'amplify-test-support';
import { getPluginDirectories, nodeModulesLookupPaths } from '../plugin-directories';
import { inspectPluginPackage } from '../plugin-package';

afterAll(cleanupTempDirs);

describe('plugin directories', () => {
  it('walks up like Node, never appending node_modules to a node_modules folder', () => {
    expect(nodeModulesLookupPaths('/usr/lib/node_modules/amplify-cli')).toEqual([
      '/usr/lib/node_modules/amplify-cli/node_modules',
      '/usr/lib/node_modules',
      '/usr/node_modules',
      '/node_modules',
    ]);
  });

  it('lists the CLI-local folders, then the folder beside the CLI, then the global node_modules, without duplicates', () => {
    const directories = getPluginDirectories({
      cliPackageDir: '/prefix/lib/node_modules/amplify-cli',
      env: { npm_config_prefix: '/prefix' },
      homeDir: '/home/user-that-does-not-exist',
      execPath: '/opt/node/bin/node',
      platform: 'linux',
    });
    expect(directories).toEqual([
      { source: 'cli-local-node-modules', path: '/prefix/lib/node_modules/amplify-cli/node_modules' },
      { source: 'cli-local-node-modules', path: '/prefix/lib/node_modules' },
      { source: 'cli-local-node-modules', path: '/prefix/node_modules' },
      { source: 'cli-local-node-modules', path: '/node_modules' },
    ]);
  });
});

describe('inspectPluginPackage', () => {
  it('names what is wrong with a folder that is not a usable package', () => {
    const root = makeTempDir();
    expect(inspectPluginPackage(path.join(root, 'missing'))).toMatchObject({ kind: 'problem', code: 'PluginDirPathNotExist' });
    const noPackageJson = path.join(root, 'amplify-empty');
    fs.mkdirSync(noPackageJson);
    expect(inspectPluginPackage(noPackageJson)).toMatchObject({ kind: 'problem', code: 'InvalidNodePackage' });
    const unnamed = path.join(root, 'amplify-unnamed');
    fs.mkdirSync(unnamed);
    fs.writeFileSync(path.join(unnamed, 'package.json'), '{"version": "1.0.0"}');
    expect(inspectPluginPackage(unnamed)).toMatchObject({ kind: 'problem', code: 'InvalidNodePackage', reason: expect.stringContaining('no "name" and "version"') });
    const library = path.join(root, 'amplify-library');
    fs.mkdirSync(library);
    fs.writeFileSync(path.join(library, 'package.json'), '{"name": "amplify-library", "version": "1.0.0", "amplify": {"officialPlugins": {}}}');
    expect(inspectPluginPackage(library)).toMatchObject({ kind: 'problem', code: 'MissingManifest' });
  });
});
