import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import type { Readable } from 'stream';
import { resolveInside } from '../store/confined-path';

/** Large copies (multipart assembly, UploadPartCopy) move through a buffer of this size. */
const COPY_SLICE_BYTES = 1024 * 1024;

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

  /**
   * Writes a streamed body into a new blob as it arrives, showing each chunk to `observe` (the digests) on the way,
   * so an upload of any size holds no more than a chunk in memory. A stream that fails leaves no file behind. Each
   * chunk is written synchronously: a network read's worth of bytes goes to the page cache in microseconds, far
   * less than what a promise per write costs small objects.
   */
  async receive(body: Readable, observe: (chunk: Buffer) => void): Promise<{ id: string; size: number }> {
    const id = crypto.randomBytes(16).toString('hex');
    const target = this.pathOf(id);
    this.ensureShard(target);
    let size = 0;
    const fd = fs.openSync(target, 'w');
    try {
      for await (const chunk of body) {
        observe(chunk as Buffer);
        writeAll(fd, chunk as Buffer);
        size += (chunk as Buffer).length;
      }
    } catch (error) {
      fs.closeSync(fd);
      fs.rmSync(target, { force: true });
      body.destroy();
      throw error;
    }
    fs.closeSync(fd);
    return { id, size };
  }

  /** Writes the concatenation of existing blobs, a slice at a time so large uploads stay out of memory. */
  concat(ids: readonly string[]): string {
    return this.create((target) => {
      const fd = fs.openSync(target, 'w');
      try {
        for (const part of ids) {
          this.copyInto(fd, part, 0, fs.statSync(this.pathOf(part)).size, () => undefined);
        }
      } finally {
        fs.closeSync(fd);
      }
    });
  }

  copy(source: string): string {
    return this.create((target) => fs.copyFileSync(this.pathOf(source), target, fs.constants.COPYFILE_FICLONE));
  }

  /** Copies `length` bytes of a blob from `start` into a new blob, a slice at a time, showing each to `observe`. */
  copyRange(source: string, start: number, length: number, observe: (chunk: Buffer) => void): string {
    return this.create((target) => {
      const fd = fs.openSync(target, 'w');
      try {
        this.copyInto(fd, source, start, length, observe);
      } finally {
        fs.closeSync(fd);
      }
    });
  }

  /**
   * A stream of a blob's bytes (`end` inclusive). The file is opened now, not when the stream first reads: a blob
   * replaced or deleted in between stays readable through the open descriptor.
   */
  open(id: string, start?: number, end?: number): Readable {
    const fd = fs.openSync(this.pathOf(id), 'r');
    return fs.createReadStream('', { fd, start, end, autoClose: true });
  }

  read(id: string): Buffer {
    return fs.readFileSync(this.pathOf(id));
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
    this.ensureShard(target);
    try {
      fill(target);
    } catch (error) {
      fs.rmSync(target, { force: true });
      throw error;
    }
    return id;
  }

  private ensureShard(target: string): void {
    const shard = path.dirname(target);
    if (!this.shards.has(shard)) {
      fs.mkdirSync(shard, { recursive: true });
      this.shards.add(shard);
    }
  }

  private copyInto(fd: number, source: string, start: number, length: number, observe: (chunk: Buffer) => void): void {
    const buffer = Buffer.allocUnsafe(Math.min(COPY_SLICE_BYTES, Math.max(length, 1)));
    const from = fs.openSync(this.pathOf(source), 'r');
    try {
      let copied = 0;
      while (copied < length) {
        const n = fs.readSync(from, buffer, 0, Math.min(buffer.length, length - copied), start + copied);
        if (n === 0) {
          break;
        }
        const slice = buffer.subarray(0, n);
        observe(slice);
        writeAll(fd, slice);
        copied += n;
      }
    } finally {
      fs.closeSync(from);
    }
  }

  /** Ids come from the database, never from a request; confining them still costs nothing. */
  private pathOf(id: string): string {
    return resolveInside(this.blobsDir, id.slice(0, 2), id);
  }
}

function writeAll(fd: number, data: Buffer): void {
  let written = 0;
  while (written < data.length) {
    written += fs.writeSync(fd, data, written, data.length - written);
  }
}
