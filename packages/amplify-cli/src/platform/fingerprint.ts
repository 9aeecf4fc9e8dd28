import * as fs from 'fs';
import * as path from 'path';
import { PLUGIN_MANIFEST_FILE_NAME } from 'amplify-cli-core';

/**
 * A cheap identity of a file system entry: modification time plus inode, or `-` when it is missing. A package
 * re-extracted by npm gets new inodes even when npm pins file times, and an in-place edit changes the time.
 */
function statToken(file: string): string {
  const stat = fs.statSync(file, { throwIfNoEntry: false });
  return stat ? `${stat.mtimeMs}:${stat.ino}` : '-';
}

/** Identity of a scanned folder: it changes when a child is added, removed or renamed (install/uninstall). */
export function directoryFingerprint(dir: string): string {
  return statToken(dir);
}

/**
 * Identity of a candidate package: its folder (a file added at the root, such as a new manifest), its
 * package.json (an upgrade) and its manifest (an edited declaration). Three `stat` calls, following symlinks.
 */
export function packageFingerprint(dir: string): string {
  return [statToken(dir), statToken(path.join(dir, 'package.json')), statToken(path.join(dir, PLUGIN_MANIFEST_FILE_NAME))].join('|');
}
