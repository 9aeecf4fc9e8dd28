import { spawn, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { systemLockClock, type LockClock } from 'amplify-cli-core';
import { cleanupTempDirs, writePackage } from 'amplify-test-support';
import { runCli } from '../../../cli';
import { fakeEnvironment, FakeMachine, makeFakeMachine } from '../../../__tests__/helpers/fixtures';
import type { PluginUserChoices } from '../../../platform/plugin-cache';
import { loadPluginPlatform, PluginPlatformOptions, pluginCacheFilePath } from '../../../platform/plugin-platform-loader';
import { PluginRegistry } from '../../../platform/plugin-registry';

/**
 * Several `amplify plugin add/remove/scan` at once: each starts from plugin-cache.json as it was when it started, and
 * each must leave the others' changes recorded.
 */
const children: ChildProcess[] = [];
afterEach(async () => {
  for (const child of children.splice(0)) {
    child.kill('SIGKILL');
    await new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve(undefined) : child.once('exit', resolve)));
  }
  cleanupTempDirs();
});

/** The system clock, recording each pause of plugin-cache.json's lock wait: whether a run waited, whatever the machine's speed. */
function recordingClock(): LockClock & { sleeps: number[] } {
  const sleeps: number[] = [];
  return { sleeps, now: systemLockClock.now, sleep: (ms) => (sleeps.push(ms), systemLockClock.sleep(ms)) };
}

function options(machine: FakeMachine, lockClock?: LockClock): PluginPlatformOptions {
  return {
    lockClock,
    env: { npm_config_prefix: machine.globalPrefix },
    homeDir: machine.home,
    homeDotAmplifyDir: path.join(machine.home, '.amplify'),
    execPath: path.join(machine.root, 'node', 'bin', 'node'),
    platform: 'linux',
    cliPackageDir: machine.cliDir,
  };
}

async function amplify(machine: FakeMachine, args: string[]) {
  const run = fakeEnvironment(machine, args);
  const code = await runCli(run.environment);
  return { code, stdout: run.stdout(), stderr: run.stderr() };
}

function userPlugin(machine: FakeMachine, name: string): string {
  return writePackage(path.join(machine.root, 'dev'), `amplify-${name}`, { manifest: { name, type: 'util' } });
}

const addLocation =
  (location: string) =>
  (choices: PluginUserChoices): PluginUserChoices => ({ ...choices, userAddedLocations: [...choices.userAddedLocations, location] });

function recordedLocations(machine: FakeMachine): string[] {
  return JSON.parse(fs.readFileSync(pluginCacheFilePath(path.join(machine.home, '.amplify')), 'utf8')).userAddedLocations;
}

/** A live process holding plugin-cache.json's lock, the way another amplify run does while it rewrites the file. */
function holdLock(machine: FakeMachine): Promise<ChildProcess> {
  const lock = `${pluginCacheFilePath(fs.realpathSync(path.join(machine.home, '.amplify')))}.lock`;
  const script = `
    const fs = require('fs');
    fs.writeFileSync(${JSON.stringify(lock)}, JSON.stringify({ pid: process.pid, command: 'rescanning plugins', startedAt: new Date().toISOString() }), { flag: 'wx' });
    process.stdout.write('locked\\n');
    setInterval(() => {}, 1000);
  `;
  const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(child);
  return new Promise((resolve, reject) => {
    child.stdout!.once('data', () => resolve(child));
    child.once('exit', (code) => reject(new Error(`holder exited early with ${code}`)));
  });
}

