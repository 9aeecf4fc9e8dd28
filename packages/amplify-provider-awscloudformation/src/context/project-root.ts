import * as fs from 'fs';
import * as path from 'path';

/**
 * The project this command works on: the nearest folder (from the working directory up) holding
 * `amplify/.config/`, or the working directory itself for a project being initialised there.
 */
export function findProjectRoot(start: string = process.cwd()): string {
  let dir = path.resolve(start);
  for (;;) {
    if (fs.existsSync(path.join(dir, 'amplify', '.config'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return path.resolve(start);
    dir = parent;
  }
}
