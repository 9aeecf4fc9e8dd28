import * as fs from 'fs';
import * as path from 'path';
import { cleanupTempDirs, writePackage } from 'amplify-test-support';
import { FakeMachine, makeFakeMachine } from '../../__tests__/helpers/fixtures';
import { loadPluginPlatform, PluginPlatformOptions, pluginCacheFilePath } from '../plugin-platform-loader';

afterEach(cleanupTempDirs);

function options(machine: FakeMachine): PluginPlatformOptions {
  return {
    env: { npm_config_prefix: machine.globalPrefix },
    homeDir: machine.home,
    homeDotAmplifyDir: path.join(machine.home, '.amplify'),
    execPath: path.join(machine.root, 'node', 'bin', 'node'),
    platform: 'linux',
    cliPackageDir: machine.cliDir,
  };
}

const tools = { name: 'tools', type: 'util', commands: ['lint'] };

function activeVersions(machine: FakeMachine): Record<string, string[]> {
  const { cache } = loadPluginPlatform(options(machine));
  const versions: Record<string, string[]> = {};
  for (const [name, infos] of Object.entries(cache.plugins)) {
    if (name !== 'core') versions[name] = infos.map((info) => info.packageVersion);
  }
  return versions;
}

describe('the plugin cache', () => {
  it('is reused while nothing changed', () => {
    const machine = makeFakeMachine();
    writePackage(machine.globalNodeModules, 'amplify-tools', { manifest: tools });
    expect(loadPluginPlatform(options(machine)).scanned).toBe(true);
    expect(loadPluginPlatform(options(machine)).scanned).toBe(false);
    expect(fs.existsSync(pluginCacheFilePath(path.join(machine.home, '.amplify')))).toBe(true);
  });

  it('sees an install, an upgrade and a removal at once', () => {
    const machine = makeFakeMachine();
    expect(activeVersions(machine)).toEqual({});
    writePackage(machine.globalNodeModules, 'amplify-tools', { version: '1.0.0', manifest: tools });
    expect(activeVersions(machine)).toEqual({ tools: ['1.0.0'] });
    // npm replaces the package folder on upgrade; an in-place edit of package.json must be seen as well.
    fs.writeFileSync(path.join(machine.globalNodeModules, 'amplify-tools', 'package.json'), JSON.stringify({ name: 'amplify-tools', version: '1.1.0' }));
    expect(activeVersions(machine)).toEqual({ tools: ['1.1.0'] });
    fs.rmSync(path.join(machine.globalNodeModules, 'amplify-tools'), { recursive: true });
    writePackage(machine.globalNodeModules, 'amplify-tools', { version: '2.0.0', manifest: tools });
    expect(activeVersions(machine)).toEqual({ tools: ['2.0.0'] });
    fs.rmSync(path.join(machine.globalNodeModules, 'amplify-tools'), { recursive: true });
    expect(activeVersions(machine)).toEqual({});
  });

  it('notices a manifest added to an amplify-* package that had none', () => {
    const machine = makeFakeMachine();
    const dir = writePackage(machine.globalNodeModules, 'amplify-tools');
    expect(activeVersions(machine)).toEqual({});
    fs.writeFileSync(path.join(dir, 'amplify-plugin.json'), JSON.stringify(tools));
    expect(activeVersions(machine)).toEqual({ tools: ['1.0.0'] });
  });

  it('notices a change of global prefix', () => {
    const machine = makeFakeMachine();
    const other = path.join(machine.root, 'other-prefix');
    writePackage(path.join(other, 'lib', 'node_modules'), 'amplify-tools', { manifest: tools });
    expect(loadPluginPlatform(options(machine)).cache.plugins.tools).toBeUndefined();
    const moved = { ...options(machine), env: { npm_config_prefix: other } };
    expect(loadPluginPlatform(moved).cache.plugins.tools).toHaveLength(1);
  });

  it('that is not JSON is rebuilt silently and kept beside it as plugin-cache.json.corrupt, with the user choices', () => {
    const machine = makeFakeMachine();
    const added = writePackage(path.join(machine.root, 'dev'), 'amplify-extra', { manifest: { name: 'extra', type: 'util' } });
    const file = pluginCacheFilePath(path.join(machine.home, '.amplify'));
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const text = `{"userAddedLocations": [${JSON.stringify(added)}], "plugins": `;
    fs.writeFileSync(file, text);
    const { scanned } = loadPluginPlatform(options(machine));
    expect(scanned).toBe(true);
    expect(JSON.parse(fs.readFileSync(file, 'utf8')).cacheFormat).toBe(1);
    expect(fs.readFileSync(`${file}.corrupt`, 'utf8')).toBe(text);
  });

  it.each([
    ['corrupted', '{"cacheFormat": 1, "plugins": '],
    ['empty', ' \n'],
    ['of another format', JSON.stringify({ cacheFormat: 0, plugins: {} })],
    ['not an object', 'null'],
  ])('is rebuilt silently when %s', (_, text) => {
    const machine = makeFakeMachine();
    writePackage(machine.globalNodeModules, 'amplify-tools', { manifest: tools });
    const file = pluginCacheFilePath(path.join(machine.home, '.amplify'));
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    const { cache, scanned } = loadPluginPlatform(options(machine));
    expect(scanned).toBe(true);
    expect(cache.plugins.tools).toHaveLength(1);
    expect(JSON.parse(fs.readFileSync(file, 'utf8')).cacheFormat).toBe(1);
  });

  it("lives in its own file: the original CLI's plugins.json is neither read for plugins nor rewritten", () => {
    const machine = makeFakeMachine();
    const originals = writePackage(path.join(machine.root, 'original'), 'amplify-provider-awscloudformation', { manifest: { name: 'awscloudformation', type: 'provider' } });
    const removed = writePackage(machine.globalNodeModules, 'amplify-tools', { manifest: tools });
    const home = path.join(machine.home, '.amplify');
    fs.mkdirSync(home, { recursive: true });
    const info = { packageName: 'amplify-tools', packageVersion: '1.0.0', packageLocation: removed, manifest: tools };
    const original = `${JSON.stringify(
      {
        pluginDirectories: ['cli-local-node-modules', 'cli-parent-directory', 'global-node-modules'],
        pluginPrefixes: ['amplify-'],
        userAddedLocations: [originals],
        lastScanTime: '2020-01-01T00:00:00.000Z',
        maxScanIntervalInSeconds: 86400,
        plugins: { awscloudformation: [{ packageName: 'amplify-provider-awscloudformation', packageVersion: '12.0.0', packageLocation: originals, manifest: {} }] },
        excluded: { tools: [info] },
      },
      null,
      4,
    )}\n`;
    fs.writeFileSync(path.join(home, 'plugins.json'), original);
    const { cache } = loadPluginPlatform(options(machine));
    expect(cache.plugins.awscloudformation).toBeUndefined();
    expect(cache.plugins.tools).toHaveLength(1);
    expect(cache.userAddedLocations).toEqual([]);
    expect(pluginCacheFilePath(home)).toBe(path.join(home, 'plugin-cache.json'));
    expect(JSON.parse(fs.readFileSync(pluginCacheFilePath(home), 'utf8')).cacheFormat).toBe(1);
    expect(fs.readFileSync(path.join(home, 'plugins.json'), 'utf8')).toBe(original);
  });

  it('takes the user choices an older version of this tool recorded in plugins.json', () => {
    const machine = makeFakeMachine();
    const removed = writePackage(machine.globalNodeModules, 'amplify-tools', { manifest: tools });
    const added = writePackage(path.join(machine.root, 'dev'), 'amplify-extra', { manifest: { name: 'extra', type: 'util' } });
    const home = path.join(machine.home, '.amplify');
    fs.mkdirSync(home, { recursive: true });
    const info = { packageName: 'amplify-tools', packageVersion: '1.0.0', packageLocation: removed, manifest: tools };
    fs.writeFileSync(
      path.join(home, 'plugins.json'),
      JSON.stringify({ cacheFormat: 1, directories: [], candidates: {}, plugins: {}, problems: [], userAddedLocations: [added, 42], excluded: { tools: [info, { bogus: true }] } }),
    );
    const { cache } = loadPluginPlatform(options(machine));
    expect(Object.keys(cache.plugins).sort()).toEqual(['core', 'extra']);
    expect(cache.excluded).toEqual({ tools: [info] });
    expect(cache.userAddedLocations).toEqual([added]);
    expect(cache.pluginPrefixes).toEqual(['amplify-']);
  });

  it('revalidates without listing a folder of 2,000 unrelated packages', () => {
    const machine = makeFakeMachine();
    for (let index = 0; index < 2000; index++) {
      fs.mkdirSync(path.join(machine.globalNodeModules, `unrelated-${index}`));
    }
    writePackage(machine.globalNodeModules, 'amplify-tools', { manifest: tools });
    loadPluginPlatform(options(machine));
    const readdir = jest.spyOn(fs, 'readdirSync');
    try {
      expect(loadPluginPlatform(options(machine)).scanned).toBe(false);
      expect(readdir).not.toHaveBeenCalled();
    } finally {
      readdir.mockRestore();
    }
  });
});
