import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/**
 * Keeps the bytes of files and folders a command is about to change, so a failure can put every one back as it
 * was (or remove it when it did not exist): a failed command leaves no half-written project behind.
 */
export class FileRollback {
  private readonly files = new Map<string, Buffer | undefined>();
  private readonly dirs = new Map<string, string | undefined>();
  private backupRoot: string | undefined;

  /** Remembers a file's current content (or its absence). The first call for a path wins. */
  keepFile(filePath: string): this {
    if (!this.files.has(filePath)) {
      this.files.set(filePath, fs.existsSync(filePath) ? fs.readFileSync(filePath) : undefined);
    }
    return this;
  }

  /** Remembers a folder's whole content (or its absence) by copying it aside. */
  keepDir(dirPath: string): this {
    if (this.dirs.has(dirPath)) return this;
    if (!fs.existsSync(dirPath)) {
      this.dirs.set(dirPath, undefined);
      return this;
    }
    this.backupRoot ??= fs.mkdtempSync(path.join(os.tmpdir(), 'amplify-rollback-'));
    const copy = path.join(this.backupRoot, String(this.dirs.size));
    fs.cpSync(dirPath, copy, { recursive: true });
    this.dirs.set(dirPath, copy);
    return this;
  }

  /** Puts everything back; folders first, so a kept file inside a kept folder ends up as the file was kept. */
  restore(): void {
    for (const [dirPath, copy] of this.dirs) {
      fs.rmSync(dirPath, { recursive: true, force: true });
      if (copy !== undefined) fs.cpSync(copy, dirPath, { recursive: true });
    }
    for (const [filePath, content] of this.files) {
      if (content === undefined) {
        fs.rmSync(filePath, { force: true });
      } else {
        fs.mkdirSync(path.dirname(filePath), { recursive: true });
        fs.writeFileSync(filePath, content);
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
