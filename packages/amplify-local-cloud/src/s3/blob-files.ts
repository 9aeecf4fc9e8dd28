import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { resolveInside } from '../store/confined-path';

/**
 * Object bodies as immutable files under `<root>/blobs/`, each written once under a fresh random id. Metadata in
 * SQLite points at a blob only after the blob is complete, so the commit of the metadata is what makes a write
 * visible, atomically: no reader can reach a half-written file, and no temp-file-and-rename is needed. Replaced or
 * deleted blobs are unlinked after the metadata commit; blobs orphaned by a crash in between are swept at start-up.
 */
export class BlobFiles {
  private readonly blobsDir: string;
  /** Shard folders known to exist, so a write does not pay for a mkdir each time. */
  private readonly shards = new Set<string>();

  constructor(root: string) {
    this.blobsDir = path.join(root, 'blobs');
    fs.mkdirSync(this.blobsDir, { recursive: true });
  }

  write(body: Buffer): string {
    return this.create((target) => fs.writeFileSync(target, body));
  }

  /** Writes the concatenation of existing blobs, reading one at a time so large uploads stay out of memory. */
  concat(ids: readonly string[]): string {
    return this.create((target) => {
      const fd = fs.openSync(target, 'w');
      try {
        for (const part of ids) {
          const data = fs.readFileSync(this.pathOf(part));
          let written = 0;
          while (written < data.length) {
            written += fs.writeSync(fd, data, written, data.length - written);
          }
        }
      } finally {
        fs.closeSync(fd);
      }
    });
  }

  copy(source: string): string {
    return this.create((target) => fs.copyFileSync(this.pathOf(source), target, fs.constants.COPYFILE_FICLONE));
  }

  read(id: string, start?: number, endInclusive?: number): Buffer {
    if (start === undefined || endInclusive === undefined) {
      return fs.readFileSync(this.pathOf(id));
    }
    const length = endInclusive - start + 1;
    const buffer = Buffer.alloc(length);
    const fd = fs.openSync(this.pathOf(id), 'r');
    try {
      let read = 0;
      while (read < length) {
        const n = fs.readSync(fd, buffer, read, length - read, start + read);
        if (n === 0) {
          break;
        }
        read += n;
      }
      return buffer.subarray(0, read);
    } finally {
      fs.closeSync(fd);
    }
  }

  remove(ids: Iterable<string>): void {
    for (const id of ids) {
      fs.rmSync(this.pathOf(id), { force: true });
    }
  }

  /** Removes every blob that `isReferenced` does not claim: leftovers of a crash between a write and its commit. */
  sweep(isReferenced: (id: string) => boolean): number {
    let removed = 0;
    for (const shard of fs.readdirSync(this.blobsDir)) {
      const shardDir = path.join(this.blobsDir, shard);
      for (const id of fs.readdirSync(shardDir)) {
        if (!isReferenced(id)) {
          fs.rmSync(path.join(shardDir, id), { force: true });
          removed += 1;
        }
      }
    }
    return removed;
  }

  /** Runs `fill` on the path of a new blob; a failed fill (disk full, missing source) leaves no file behind. */
  private create(fill: (target: string) => void): string {
    const id = crypto.randomBytes(16).toString('hex');
    const target = this.pathOf(id);
    const shard = path.dirname(target);
    if (!this.shards.has(shard)) {
      fs.mkdirSync(shard, { recursive: true });
      this.shards.add(shard);
    }
    try {
      fill(target);
    } catch (error) {
      fs.rmSync(target, { force: true });
      throw error;
    }
    return id;
  }

  /** Ids come from the database, never from a request; confining them still costs nothing. */
  private pathOf(id: string): string {
    return resolveInside(this.blobsDir, id.slice(0, 2), id);
  }
}
