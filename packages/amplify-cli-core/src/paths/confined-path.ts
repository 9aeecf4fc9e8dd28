import * as path from 'path';

/**
 * Why `value`, a folder setting relative to the project root (a frontend's `SourceDir`, `ResDir`...), would lead
 * outside the project, or `undefined` when it stays inside. `/` (and `.` or `./`) name the root itself, as in the
 * original's settings for frameworks that keep sources at the top. Any other absolute path is refused rather than
 * joined under the root, because whoever wrote it meant somewhere else.
 */
export function projectRelativePathProblem(value: string): string | undefined {
  if (value.includes('\0')) return 'contains a NUL character';
  const slashed = value.replace(/\\/g, '/');
  if (/^\/+$/.test(slashed)) return undefined;
  if (slashed.startsWith('/') || slashed.startsWith('~') || path.win32.isAbsolute(value) || /^[a-zA-Z]:/.test(value)) return 'is an absolute path';
  const normalized = path.posix.normalize(slashed);
  if (normalized === '..' || normalized.startsWith('../')) return 'leads outside the project';
  return undefined;
}

/**
 * Why `name` (a category or resource name that becomes one folder under `amplify/backend/`) is not a single plain
 * path segment, or `undefined` when it is.
 */
export function pathSegmentProblem(name: string): string | undefined {
  if (name === '' || name === '.' || name === '..') return 'is not a folder name';
  if (/[/\\\0]/.test(name)) return 'contains a path separator';
  return undefined;
}
