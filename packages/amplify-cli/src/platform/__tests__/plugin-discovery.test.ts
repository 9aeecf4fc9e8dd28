import * as fs from 'fs';
import * as path from 'path';
import { cleanupTempDirs, writePackage } from 'amplify-test-support';
import { FakeMachine, makeFakeMachine } from '../../__tests__/helpers/fixtures';
import { loadPluginPlatform, PluginPlatformOptions, rescanPlugins } from '../plugin-platform-loader';

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

/** A module that fails the test run if anything requires it: discovery must never load plugin code. */
const POISON = "throw new Error('plugin code was loaded during discovery');";

function installEveryKind(machine: FakeMachine): void {
  const g = machine.globalNodeModules;
  writePackage(g, 'amplify-category-widgets', { manifest: { name: 'widgets', type: 'category', commands: ['add'] }, files: { 'index.js': POISON } });
  writePackage(g, 'amplify-provider-cloudy', { manifest: { name: 'cloudy', type: 'provider' }, files: { 'index.js': POISON } });
  writePackage(g, 'amplify-frontend-elm', { manifest: { name: 'elm', type: 'frontend' }, files: { 'index.js': POISON } });
  writePackage(g, 'amplify-tools', { manifest: { name: 'tools', type: 'util', commands: ['lint'] }, files: { 'index.js': POISON } });
  // A shared library of the amplify namespace: no manifest, so not a plugin, and never loaded.
  writePackage(g, 'amplify-shared-lib', { files: { 'index.js': POISON } });
  writePackage(g, 'lodash-like', { manifest: { name: 'ignored', type: 'util' } });
}

describe('plugin discovery', () => {
  it('finds plugins of every type in the global node_modules and skips non-plugin packages unloaded', () => {
    const machine = makeFakeMachine();
    installEveryKind(machine);
    const { cache, scanned } = loadPluginPlatform(options(machine));
    expect(scanned).toBe(true);
    const summary = Object.values(cache.plugins)
      .flat()
      .map((info) => `${info.manifest.name}:${info.manifest.type}:${info.packageName}`)
      .sort();
    expect(summary).toEqual([
      'cloudy:provider:amplify-provider-cloudy',
      'core:core:amplify-cli',
      'elm:frontend:amplify-frontend-elm',
      'tools:util:amplify-tools',
      'widgets:category:amplify-category-widgets',
    ]);
    expect(cache.problems).toEqual([]);
  });

  it('reports a broken manifest, an invalid one and a type contradicting the name, and skips them', () => {
    const machine = makeFakeMachine();
    const g = machine.globalNodeModules;
    writePackage(g, 'amplify-category-broken', { manifest: '{ "name": "broken", ' });
    writePackage(g, 'amplify-category-invalid', { manifest: { name: 'invalid', type: 'category', commands: 'add' } });
    writePackage(g, 'amplify-category-liar', { manifest: { name: 'liar', type: 'provider' } });
    writePackage(g, 'amplify-good', { manifest: { name: 'good', type: 'util' } });
    const { cache } = loadPluginPlatform(options(machine));
    expect(Object.keys(cache.plugins).sort()).toEqual(['core', 'good']);
    expect(cache.problems.map((problem) => [problem.packageName, problem.code])).toEqual([
      ['amplify-category-broken', 'InvalidManifest'],
      ['amplify-category-invalid', 'InvalidManifest'],
      ['amplify-category-liar', 'PluginTypeMismatch'],
    ]);
    expect(cache.problems[2].reason).toMatch(/category plugin by its name but its manifest declares type "provider"/);
  });

  it('accepts a manifest given as the "amplify" block of package.json', () => {
    const machine = makeFakeMachine();
    writePackage(machine.globalNodeModules, 'amplify-blocky', { packageJson: { amplify: { name: 'blocky', type: 'util', commands: ['go'] } } });
    const { cache } = loadPluginPlatform(options(machine));
    expect(cache.plugins.blocky?.[0].manifest.commands).toEqual(['go']);
  });

  it('prefers the copy beside the CLI over the global one, and a user-added location over both', () => {
    const machine = makeFakeMachine();
    const manifest = { name: 'tools', type: 'util' };
    writePackage(machine.globalNodeModules, 'amplify-tools', { version: '2.0.0', manifest });
    const local = writePackage(machine.cliNodeModules, 'amplify-tools', { version: '1.0.0', manifest });
    let { cache } = loadPluginPlatform(options(machine));
    expect(cache.plugins.tools.map((info) => info.packageLocation)).toEqual([local]);

    const userAdded = writePackage(path.join(machine.root, 'dev'), 'amplify-tools', { version: '3.0.0-dev', manifest });
    cache = rescanPlugins(options(machine), cache, (choices) => ({ ...choices, userAddedLocations: [userAdded] }));
    expect(cache.plugins.tools.map((info) => info.packageVersion)).toEqual(['3.0.0-dev']);
    // The choice is remembered: the next run keeps the user-added copy.
    ({ cache } = loadPluginPlatform(options(machine)));
    expect(cache.plugins.tools.map((info) => info.packageVersion)).toEqual(['3.0.0-dev']);
  });

  it('finds the packages of a workspace through the symlinks of a hoisted node_modules', () => {
    const machine = makeFakeMachine();
    const workspace = path.join(machine.root, 'repo');
    const pkg = writePackage(path.join(workspace, 'packages'), 'amplify-frontend-elm', { manifest: { name: 'elm', type: 'frontend' } });
    fs.mkdirSync(path.join(machine.cliDir, 'node_modules'), { recursive: true });
    fs.symlinkSync(pkg, path.join(machine.cliNodeModules, 'amplify-frontend-elm'));
    const { cache } = loadPluginPlatform(options(machine));
    expect(cache.plugins.elm[0].packageLocation).toBe(pkg);
  });

  it("skips this workspace's libraries (core, frontend support, test support), even one named like a frontend plugin, unloaded and unreported", () => {
    const packagesDir = path.resolve(__dirname, '..', '..', '..', '..');
    const libraries = fs
      .readdirSync(packagesDir)
      .filter((name) => fs.existsSync(path.join(packagesDir, name, 'package.json')))
      .map((name) => JSON.parse(fs.readFileSync(path.join(packagesDir, name, 'package.json'), 'utf8')) as { name: string; amplify?: unknown })
      .filter((pkg) => pkg.amplify === undefined && !fs.existsSync(path.join(packagesDir, pkg.name, 'amplify-plugin.json')));
    expect(libraries.map((pkg) => pkg.name)).toEqual(expect.arrayContaining(['amplify-cli-core', 'amplify-frontend-support', 'amplify-test-support']));
    const machine = makeFakeMachine();
    for (const pkg of libraries) {
      writePackage(machine.cliNodeModules, pkg.name, { packageJson: pkg, files: { 'index.js': POISON } });
    }
    const { cache } = loadPluginPlatform(options(machine));
    expect(Object.keys(cache.plugins)).toEqual(['core']);
    expect(cache.problems).toEqual([]);
  });
});
