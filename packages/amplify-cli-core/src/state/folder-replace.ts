import fs = require('fs');
import * as path from 'path';

/*
 * Replacing a whole project folder (`backend/`, `#current-cloud-backend/`, one resource's deployed copy) so that a
 * process killed half-way never leaves it half-written. The names follow writeFileAtomic's convention: the writer's
 * pid and a random hex part, so whoever comes next can tell which leftovers belong to a dead process.
 *
 *   <folder>.<pid>.<hex>.tmp        the new content, being written
 *   <folder>.<pid>.<hex>.replaced   the previous content, set aside for the instant between the two renames
 */

const STAGED = /^(.+)\.(\d+)\.[0-9a-f]+\.tmp$/;
const REPLACED = /^(.+)\.(\d+)\.[0-9a-f]+\.replaced$/;

function uniquePart(): string {
  return `${process.pid}.${Math.random().toString(16).slice(2, 10)}`;
}

function isProcessAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Replaces `target` with a folder that `fill` writes: `fill` gets a new, empty folder beside `target` (same file
 * system, so the swap is two renames), then the previous folder is set aside, the new one renamed in, and the
 * previous one removed. Killed before the swap, the old folder stays and the new one is a leftover; killed
 * between the two renames, the next replacement (or the project lock's takeover) puts the old folder back.
 * Leftovers of dead writers beside `target` are recovered first.
 */
export function replaceFolder(target: string, fill: (staged: string) => void): void {
  const parent = path.dirname(target);
  fs.mkdirSync(parent, { recursive: true });
  recoverLeftoverFolders(parent);
  const staged = `${target}.${uniquePart()}.tmp`;
  fs.mkdirSync(staged);
  try {
    fill(staged);
  } catch (error) {
    fs.rmSync(staged, { recursive: true, force: true });
    throw error;
  }
  const replaced = `${target}.${uniquePart()}.replaced`;
  let setAside = false;
  try {
    fs.renameSync(target, replaced);
    setAside = true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      fs.rmSync(staged, { recursive: true, force: true });
      throw error;
    }
  }
  try {
    fs.renameSync(staged, target);
  } catch (error) {
    if (setAside) fs.renameSync(replaced, target);
    fs.rmSync(staged, { recursive: true, force: true });
    throw error;
  }
  if (setAside) fs.rmSync(replaced, { recursive: true, force: true });
}

/**
 * Deals with what replaceFolder left in `parent` when its process died: a staged folder is removed; a set-aside
 * folder is renamed back when its folder is missing (the swap was cut between its renames), removed otherwise.
 * Only the leftovers of `pid` when given (the project lock knows which holder died), else of any dead process.
 */
export function recoverLeftoverFolders(parent: string, pid?: number): void {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(parent, { withFileTypes: true });
  } catch {
    return;
  }
  const isLeftOver = (writer: number): boolean => (pid === undefined ? !isProcessAlive(writer) : writer === pid);
  // Set-aside folders first: a staged folder must not be mistaken for work to keep, and the old content wins.
  for (const entry of entries) {
    const match = entry.isDirectory() ? REPLACED.exec(entry.name) : null;
    if (!match || !isLeftOver(Number(match[2]))) continue;
    const full = path.join(parent, entry.name);
    const original = path.join(parent, match[1]);
    if (fs.existsSync(original)) fs.rmSync(full, { recursive: true, force: true });
    else fs.renameSync(full, original);
  }
  for (const entry of entries) {
    const match = entry.isDirectory() ? STAGED.exec(entry.name) : null;
    if (match && isLeftOver(Number(match[2]))) fs.rmSync(path.join(parent, entry.name), { recursive: true, force: true });
  }
}

/**
 * Replaces `target` with a folder holding exactly `files` (path relative to the folder -> content), swapped in as
 * replaceFolder does: readers see the old folder or the new one, never a mix. A path leaving the folder is refused.
 */
export function writeFolder(target: string, files: Readonly<Record<string, string | Uint8Array>>): void {
  replaceFolder(target, (staged) => {
    for (const [relative, content] of Object.entries(files)) {
      const file = path.resolve(staged, relative);
      if (path.relative(staged, file).startsWith('..') || path.isAbsolute(relative)) {
        throw new Error(`writeFolder: ${relative} is outside ${target}`);
      }
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, content);
    }
  });
}
