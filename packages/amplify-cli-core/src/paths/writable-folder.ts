import * as fs from 'fs';
import * as path from 'path';
import { AmplifyError } from '../errors/amplify-error';

/** The folder itself when it exists, else its nearest existing ancestor: where creating it would start. */
function nearestExisting(dir: string): string {
  let current = path.resolve(dir);
  while (!fs.existsSync(current)) {
    const parent = path.dirname(current);
    if (parent === current) break;
    current = parent;
  }
  return current;
}

/** Why files cannot be created in `dir` (or in the folders leading to it), or `undefined` when they can. */
export function folderWriteProblem(dir: string): string | undefined {
  const existing = nearestExisting(dir);
  if (!fs.statSync(existing).isDirectory()) return `${existing} is a file, not a folder`;
  // Probing with a real entry is the only answer that holds for root, read-only mounts and ACLs alike.
  try {
    fs.rmdirSync(fs.mkdtempSync(path.join(existing, '.amplify-write-check-')));
    return undefined;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return `${existing} is not writable${code ? ` (${code})` : ''}`;
  }
}

/**
 * Throws a one-line `FolderNotWritable` naming the folder when a command will need to write there: called before
 * the command creates anything (in the cloud above all) that a later failed write would leave behind.
 */
export function assertWritableFolder(dir: string, purpose: string, resolution: string): void {
  const problem = folderWriteProblem(dir);
  if (problem === undefined) return;
  throw new AmplifyError('FolderNotWritable', `Cannot write ${purpose} to ${dir}: ${problem}`, { resolution });
}
