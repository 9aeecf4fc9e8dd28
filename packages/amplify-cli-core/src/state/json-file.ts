// A plain require (not a namespace copy) so a test can intercept the rename and simulate a crash before it.
import fs = require('fs');
import * as path from 'path';
import { AmplifyError } from '../errors/amplify-error';
import type * as FolderReplaceModule from './folder-replace';
import type * as JsonSyntaxErrorModule from './json-syntax-error';

export interface ReadJsonFileOptions {
  /** Throw `FileNotFound` when the file is missing (default true); otherwise return undefined. */
  throwIfNotExist?: boolean;
}

/**
 * Parses JSON text read from `filePath`; a syntax error names the file, line and column, and `resolution` (what
 * the caller knows about getting the file back).
 */
export function parseJson<T>(text: string, filePath: string, resolution = 'Fix or restore the file'): T {
  // Editors on Windows like to prepend a byte-order mark, which JSON.parse rejects.
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    return JSON.parse(body) as T;
  } catch (cause) {
    // The locator is needed only when a file is broken, so it stays off the start-up path.
    const { findJsonSyntaxError } = require('./json-syntax-error') as typeof JsonSyntaxErrorModule;
    const located = findJsonSyntaxError(body);
    const where = located ? `${located.message} at line ${located.line} column ${located.column}` : String(cause);
    throw new AmplifyError('InvalidJson', `${filePath}: ${where}`, { resolution, cause });
  }
}

export function readJsonFile<T>(filePath: string, options?: { throwIfNotExist?: true }): T;
export function readJsonFile<T>(filePath: string, options: ReadJsonFileOptions): T | undefined;
export function readJsonFile<T>(filePath: string, options: ReadJsonFileOptions = {}): T | undefined {
  let text: string;
  try {
    text = fs.readFileSync(filePath, 'utf8');
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'ENOENT') {
      if (options.throwIfNotExist === false) {
        return undefined;
      }
      throw new AmplifyError('FileNotFound', `${filePath} does not exist`, {
        resolution: 'Restore the file, or run "amplify pull" to fetch the project again',
        cause,
      });
    }
    throw cause;
  }
  return parseJson<T>(text, filePath);
}

/**
 * Writes a file so that readers see either the old or the new content, never a torn one: the text goes to a
 * temp file in the same folder (so rename stays on one file system), is flushed to disk, then renamed over the
 * target. Parent folders are created.
 */
export function writeFileAtomic(filePath: string, content: string | Uint8Array): void {
  fs.mkdirSync(path.dirname(filePath), { recursive: true });
  // Unique per process and attempt; not a secret, so Math.random spares loading crypto on start-up paths. The pid
  // lets the next process recognise what a writer killed mid-write left behind (removeLeftoverTempFiles).
  const tempPath = `${filePath}.${process.pid}.${Math.random().toString(16).slice(2, 10)}.tmp`;
  const fd = fs.openSync(tempPath, 'w');
  try {
    try {
      fs.writeFileSync(fd, content);
      // Each temp file is flushed before its rename; one fsync of the folder after the renames would not do the
      // same job. A folder fsync makes the renames durable, not the renamed files' data: after a power loss a
      // file system that allocates blocks late (XFS; ext4 for new files, where its rename heuristic does not
      // apply) can show the new name over a zero-length file, where the old content was intact before. That is
      // the torn state this function exists to prevent. The cost measured on init is about 0.6 ms per file (14
      // files), small beside loading the AWS SDK, so safety wins.
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(tempPath, filePath);
  } catch (error) {
    fs.rmSync(tempPath, { force: true });
    throw error;
  }
}

/**
 * Removes under `dir` the temp files of writeFileAtomic that process `pid` left when it was killed between writing
 * and renaming. Left there they would be committed, zipped with the backend and change the resource folder hashes
 * that status compares. Folders a replaceFolder of `pid` left are recovered too. `node_modules` folders are skipped:
 * they hold no project file and can be huge.
 */
export function removeLeftoverTempFiles(dir: string, pid: number): void {
  const leftover = new RegExp(`\\.${pid}\\.[0-9a-f]+\\.tmp$`);
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  const leftoverFolder = new RegExp(`\\.${pid}\\.[0-9a-f]+\\.(tmp|replaced)$`);
  if (entries.some((entry) => entry.isDirectory() && leftoverFolder.test(entry.name))) {
    // A folder replacement (replaceFolder) was cut short: its staged folder goes, the folder it set aside comes back.
    const { recoverLeftoverFolders } = require('./folder-replace') as typeof FolderReplaceModule;
    recoverLeftoverFolders(dir, pid);
    entries = fs.readdirSync(dir, { withFileTypes: true });
  }
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules') removeLeftoverTempFiles(full, pid);
    } else if (leftover.test(entry.name)) {
      fs.rmSync(full, { force: true });
    }
  }
}

/** 2-space JSON with a trailing newline, written atomically. */
export function writeJsonFile(filePath: string, data: unknown): void {
  writeFileAtomic(filePath, `${JSON.stringify(data, null, 2)}\n`);
}
