import * as fs from 'fs';
import * as path from 'path';
import { AmplifyError } from './amplify-error';

/** A failed file system call as Node reports it: an errno code and, for most calls, the path. */
interface SystemCallError extends Error {
  code: string;
  syscall?: string;
  path?: string;
  dest?: string;
}

/** Duck-typed: errors raised by Node's own modules may come from another realm (a VM context, jest). */
function isSystemCallError(error: unknown): error is SystemCallError {
  const code = typeof error === 'object' && error !== null ? (error as Partial<SystemCallError>).code : undefined;
  return typeof code === 'string' && /^E[A-Z]+$/.test(code);
}

const ACTIONS: Record<string, string> = {
  open: 'open',
  mkdir: 'create the folder',
  rename: 'replace',
  unlink: 'remove',
  rmdir: 'remove the folder',
  rm: 'remove',
  scandir: 'list the folder',
  opendir: 'list the folder',
  copyfile: 'copy',
  cp: 'copy',
  write: 'write',
  utime: 'touch',
  chmod: 'change the mode of',
  stat: 'read',
  lstat: 'read',
  access: 'read',
  symlink: 'link',
  uv_cwd: 'read the working directory',
};

/** The first part of `target` that exists but is not a folder, when a later part needs it to be one. */
function fileInTheWay(target: string): string | undefined {
  let current = path.parse(target).root;
  for (const part of path.relative(current, path.resolve(target)).split(path.sep).slice(0, -1)) {
    current = path.join(current, part);
    try {
      if (!fs.statSync(current).isDirectory()) return current;
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/**
 * Turns a failed file system call (a read-only project, a file where a folder belongs, a name too long, a full
 * disk) into a user-fixable error naming the path and the way out; undefined for anything else.
 */
export function fileSystemError(error: unknown): AmplifyError | undefined {
  if (!isSystemCallError(error)) return undefined;
  const target = error.path;
  if (target === undefined) return undefined;
  const action = ACTIONS[error.syscall ?? ''] ?? 'use';
  const options = (resolution: string) => ({ resolution, cause: error });
  switch (error.code) {
    case 'EACCES':
    case 'EPERM':
      return new AmplifyError('FileNotWritable', `Cannot ${action} ${target}: permission denied (${error.code}); the folder is read-only for this user`, options(
        `Make it writable (e.g. "chmod -R u+w ${path.dirname(target)}", or "chattr -i" for an immutable file), or run the command in a copy you own`,
      ));
    case 'EROFS':
      return new AmplifyError('FileNotWritable', `Cannot ${action} ${target}: the file system is read-only (EROFS)`, options('Run the command in a writable copy of the project'));
    case 'ENOTDIR': {
      const blocker = fileInTheWay(target) ?? target;
      return new AmplifyError('FileWhereFolderBelongs', `${blocker} is a file where a folder belongs (needed to ${action} ${target})`, options(
        `Move or remove the file ${blocker} (restore the folder from version control), then run the command again`,
      ));
    }
    case 'EISDIR':
      return new AmplifyError('FolderWhereFileBelongs', `${target} is a folder where a file belongs`, options(`Move or remove the folder ${target}, then run the command again`));
    case 'ENAMETOOLONG':
      return new AmplifyError('PathTooLong', `Cannot ${action} ${target.length > 120 ? `${target.slice(0, 100)}…` : target}: the path is too long for the file system (ENAMETOOLONG)`, options(
        'Use a shorter name (at most 255 characters per folder or file name)',
      ));
    case 'ENOSPC':
      return new AmplifyError('DiskFull', `Cannot ${action} ${target}: no space left on the device`, options('Free some disk space, then run the command again'));
    case 'ENOENT':
      return new AmplifyError('FileMissing', `Cannot ${action} ${target}: it does not exist`, options(
        'Restore it (from version control, or with "amplify pull"), then run the command again',
      ));
    default:
      return undefined;
  }
}
