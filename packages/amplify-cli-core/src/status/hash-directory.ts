import * as fs from 'fs';
import * as path from 'path';

/**
 * Folder names never hashed, wherever they occur: the original's folder hash skips hidden folders,
 * `node_modules` and `test_coverage`, and (E4) `dist` and `build`, which hold build output (function zips, the
 * compiled API) that would otherwise show every freshly built or pulled resource as "Update".
 */
const IGNORED_DIRECTORY_NAMES = new Set(['node_modules', 'test_coverage', 'dist', 'build']);

function isIgnoredDirectory(name: string): boolean {
  return name.startsWith('.') || IGNORED_DIRECTORY_NAMES.has(name);
}

interface FileEntry {
  rel: string;
  isSymbolicLink: boolean;
}

function collectFiles(root: string, relative: string, out: FileEntry[]): void {
  const entries = fs.readdirSync(path.join(root, relative), { withFileTypes: true });
  for (const entry of entries) {
    const rel = relative === '' ? entry.name : `${relative}/${entry.name}`;
    if (entry.isDirectory()) {
      if (!isIgnoredDirectory(entry.name)) {
        collectFiles(root, rel, out);
      }
    } else if (entry.isFile() || entry.isSymbolicLink()) {
      out.push({ rel, isSymbolicLink: entry.isSymbolicLink() });
    }
  }
}

/**
 * A stable sha256 of a folder's content: every file's relative path (with `/` separators, sorted by code unit) and
 * bytes, so the hash is the same on every machine and changes when a file is added, removed, renamed or edited.
 * Symbolic links are hashed by their target path, not followed. Returns undefined when the folder does not exist.
 */
export function hashDirectory(dir: string): string | undefined {
  if (!fs.existsSync(dir)) {
    return undefined;
  }
  const files: FileEntry[] = [];
  collectFiles(dir, '', files);
  files.sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
  // Required here so that commands which never hash do not pay for loading crypto.
  const hash = (require('crypto') as typeof import('crypto')).createHash('sha256');
  for (const { rel, isSymbolicLink } of files) {
    const full = path.join(dir, rel);
    const content = isSymbolicLink ? Buffer.from(`symlink:${fs.readlinkSync(full)}`) : fs.readFileSync(full);
    // Length-prefixing keeps "a" + "bc" distinct from "ab" + "c".
    hash.update(`${rel}\0${content.length}\0`);
    hash.update(content);
  }
  return hash.digest('hex');
}
