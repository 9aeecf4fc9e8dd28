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

function tryCreate(lockPath: string, info: ProjectLockInfo): boolean {
  try {
    const fd = fs.openSync(lockPath, 'wx');
    try {
      fs.writeSync(fd, JSON.stringify(info));
    } finally {
      fs.closeSync(fd);
    }
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      return false;
    }
    throw error;
  }
}

function lockedError(holder: ProjectLockInfo | undefined): AmplifyError {
  const who = holder ? `pid ${holder.pid}, "amplify ${holder.command}"` : 'pid unknown';
  return new AmplifyError('ProjectLocked', `Another amplify process (${who}) is changing this project`, {
    resolution: 'Wait for it to finish; if it crashed, delete amplify/.config/.lock',
  });
}

function isStale(lockPath: string, holder: ProjectLockInfo | undefined): boolean {
  if (holder) {
    return !isProcessAlive(holder.pid);
  }
  try {
    return Date.now() - fs.statSync(lockPath).mtimeMs > UNREADABLE_LOCK_GRACE_MS;
  } catch {
    // Gone between our attempts: free to retry.
    return true;
  }
}

function acquire(lockPath: string, commandName: string): void {
  const info: ProjectLockInfo = { pid: process.pid, command: commandName, startedAt: new Date().toISOString() };
  // Two attempts: the second follows the removal of a stale lock. If another process takes the stale lock over
  // between our removal and our retry, it wins and we report it as the holder.
  for (let attempt = 0; attempt < 2; attempt++) {
    if (tryCreate(lockPath, info)) {
      return;
    }
    const holder = readLockInfo(lockPath);
    if (!isStale(lockPath, holder)) {
      throw lockedError(holder);
    }
    if (holder) {
      // The holder died inside a command: what it was writing is still in temp files under amplify/.
      removeLeftoverTempFiles(path.dirname(path.dirname(lockPath)), holder.pid);
    }
    fs.rmSync(lockPath, { force: true });
  }
  throw lockedError(readLockInfo(lockPath));
}

function release(lockPath: string): void {
  // Only remove what is ours: after a stale takeover by someone else the file is theirs.
  if (readLockInfo(lockPath)?.pid === process.pid) {
    fs.rmSync(lockPath, { force: true });
  }
}

/**
 * Runs `fn` while holding the project's exclusive lock `amplify/.config/.lock`. A live holder makes this fail at
 * once (never wait: a second `amplify push` must not queue behind the first); a lock left by a dead process is
 * taken over. Re-entrant within one process. Released when `fn` settles.
 */
export async function withProjectLock<T>(projectRoot: string, commandName: string, fn: () => Promise<T> | T): Promise<T> {
  const configDir = pathManager.getDotConfigDirPath(projectRoot);
  // `amplify init` locks a folder that is not a project yet; the folders made for the lock must not outlive a
  // failed init, or the folder would pass for a project (`amplify/.config` is what marks one).
  const firstCreated = fs.mkdirSync(configDir, { recursive: true });
  // The real path, so that one project reached through a symlink and directly is still one lock.
  const lockPath = path.join(fs.realpathSync(configDir), path.basename(pathManager.getProjectLockFilePath(projectRoot)));
  const depth = heldLocks.get(lockPath) ?? 0;
  if (depth === 0) {
    try {
      acquire(lockPath, commandName);
    } catch (error) {
      removeIfEmpty(configDir, firstCreated);
      throw error;
    }
  }
  heldLocks.set(lockPath, depth + 1);
  try {
    return await fn();
  } finally {
    const remaining = (heldLocks.get(lockPath) ?? 1) - 1;
    if (remaining === 0) {
      heldLocks.delete(lockPath);
      release(lockPath);
      removeIfEmpty(configDir, firstCreated);
    } else {
      heldLocks.set(lockPath, remaining);
    }
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
