import * as fs from 'fs';
import * as path from 'path';

/** Every file under `dir`, keyed by its path relative to `dir` with forward slashes (zip entry names). */
function collectFiles(dir: string, prefix = ''): Record<string, Uint8Array> {
  const files: Record<string, Uint8Array> = {};
  if (!fs.existsSync(dir)) return files;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    const name = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) Object.assign(files, collectFiles(full, name));
    else if (entry.isFile()) files[name] = fs.readFileSync(full);
  }
  return files;
}

export interface ZipOptions {
  /** Top-level or nested folder names to leave out (e.g. `node_modules` is kept for functions, `.temp` never is). */
  exclude?: (relativePath: string) => boolean;
}

/** Zips a folder so that its contents sit at the root of the archive (how #current-cloud-backend.zip is laid out). */
export function zipDirectory(dir: string, options: ZipOptions = {}): Uint8Array {
  const { zipSync } = require('fflate') as typeof import('fflate');
  const files = collectFiles(dir);
  if (options.exclude) {
    for (const name of Object.keys(files)) if (options.exclude(name)) delete files[name];
  }
  // A fixed timestamp makes the zip a function of the files alone, so its hash detects real changes only.
  const fixed = new Date('2020-01-01T00:00:00Z');
  return zipSync(Object.fromEntries(Object.entries(files).map(([name, data]) => [name, [data, { mtime: fixed }]])), { level: 6 });
}

/**
 * The archive's entries in memory, keyed by entry name (a name ending in `/` is a folder). Writing them is the
 * core's job (`replaceCurrentCloudBackend`), which also refuses names that would escape the folder.
 */
export function unzipFiles(zip: Uint8Array): Record<string, Uint8Array> {
  const { unzipSync } = require('fflate') as typeof import('fflate');
  return unzipSync(zip);
}
