import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { replaceFolder } from './folder-replace';
import { writeFileAtomic } from './json-file';

/**
 * Keeps the bytes of files and folders a command is about to change, so a failure can put every one back as it
 * was (or remove it when it did not exist): a failed command leaves no half-written project behind.
 */
export class FileRollback {
  private readonly files = new Map<string, Buffer | undefined>();
  private readonly dirs = new Map<string, { copy: string | undefined; ignore: ReadonlySet<string> }>();
  private backupRoot: string | undefined;

  /** Remembers a file's current content (or its absence). The first call for a path wins. */
  keepFile(filePath: string): this {
    if (!this.files.has(filePath)) {
      this.files.set(filePath, fs.existsSync(filePath) ? fs.readFileSync(filePath) : undefined);
    }
    return this;
  }

  /**
   * Remembers a folder's whole content (or its absence) by copying it aside. Folders named in `ignore` (such as
   * `node_modules`, large and rebuilt by install) are neither copied nor restored: inside a folder that existed they
   * are left as they are; a folder that did not exist goes entirely, whatever it holds.
   */
  keepDir(dirPath: string, options: { ignore?: readonly string[] } = {}): this {
    if (this.dirs.has(dirPath)) return this;
    const ignore = new Set(options.ignore ?? []);
    if (!fs.existsSync(dirPath)) {
      this.dirs.set(dirPath, { copy: undefined, ignore });
      return this;
    }
    this.backupRoot ??= fs.mkdtempSync(path.join(os.tmpdir(), 'amplify-rollback-'));
    const copy = path.join(this.backupRoot, String(this.dirs.size));
    fs.cpSync(dirPath, copy, { recursive: true, filter: (source) => !ignore.has(path.basename(source)) });
    this.dirs.set(dirPath, { copy, ignore });
    return this;
  }

  /** Puts everything back; folders first, so a kept file inside a kept folder ends up as the file was kept. */
  restore(): void {
    for (const [dirPath, { copy, ignore }] of this.dirs) {
      if (copy === undefined) fs.rmSync(dirPath, { recursive: true, force: true });
      else if (ignore.size === 0) replaceFolder(dirPath, (staged) => fs.cpSync(copy, staged, { recursive: true }));
      else restoreTree(copy, dirPath, ignore);
    }
    for (const [filePath, content] of this.files) {
      if (content === undefined) {
        fs.rmSync(filePath, { force: true });
      } else {
        writeFileAtomic(filePath, content);
      }
    }
    this.discard();
  }

  /** Forgets the kept copies (after success). */
  discard(): void {
    if (this.backupRoot !== undefined) fs.rmSync(this.backupRoot, { recursive: true, force: true });
    this.backupRoot = undefined;
    this.files.clear();
    this.dirs.clear();
  }

  /** Runs `fn`; on failure restores what was kept and rethrows. */
  async guard<T>(fn: () => Promise<T>): Promise<T> {
    try {
      const result = await fn();
      this.discard();
      return result;
    } catch (error) {
      this.restore();
      throw error;
    }
  }
}

/** Makes `target` hold what `copy` holds again, leaving the ignored folders of `target` alone. */
function restoreTree(copy: string, target: string, ignore: ReadonlySet<string>): void {
  if (!fs.statSync(target, { throwIfNoEntry: false })?.isDirectory()) {
    fs.rmSync(target, { recursive: true, force: true });
    fs.cpSync(copy, target, { recursive: true });
    return;
  }
  const kept = new Map(fs.readdirSync(copy, { withFileTypes: true }).map((entry) => [entry.name, entry]));
  for (const entry of fs.readdirSync(target, { withFileTypes: true })) {
    if (ignore.has(entry.name)) continue;
    const was = kept.get(entry.name);
    const current = path.join(target, entry.name);
    if (was === undefined || was.isDirectory() !== entry.isDirectory()) fs.rmSync(current, { recursive: true, force: true });
  }
  for (const [name, entry] of kept) {
    const source = path.join(copy, name);
    const current = path.join(target, name);
    if (entry.isDirectory()) {
      restoreTree(source, current, ignore);
    } else if (!fs.existsSync(current) || !fs.readFileSync(current).equals(fs.readFileSync(source))) {
      fs.copyFileSync(source, current);
    }
  }
}
