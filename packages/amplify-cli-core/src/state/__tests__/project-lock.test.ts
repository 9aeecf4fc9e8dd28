import { spawn, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { cleanupTempDirs, createFixtureProject, makeTempDir } from 'amplify-test-support';
import { AmplifyError } from '../../errors/amplify-error';
import { getProjectLockHolder, systemLockClock, withFileLockSync, withProjectLock, type LockClock } from '../project-lock';

const lockPath = (root: string): string => path.join(root, 'amplify', '.config', '.lock');

/** The system clock, recording each pause of a lock's wait: evidence of whether it waited, whatever the machine's speed. */
function recordingClock(): LockClock & { sleeps: number[] } {
  const sleeps: number[] = [];
  return { sleeps, now: systemLockClock.now, sleep: (ms) => (sleeps.push(ms), systemLockClock.sleep(ms)) };
}

/** A clock whose pauses take no time but move it on, so a wait runs out after exactly the time it may take. */
function virtualClock(): LockClock & { elapsed: () => number } {
  let now = 1_000_000;
  const start = now;
  return { now: () => now, sleep: (ms) => void (now += ms), elapsed: () => now - start };
}

async function lockError(root: string, clock?: LockClock): Promise<AmplifyError> {
  try {
    await withProjectLock(root, 'status', () => undefined, { clock });
  } catch (e) {
    if (e instanceof AmplifyError) return e;
    throw e;
  }
  throw new Error('expected the lock to be refused');
}

/**
 * Another process holding the lock the way an amplify command does: it creates the lock file exclusively with its
 * own pid, then keeps running until killed.
 */
function spawnHolder(root: string): Promise<ChildProcess> {
  return spawnLockHolder(lockPath(root), 'push');
}

/**
 * A process holding `file` as a lock; with `release` it writes `release.marker` after `release.afterMs`, then
 * removes the lock and exits (the marker is the evidence that the release came before whatever follows it).
 */
function spawnLockHolder(file: string, command: string, release?: { afterMs: number; marker: string }): Promise<ChildProcess> {
  const onRelease =
    release === undefined
      ? 'setInterval(() => {}, 1000);'
      : `setTimeout(() => { fs.writeFileSync(${JSON.stringify(release.marker)}, 'released'); fs.rmSync(${JSON.stringify(file)}); }, ${release.afterMs});`;
  const script = `
    const fs = require('fs');
    const fd = fs.openSync(${JSON.stringify(file)}, 'wx');
    fs.writeSync(fd, JSON.stringify({ pid: process.pid, command: ${JSON.stringify(command)}, startedAt: new Date().toISOString() }));
    fs.closeSync(fd);
    process.stdout.write('locked\\n');
    ${onRelease}
  `;
  const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    child.stdout!.once('data', () => resolve(child));
    child.once('exit', (code) => reject(new Error(`holder exited early with ${code}`)));
  });
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
}

