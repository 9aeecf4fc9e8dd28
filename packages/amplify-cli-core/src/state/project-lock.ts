import * as fs from 'fs';
import * as path from 'path';
import { AmplifyError } from '../errors/amplify-error';
import { pathManager } from '../paths/path-manager';
import { removeLeftoverTempFiles } from './json-file';

/** Content of `amplify/.config/.lock`. */
export interface ProjectLockInfo {
  pid: number;
  command: string;
  startedAt: string;
}

/** Lock files this process holds, with their nesting depth, so a command may call another that also locks. */
const heldLocks = new Map<string, number>();

/**
 * A lock file whose content cannot be read may be one another process has just created and not yet written;
 * only after this long is it treated as left behind by a crash.
 */
const UNREADABLE_LOCK_GRACE_MS = 2000;

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readLockInfo(lockPath: string): ProjectLockInfo | undefined {
  try {
    const info = JSON.parse(fs.readFileSync(lockPath, 'utf8')) as Partial<ProjectLockInfo>;
    return typeof info.pid === 'number' ? (info as ProjectLockInfo) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Creates the lock with its content in one step, a hard link of a finished temp file (which fails when the lock
 * exists), so that a process looking at a taken lock always finds its holder in it, never an empty file. The temp
 * file is named as writeFileAtomic names them, so a holder killed in between leaves nothing a takeover keeps.
 */
function tryCreate(lockPath: string, info: ProjectLockInfo): boolean {
  const tempPath = `${lockPath}.${process.pid}.${Math.random().toString(16).slice(2, 10)}.tmp`;
  fs.writeFileSync(tempPath, JSON.stringify(info));
  try {
    fs.linkSync(tempPath, lockPath);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      return false;
    }
    throw error;
  } finally {
    fs.rmSync(tempPath, { force: true });
  }
}

/** How one kind of lock reports a live holder and where a dead holder's temp files are. */
interface LockTarget {
  lockedError: (holder: ProjectLockInfo | undefined) => AmplifyError;
  /** Where writeFileAtomic temp files of a holder that died mid-write are removed on takeover. */
  leftoverDir: string;
  /** How long to wait for a live holder to release; 0 fails at once. */
  waitMs: number;
  clock: LockClock;
}

function projectLockedError(holder: ProjectLockInfo | undefined): AmplifyError {
  const who = holder ? `pid ${holder.pid}, "amplify ${holder.command}"` : 'pid unknown';
  return new AmplifyError('ProjectLocked', `Another amplify process (${who}) is changing this project`, {
    resolution: 'Wait for it to finish; if it crashed, delete amplify/.config/.lock',
  });
}

/**
 * Whether the lock we failed to create is held by a live process, left by a dead one (`stale`), or was released
 * in the meantime (`gone`). A released lock must not be removed: another process may have taken it since.
 */
function lockState(lockPath: string, holder: ProjectLockInfo | undefined): 'live' | 'stale' | 'gone' {
  if (holder) {
    return isProcessAlive(holder.pid) ? 'live' : 'stale';
  }
  try {
    return Date.now() - fs.statSync(lockPath).mtimeMs > UNREADABLE_LOCK_GRACE_MS ? 'stale' : 'live';
  } catch {
    return 'gone';
  }
}

/**
 * The time source and the pause of a lock's wait, a seam so that tests can tell whether and how long a lock
 * waited without measuring the machine's speed.
 */
export interface LockClock {
  /** Milliseconds, as `Date.now()`. */
  now(): number;
  /** Blocks the thread for `ms`: file locks are taken by synchronous code, and the wait is for another process. */
  sleep(ms: number): void;
}

export const systemLockClock: LockClock = {
  now: () => Date.now(),
  sleep: (ms) => {
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
  },
};

function acquire(lockPath: string, commandName: string, target: LockTarget): void {
  const info: ProjectLockInfo = { pid: process.pid, command: commandName, startedAt: new Date().toISOString() };
  const { clock } = target;
  const deadline = clock.now() + target.waitMs;
  // Without waiting, two attempts: the second follows the removal of a stale lock. If another process takes the
  // stale lock over between our removal and our retry, it wins and we report it as the holder.
  for (let attempt = 0; ; attempt++) {
    if (tryCreate(lockPath, info)) {
      return;
    }
    const holder = readLockInfo(lockPath);
    const state = lockState(lockPath, holder);
    if (state === 'gone') {
      continue;
    }
    if (state === 'live') {
      if (clock.now() >= deadline) {
        throw target.lockedError(holder);
      }
      // A little jitter so that waiters released together do not collide again in step.
      clock.sleep(5 + Math.floor(Math.random() * 20));
      continue;
    }
    if (holder) {
      // The holder died while holding the lock: what it was writing is still in temp files.
      removeLeftoverTempFiles(target.leftoverDir, holder.pid);
    }
    fs.rmSync(lockPath, { force: true });
    if (attempt >= 1 && clock.now() >= deadline) {
      throw target.lockedError(readLockInfo(lockPath));
    }
  }
}

function release(lockPath: string): void {
  // Only remove what is ours: after a stale takeover by someone else the file is theirs.
  if (readLockInfo(lockPath)?.pid === process.pid) {
    fs.rmSync(lockPath, { force: true });
  }
}

/** Takes the lock unless this process already holds it (re-entrance). */
function enter(lockPath: string, commandName: string, target: LockTarget): void {
  const depth = heldLocks.get(lockPath) ?? 0;
  if (depth === 0) {
    acquire(lockPath, commandName, target);
  }
  heldLocks.set(lockPath, depth + 1);
}

/** Leaves one level; true when that released the lock file. */
function leave(lockPath: string): boolean {
  const remaining = (heldLocks.get(lockPath) ?? 1) - 1;
  if (remaining > 0) {
    heldLocks.set(lockPath, remaining);
    return false;
  }
  heldLocks.delete(lockPath);
  release(lockPath);
  return true;
}

export interface ProjectLockOptions {
  /** The lock never waits, so the clock only matters to tests that check it did not. */
  clock?: LockClock;
}

/**
 * Runs `fn` while holding the project's exclusive lock `amplify/.config/.lock`. A live holder makes this fail at
 * once (never wait: a second `amplify push` must not queue behind the first); a lock left by a dead process is
 * taken over. Re-entrant within one process. Released when `fn` settles.
 */
export async function withProjectLock<T>(projectRoot: string, commandName: string, fn: () => Promise<T> | T, options: ProjectLockOptions = {}): Promise<T> {
  const configDir = pathManager.getDotConfigDirPath(projectRoot);
  // `amplify init` locks a folder that is not a project yet; the folders made for the lock must not outlive a
  // failed init, or the folder would pass for a project (`amplify/.config` is what marks one).
  const firstCreated = fs.mkdirSync(configDir, { recursive: true });
  // The real path, so that one project reached through a symlink and directly is still one lock.
  const lockPath = path.join(fs.realpathSync(configDir), path.basename(pathManager.getProjectLockFilePath(projectRoot)));
  // A holder that died inside a command left what it was writing in temp files anywhere under amplify/.
  const target: LockTarget = {
    lockedError: projectLockedError,
    leftoverDir: path.dirname(path.dirname(lockPath)),
    waitMs: 0,
    clock: options.clock ?? systemLockClock,
  };
  try {
    enter(lockPath, commandName, target);
  } catch (error) {
    removeIfEmpty(configDir, firstCreated);
    throw error;
  }
  try {
    return await fn();
  } finally {
    if (leave(lockPath)) {
      removeIfEmpty(configDir, firstCreated);
    }
  }
}

export interface FileLockOptions {
  /** How long to wait for another process to finish before failing with `FileLocked`. */
  waitMs: number;
  clock?: LockClock;
}

/**
 * Runs `fn` while holding `<filePath>.lock`, the same exclusive lock file as the project's (pid check, takeover of
 * a lock left by a dead process, re-entrant), for a short read-modify-write of one file. Unlike the project lock
 * it waits up to `waitMs` for a live holder. Readers of the file need no lock when writers replace it atomically.
 * File system errors making the lock (a folder that cannot be written) are thrown as they are.
 */
export function withFileLockSync<T>(filePath: string, commandName: string, fn: () => T, options: FileLockOptions): T {
  const dir = path.dirname(filePath);
  fs.mkdirSync(dir, { recursive: true });
  const lockPath = path.join(fs.realpathSync(dir), `${path.basename(filePath)}.lock`);
  const target: LockTarget = {
    lockedError: (holder) =>
      new AmplifyError('FileLocked', `Another amplify process (${holder ? `pid ${holder.pid}, ${holder.command}` : 'pid unknown'}) is changing ${filePath}`, {
        resolution: `Run the command again when it has finished; if it crashed, delete ${lockPath}`,
      }),
    // The dead holder's temp files beside the locked file (and below it: it was the one process to write them).
    leftoverDir: dir,
    waitMs: options.waitMs,
    clock: options.clock ?? systemLockClock,
  };
  enter(lockPath, commandName, target);
  try {
    return fn();
  } finally {
    leave(lockPath);
  }
}

/** Removes the folders from `dir` up to `firstCreated` (the first one `mkdirSync` made), as long as they are empty. */
function removeIfEmpty(dir: string, firstCreated: string | undefined): void {
  if (firstCreated === undefined) return;
  for (let current = dir; ; current = path.dirname(current)) {
    try {
      fs.rmdirSync(current);
    } catch {
      // Not empty (the command wrote the project) or already gone: leave it and everything above.
      return;
    }
    if (current === firstCreated || path.dirname(current) === current) return;
  }
}

/** Who holds the project lock now, if anyone alive does (for `amplify status` diagnostics and tests). */
export function getProjectLockHolder(projectRoot: string): ProjectLockInfo | undefined {
  const lockPath = pathManager.getProjectLockFilePath(projectRoot);
  const holder = readLockInfo(lockPath);
  return holder && isProcessAlive(holder.pid) ? holder : undefined;
}
