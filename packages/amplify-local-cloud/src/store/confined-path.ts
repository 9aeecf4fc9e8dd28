import * as path from 'path';

/** A path built from a name would leave the folder it belongs in: a bug or a hostile name, never a normal outcome. */
export class PathOutsideRootError extends Error {
  constructor(
    readonly root: string,
    readonly segments: readonly string[],
  ) {
    super(`The name ${JSON.stringify(segments.join('/'))} does not stay inside ${root}`);
    this.name = 'PathOutsideRootError';
  }
}

/**
 * Joins `segments` under `root` and proves the result is strictly inside it. Every path the local cloud builds from a
 * name it was given (a function name, a zip entry, a handler module) goes through here, so that a name validated
 * too loosely somewhere still cannot reach, replace or delete anything outside its folder, nor the folder itself.
 */
export function resolveInside(root: string, ...segments: string[]): string {
  const base = path.resolve(root);
  const target = path.resolve(base, ...segments);
  if (segments.some((segment) => segment.includes('\0')) || !target.startsWith(base + path.sep)) {
    throw new PathOutsideRootError(base, segments);
  }
  return target;
}