describe('withProjectLock', () => {
  const children: ChildProcess[] = [];
  afterEach(async () => {
    for (const child of children.splice(0)) {
      child.kill('SIGKILL');
      await exited(child);
    }
    cleanupTempDirs();
  });

  it('holds amplify/.config/.lock with pid, command and start time while running, and releases it after', async () => {
    const root = createFixtureProject();
    const seen = await withProjectLock(root, 'push', () => JSON.parse(fs.readFileSync(lockPath(root), 'utf8')));
    expect(seen).toEqual({ pid: process.pid, command: 'push', startedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) });
    expect(fs.existsSync(lockPath(root))).toBe(false);
  });

  it('releases the lock when the work fails', async () => {
    const root = createFixtureProject();
    await expect(
      withProjectLock(root, 'push', async () => {
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(fs.existsSync(lockPath(root))).toBe(false);
  });

  it('is re-entrant within one process and releases only at the outermost exit', async () => {
    const root = createFixtureProject();
    await withProjectLock(root, 'push', async () => {
      await withProjectLock(root, 'add', async () => {
        expect(fs.existsSync(lockPath(root))).toBe(true);
      });
      expect(fs.existsSync(lockPath(root))).toBe(true);
    });
    expect(fs.existsSync(lockPath(root))).toBe(false);
  });

  it('is one lock whether the project is reached through a symlink or directly', async () => {
    const root = createFixtureProject();
    const link = `${root}-link`;
    fs.symlinkSync(root, link);
    try {
      await withProjectLock(root, 'push', () => withProjectLock(link, 'add', () => undefined));
      expect(fs.existsSync(lockPath(root))).toBe(false);
    } finally {
      fs.unlinkSync(link);
    }
  });

  it('fails at once, naming the pid and command, while another live process holds the lock', async () => {
    const root = createFixtureProject();
    const holder = await spawnHolder(root);
    children.push(holder);
    const clock = recordingClock();
    const error = await lockError(root, clock);
    // At once: the refusal came without a single pause of the wait loop.
    expect(clock.sleeps).toEqual([]);
    expect(error.code).toBe('ProjectLocked');
    expect(error.message).toBe(`Another amplify process (pid ${holder.pid}, "amplify push") is changing this project`);
    expect(error.resolution).toBe('Wait for it to finish; if it crashed, delete amplify/.config/.lock');
    expect(getProjectLockHolder(root)?.pid).toBe(holder.pid);
    // The holder's lock is untouched by the refused attempt.
    expect(JSON.parse(fs.readFileSync(lockPath(root), 'utf8')).pid).toBe(holder.pid);
  });

  it('taking over the lock of a process that died removes the temp files its unfinished atomic writes left', async () => {
    const root = createFixtureProject({ files: { 'backend/demo/photos/parameters.json': '{}' } });
    const holder = await spawnHolder(root);
    holder.kill('SIGKILL');
    await exited(holder);
    const amplify = path.join(root, 'amplify');
    const leftovers = [
      path.join(amplify, 'backend', 'amplify-meta.json'),
      path.join(amplify, 'backend', 'demo', 'photos', 'parameters.json'),
      path.join(amplify, '.config', 'project-config.json'),
    ].map((target) => `${target}.${holder.pid}.0a1b2c3d.tmp`);
    // A write of this live process in flight, and a user's file that merely looks alike, must stay.
    const kept = [path.join(amplify, 'backend', 'amplify-meta.json') + `.${process.pid}.0a1b2c3d.tmp`, path.join(amplify, 'backend', 'notes.tmp')];
    for (const file of [...leftovers, ...kept]) fs.writeFileSync(file, '{"torn');
    await withProjectLock(root, 'push', () => undefined);
    expect(leftovers.filter((file) => fs.existsSync(file))).toEqual([]);
    expect(kept.filter((file) => fs.existsSync(file))).toEqual(kept);
  });

  it('takes over a lock left by a process that died', async () => {
    const root = createFixtureProject();
    const holder = await spawnHolder(root);
    holder.kill('SIGKILL');
    await exited(holder);
    expect(getProjectLockHolder(root)).toBeUndefined();
    const pid = await withProjectLock(root, 'push', () => JSON.parse(fs.readFileSync(lockPath(root), 'utf8')).pid);
    expect(pid).toBe(process.pid);
    expect(fs.existsSync(lockPath(root))).toBe(false);
  });

  it('treats an unreadable lock as held while it is fresh and as stale once old', async () => {
    const root = createFixtureProject();
    fs.writeFileSync(lockPath(root), '');
    expect((await lockError(root)).message).toBe('Another amplify process (pid unknown) is changing this project');
    const old = new Date(Date.now() - 60_000);
    fs.utimesSync(lockPath(root), old, old);
    await expect(withProjectLock(root, 'push', () => 'done')).resolves.toBe('done');
  });

  it('creates the .config folder when a command locks a project being initialised', async () => {
    const root = createFixtureProject();
    fs.rmSync(path.join(root, 'amplify', '.config'), { recursive: true });
    await expect(withProjectLock(root, 'init', () => fs.existsSync(lockPath(root)))).resolves.toBe(true);
  });

  it('leaves no amplify/.config behind when an init fails, so the folder does not pass for a project', async () => {
    const dir = makeTempDir();
    await expect(
      withProjectLock(dir, 'init', () => {
        throw new Error('init failed');
      }),
    ).rejects.toThrow('init failed');
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('keeps the folders an init filled', async () => {
    const dir = makeTempDir();
    await withProjectLock(dir, 'init', () => fs.writeFileSync(path.join(dir, 'amplify', '.config', 'project-config.json'), '{}'));
    expect(fs.readdirSync(path.join(dir, 'amplify', '.config'))).toEqual(['project-config.json']);
  });
});

describe('withFileLockSync', () => {
  const children: ChildProcess[] = [];
  afterEach(async () => {
    for (const child of children.splice(0)) {
      child.kill('SIGKILL');
      await exited(child);
    }
    cleanupTempDirs();
  });

  const fileLockError = (file: string, waitMs: number, clock?: LockClock): AmplifyError => {
    try {
      withFileLockSync(file, 'rescanning plugins', () => undefined, { waitMs, clock });
    } catch (e) {
      if (e instanceof AmplifyError) return e;
      throw e;
    }
    throw new Error('expected the lock to be refused');
  };

  it('holds <file>.lock with pid and command while running, creating the folder, and releases it after', () => {
    const file = path.join(makeTempDir(), 'home', '.amplify', 'plugins.json');
    const seen = withFileLockSync(file, 'rescanning plugins', () => JSON.parse(fs.readFileSync(`${file}.lock`, 'utf8')), { waitMs: 0 });
    expect(seen).toEqual({ pid: process.pid, command: 'rescanning plugins', startedAt: expect.stringMatching(/^\d{4}-/) });
    expect(fs.readdirSync(path.dirname(file))).toEqual([]);
  });

  it('is re-entrant and releases when the work throws', () => {
    const file = path.join(makeTempDir(), 'plugins.json');
    const failing = (): never => {
      expect(fs.existsSync(`${file}.lock`)).toBe(true);
      throw new Error('boom');
    };
    expect(() => withFileLockSync(file, 'outer', () => withFileLockSync(file, 'inner', failing, { waitMs: 0 }), { waitMs: 0 })).toThrow('boom');
    expect(fs.existsSync(`${file}.lock`)).toBe(false);
  });

  it('waits for a live holder to release instead of failing', async () => {
    const dir = makeTempDir();
    const file = path.join(dir, 'plugins.json');
    const marker = path.join(dir, 'holder-released');
    children.push(await spawnLockHolder(`${file}.lock`, 'rescanning plugins', { afterMs: 300, marker }));
    const clock = recordingClock();
    // The work runs only once the lock is ours; by then the holder must have released it (its marker is written
    // just before it removes the lock), and this run must have paused for it rather than taken it over.
    expect(withFileLockSync(file, 'rescanning plugins', () => fs.existsSync(marker), { waitMs: 10_000, clock })).toBe(true);
    expect(clock.sleeps.length).toBeGreaterThan(0);
    expect(fs.existsSync(`${file}.lock`)).toBe(false);
  });

  it('fails with FileLocked, naming the holder and the lock to delete, once the wait runs out', async () => {
    const file = path.join(makeTempDir(), 'plugins.json');
    const holder = await spawnLockHolder(`${file}.lock`, 'rescanning plugins');
    children.push(holder);
    const clock = virtualClock();
    const error = fileLockError(file, 200, clock);
    // It gave up only when the wait it was allowed had passed, and not long after (one pause is at most 25 ms).
    expect(clock.elapsed()).toBeGreaterThanOrEqual(200);
    expect(clock.elapsed()).toBeLessThan(200 + 25);
    expect(error.code).toBe('FileLocked');
    expect(error.message).toBe(`Another amplify process (pid ${holder.pid}, rescanning plugins) is changing ${file}`);
    expect(error.resolution).toBe(`Run the command again when it has finished; if it crashed, delete ${fs.realpathSync(path.dirname(file))}/plugins.json.lock`);
    expect(JSON.parse(fs.readFileSync(`${file}.lock`, 'utf8')).pid).toBe(holder.pid);
  });

  it('takes over the lock of a dead holder at once and removes the temp file its write left', async () => {
    const file = path.join(makeTempDir(), 'plugins.json');
    const holder = await spawnLockHolder(`${file}.lock`, 'rescanning plugins');
    holder.kill('SIGKILL');
    await exited(holder);
    const leftover = `${file}.${holder.pid}.0a1b2c3d.tmp`;
    fs.writeFileSync(leftover, '{"torn');
    expect(withFileLockSync(file, 'rescanning plugins', () => 'mine', { waitMs: 0 })).toBe('mine');
    expect(fs.existsSync(leftover)).toBe(false);
  });
});
