import * as fs from 'fs';
import * as path from 'path';
import type { ZipInputFile } from 'fflate';

/** Every file under `dir`, keyed by its path relative to `dir` with forward slashes (zip entry names). */
export function collectFiles(dir: string, prefix = ''): Record<string, Uint8Array> {
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

/**
 * Zips a folder so that its contents sit at the root of the archive (how #current-cloud-backend.zip is laid out).
 * Each file is deflated by Node's zlib and handed to fflate's streaming `Zip` already compressed: fflate's own
 * deflate runs as cold JavaScript in a CLI process and cost about 1 ms a file, which made every push pay for
 * every resource of the project (the whole `#current-cloud-backend/` is zipped after each push).
 */
export function zipDirectory(dir: string, options: ZipOptions = {}): Uint8Array {
  return zipFiles(collectFiles(dir), options);
}

/** Zips files given by entry name, as `zipDirectory` does (fixed timestamps: the zip is a function of the files). */
export function zipFiles(files: Record<string, Uint8Array>, options: ZipOptions = {}): Uint8Array {
  const { Zip } = require('fflate') as typeof import('fflate');
  const zlib = require('zlib') as typeof import('zlib');
  const chunks: Uint8Array[] = [];
  const zip = new Zip((error, chunk) => {
    if (error) throw error;
    chunks.push(chunk);
  });
  // A fixed timestamp makes the zip a function of the files alone, so its hash detects real changes only.
  const mtime = new Date('2020-01-01T00:00:00Z');
  for (const [filename, data] of Object.entries(files)) {
    if (options.exclude?.(filename)) continue;
    const entry: ZipInputFile = { filename, mtime, size: data.length, crc: zlib.crc32(data), compression: 8 };
    zip.add(entry);
    entry.ondata!(null, zlib.deflateRawSync(data, { level: 6 }), true);
  }
  zip.end();
  return Buffer.concat(chunks);
}

/**
 * The archive's entries in memory, keyed by entry name (a name ending in `/` is a folder). Writing them is the
 * core's job (`replaceCurrentCloudBackend`), which also refuses names that would escape the folder.
 */
export function unzipFiles(zip: Uint8Array): Record<string, Uint8Array> {
  const { unzipSync } = require('fflate') as typeof import('fflate');
  return unzipSync(zip);
}
