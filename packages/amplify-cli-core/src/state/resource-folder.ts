import * as fs from 'fs';
import * as path from 'path';

/** Deletes a resource folder, and its category folder when that is left empty. */
export function removeResourceDirectory(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
  const categoryDir = path.dirname(dir);
  if (fs.existsSync(categoryDir) && fs.readdirSync(categoryDir).length === 0) {
    fs.rmdirSync(categoryDir);
  }
}
