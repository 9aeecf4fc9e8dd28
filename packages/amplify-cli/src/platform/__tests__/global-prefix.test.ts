import * as fs from 'fs';
import * as path from 'path';
import { cleanupTempDirs, makeTempDir } from 'amplify-test-support';
import { globalNodeModulesDir, readNpmrcKey, resolveGlobalPrefix } from '../global-prefix';

afterAll(cleanupTempDirs);

function setup(): { root: string; home: string; nodePrefix: string; execPath: string } {
  const root = makeTempDir();
  const home = path.join(root, 'home');
  const nodePrefix = path.join(root, 'node');
  fs.mkdirSync(home, { recursive: true });
  fs.mkdirSync(path.join(nodePrefix, 'bin'), { recursive: true });
  return { root, home, nodePrefix, execPath: path.join(nodePrefix, 'bin', 'node') };
}

function write(file: string, text: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
}

describe('resolveGlobalPrefix', () => {
  it('defaults to node install prefix, two levels above the executable', () => {
    const { home, nodePrefix, execPath } = setup();
    expect(resolveGlobalPrefix({ env: {}, homeDir: home, execPath, platform: 'linux' })).toBe(nodePrefix);
  });

  it('puts the default under $DESTDIR', () => {
    const { root, home, nodePrefix, execPath } = setup();
    const destdir = path.join(root, 'dest');
    expect(resolveGlobalPrefix({ env: { DESTDIR: destdir }, homeDir: home, execPath, platform: 'linux' })).toBe(path.join(destdir, nodePrefix));
  });

  it('prefers npm_config_prefix (any case) over PREFIX over npmrc files', () => {
    const { root, home, execPath } = setup();
    write(path.join(home, '.npmrc'), 'prefix=/from/npmrc\n');
    const base = { homeDir: home, execPath, platform: 'linux' as const };
    expect(resolveGlobalPrefix({ ...base, env: { npm_config_prefix: path.join(root, 'a'), PREFIX: '/b' } })).toBe(path.join(root, 'a'));
    expect(resolveGlobalPrefix({ ...base, env: { NPM_CONFIG_PREFIX: path.join(root, 'c') } })).toBe(path.join(root, 'c'));
    expect(resolveGlobalPrefix({ ...base, env: { PREFIX: '/b' } })).toBe('/b');
    expect(resolveGlobalPrefix({ ...base, env: {} })).toBe('/from/npmrc');
  });

  it('reads prefix= from the user npmrc, expanding ~ and ${VAR}', () => {
    const { home, execPath } = setup();
    write(path.join(home, '.npmrc'), '; comment\nregistry=https://example.invalid/\nprefix = "~/.npm-global"\n');
    expect(resolveGlobalPrefix({ env: {}, homeDir: home, execPath, platform: 'linux' })).toBe(path.join(home, '.npm-global'));
    write(path.join(home, '.npmrc'), 'prefix=${TOOLS}/npm\n');
    expect(resolveGlobalPrefix({ env: { TOOLS: '/opt/tools' }, homeDir: home, execPath, platform: 'linux' })).toBe('/opt/tools/npm');
  });

  it('honours $NPM_CONFIG_USERCONFIG instead of ~/.npmrc', () => {
    const { root, home, execPath } = setup();
    write(path.join(home, '.npmrc'), 'prefix=/ignored\n');
    const userconfig = path.join(root, 'custom-npmrc');
    write(userconfig, 'prefix=/custom\n');
    expect(resolveGlobalPrefix({ env: { NPM_CONFIG_USERCONFIG: userconfig }, homeDir: home, execPath, platform: 'linux' })).toBe('/custom');
  });

  it('falls back to the global npmrc, then to npm builtin npmrc beside its installation', () => {
    const { home, nodePrefix, execPath } = setup();
    const builtin = path.join(nodePrefix, 'lib', 'node_modules', 'npm', 'npmrc');
    write(builtin, 'prefix=/from/builtin\n');
    expect(resolveGlobalPrefix({ env: {}, homeDir: home, execPath, platform: 'linux' })).toBe('/from/builtin');
    write(path.join(nodePrefix, 'etc', 'npmrc'), 'prefix=/from/global\n');
    expect(resolveGlobalPrefix({ env: {}, homeDir: home, execPath, platform: 'linux' })).toBe('/from/global');
  });
});

describe('globalNodeModulesDir', () => {
  it('is lib/node_modules on POSIX and node_modules on Windows', () => {
    expect(globalNodeModulesDir('/usr/local', 'linux')).toBe(path.join('/usr/local', 'lib', 'node_modules'));
    expect(globalNodeModulesDir('/usr/local', 'win32')).toBe(path.join('/usr/local', 'node_modules'));
  });
});

describe('readNpmrcKey', () => {
  it('takes the last assignment and ignores missing files', () => {
    const { root } = setup();
    const file = path.join(root, 'npmrc');
    write(file, 'prefix=/first\n# prefix=/commented\nprefix=/second\n');
    expect(readNpmrcKey(file, 'prefix')).toBe('/second');
    expect(readNpmrcKey(path.join(root, 'missing'), 'prefix')).toBeUndefined();
  });
});
