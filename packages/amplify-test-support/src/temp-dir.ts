import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/** Temp folders made by a test file, removed by `cleanupTempDirs` in its afterAll/afterEach. */
const created: string[] = [];

/**
 * A new folder under the OS temp folder, by its real path (so it compares equal to what `process.cwd()` and
 * `fs.realpathSync` report where the temp folder is a symlink). Removed by `cleanupTempDirs()` or `removeDir(dir)`.
 */
export function makeTempDir(prefix = 'amplify-test-'): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), prefix)));
  created.push(dir);
  return dir;
}

/** Removes every folder `makeTempDir` made in this test file so far. */
export function cleanupTempDirs(): void {
  for (const dir of created.splice(0)) {
    removeDir(dir);
  }
}

export function removeDir(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
}