describe('concurrent changes to plugin-cache.json', () => {
  it('keeps both of two adds made by runs that loaded the same plugin-cache.json', () => {
    const machine = makeFakeMachine();
    loadPluginPlatform(options(machine));
    // Both runs start before either writes.
    const first = new PluginRegistry(loadPluginPlatform(options(machine)).cache, options(machine));
    const second = new PluginRegistry(loadPluginPlatform(options(machine)).cache, options(machine));
    const alpha = userPlugin(machine, 'alpha');
    const beta = userPlugin(machine, 'beta');
    first.rescan(addLocation(alpha));
    const afterSecond = second.rescan(addLocation(beta));
    expect(afterSecond.userAddedLocations).toEqual([alpha, beta]);
    expect(Object.keys(afterSecond.plugins).sort()).toEqual(['alpha', 'beta', 'core']);
    expect(recordedLocations(machine)).toEqual([alpha, beta]);
  });

  it('interleaves two "amplify plugin add" and a remove in one process without losing any', async () => {
    const machine = makeFakeMachine();
    writePackage(machine.globalNodeModules, 'amplify-tools', { manifest: { name: 'tools', type: 'util' } });
    expect((await amplify(machine, ['plugin', 'scan'])).code).toBe(0);
    const alpha = userPlugin(machine, 'alpha');
    const beta = userPlugin(machine, 'beta');
    const results = await Promise.all([
      amplify(machine, ['plugin', 'add', alpha]),
      amplify(machine, ['plugin', 'add', beta]),
      amplify(machine, ['plugin', 'remove', 'tools']),
    ]);
    expect(results.map((result) => result.code)).toEqual([0, 0, 0]);
    const listed = JSON.parse((await amplify(machine, ['plugin', 'list', '--json'])).stdout) as { plugins: Array<{ name: string }> };
    expect(listed.plugins.map((plugin) => plugin.name).sort()).toEqual(['alpha', 'beta', 'core']);
    expect(Object.keys(JSON.parse(fs.readFileSync(pluginCacheFilePath(path.join(machine.home, '.amplify')), 'utf8')).excluded)).toEqual(['tools']);
  });

  it('a rescan keeps the choices another run recorded after this one started', () => {
    const machine = makeFakeMachine();
    const stale = new PluginRegistry(loadPluginPlatform(options(machine)).cache, options(machine));
    const alpha = userPlugin(machine, 'alpha');
    new PluginRegistry(loadPluginPlatform(options(machine)).cache, options(machine)).rescan(addLocation(alpha));
    expect(stale.rescan().userAddedLocations).toEqual([alpha]);
    expect(recordedLocations(machine)).toEqual([alpha]);
  });

  it('start-up does not wait for a run rewriting plugin-cache.json: it uses its own scan and leaves the file to the writer', async () => {
    const machine = makeFakeMachine();
    loadPluginPlatform(options(machine));
    const file = pluginCacheFilePath(path.join(machine.home, '.amplify'));
    const before = fs.readFileSync(file, 'utf8');
    writePackage(machine.globalNodeModules, 'amplify-tools', { manifest: { name: 'tools', type: 'util' } });
    await holdLock(machine);
    const clock = recordingClock();
    const { cache, scanned } = loadPluginPlatform(options(machine, clock));
    // No pause at all for the holder (which never releases): start-up gave up on saving at once.
    expect(clock.sleeps).toEqual([]);
    expect(scanned).toBe(true);
    expect(cache.plugins.tools).toHaveLength(1);
    expect(fs.readFileSync(file, 'utf8')).toBe(before);
  });

  it('a change waits for the run rewriting plugin-cache.json and applies after it', async () => {
    const machine = makeFakeMachine();
    loadPluginPlatform(options(machine));
    const clock = recordingClock();
    const registry = new PluginRegistry(loadPluginPlatform(options(machine)).cache, options(machine, clock));
    await holdLock(machine);
    const alpha = userPlugin(machine, 'alpha');
    // The holder finishes its write a moment later. The wait blocks this thread, so the release comes from
    // another process; the change must then be applied, not refused. The releaser leaves a marker just before it
    // removes the lock, so a change applied under the lock must see it.
    const lock = `${pluginCacheFilePath(fs.realpathSync(path.join(machine.home, '.amplify')))}.lock`;
    const marker = path.join(machine.root, 'holder-released');
    const release = `setTimeout(() => { require('fs').writeFileSync(${JSON.stringify(marker)}, ''); require('fs').rmSync(${JSON.stringify(lock)}); }, 300)`;
    children.push(spawn(process.execPath, ['-e', release], { stdio: 'ignore' }));
    let releasedBeforeChange: boolean | undefined;
    const change = (choices: PluginUserChoices): PluginUserChoices => {
      releasedBeforeChange = fs.existsSync(marker);
      return addLocation(alpha)(choices);
    };
    expect(registry.rescan(change).userAddedLocations).toEqual([alpha]);
    expect(releasedBeforeChange).toBe(true);
    expect(clock.sleeps.length).toBeGreaterThan(0);
    expect(recordedLocations(machine)).toEqual([alpha]);
  });
});
