import * as fs from 'fs';
import * as path from 'path';
import { resolveInside } from '../store/confined-path';

/** A zip refused before anything of it is written: the reason names the entry at fault. */
export class ArchiveRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ArchiveRefusedError';
  }
}

/** Bounds on what one deployment may unpack (a zip bomb is refused, not written). */
const MAX_ENTRIES = 100_000;
const MAX_UNPACKED_BYTES = 2 * 1024 * 1024 * 1024;

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const UNIX_HOST = 3;
const FILE_TYPE_MASK = 0o170000;
const SYMLINK_TYPE = 0o120000;

/**
 * Unpacks a deployment zip into `directory` (created; it must not exist yet). Every entry name is checked before a
 * byte is written: no absolute path, drive letter, backslash, `..` or empty segment, no NUL, no symbolic link
 * (read from the central directory, which fflate does not report), and each target proven inside `directory`.
 */
export function unpackSiteArchive(zip: Buffer, directory: string): { files: number; bytes: number } {
  const symlinks = symlinkEntries(zip);
  const { unzipSync } = require('fflate') as typeof import('fflate');
  let entries = 0;
  let declaredBytes = 0;
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(new Uint8Array(zip.buffer, zip.byteOffset, zip.byteLength), {
      filter: (file) => {
        entries += 1;
        declaredBytes += file.originalSize;
        if (entries > MAX_ENTRIES) throw new ArchiveRefusedError(`The zip has more than ${MAX_ENTRIES} entries.`);
        if (declaredBytes > MAX_UNPACKED_BYTES) throw new ArchiveRefusedError(`The zip unpacks to more than ${MAX_UNPACKED_BYTES} bytes.`);
        checkEntryName(file.name, symlinks);
        return true;
      },
    });
  } catch (error) {
    if (error instanceof ArchiveRefusedError) throw error;
    throw new ArchiveRefusedError(`The upload is not a readable zip file: ${(error as Error).message}`);
  }
  fs.mkdirSync(path.dirname(directory), { recursive: true });
  fs.mkdirSync(directory);
  let bytes = 0;
  let count = 0;
  for (const [name, content] of Object.entries(files)) {
    const target = resolveInside(directory, ...name.split('/').filter((segment) => segment !== ''));
    if (name.endsWith('/')) {
      fs.mkdirSync(target, { recursive: true });
      continue;
    }
    fs.mkdirSync(path.dirname(target), { recursive: true });
    // `wx`: an entry never replaces what another entry (or anything else) already put there.
    fs.writeFileSync(target, content, { flag: 'wx' });
    bytes += content.byteLength;
    count += 1;
  }
  return { files: count, bytes };
}

function checkEntryName(name: string, symlinks: ReadonlySet<string>): void {
  const refuse = (why: string) => new ArchiveRefusedError(`The zip entry ${JSON.stringify(name)} ${why}; a deployment zip holds relative paths of plain files only.`);
  if (name.includes('\0')) throw refuse('contains a NUL character');
  if (name.includes('\\')) throw refuse('contains a backslash');
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) throw refuse('is an absolute path');
  const segments = name.replace(/\/$/, '').split('/');
  if (segments.some((segment) => segment === '..')) throw refuse("leaves the archive root with '..'");
  if (segments.some((segment) => segment === '' || segment === '.')) throw refuse('has an empty or "." path segment');
  if (symlinks.has(name)) throw refuse('is a symbolic link');
}

/** The names of entries the central directory marks as Unix symbolic links. */
function symlinkEntries(zip: Buffer): Set<string> {
  const names = new Set<string>();
  // The end-of-central-directory record is in the last 22 + 65535 bytes (its comment is at most 65535 long).
  let eocd = -1;
  for (let offset = zip.length - 22; offset >= Math.max(0, zip.length - 22 - 0xffff); offset -= 1) {
    if (zip.readUInt32LE(offset) === EOCD_SIGNATURE) {
      eocd = offset;
      break;
    }
  }
  if (eocd < 0) throw new ArchiveRefusedError('The upload is not a zip file: it has no end-of-central-directory record.');
  const count = zip.readUInt16LE(eocd + 10);
  let offset = zip.readUInt32LE(eocd + 16);
  for (let index = 0; index < count; index += 1) {
    if (offset + 46 > zip.length || zip.readUInt32LE(offset) !== CENTRAL_SIGNATURE) {
      throw new ArchiveRefusedError('The zip central directory is damaged.');
    }
    const madeBy = zip.readUInt8(offset + 5);
    const nameLength = zip.readUInt16LE(offset + 28);
    const extraLength = zip.readUInt16LE(offset + 30);
    const commentLength = zip.readUInt16LE(offset + 32);
    const mode = zip.readUInt32LE(offset + 38) >>> 16;
    const name = zip.toString('utf8', offset + 46, offset + 46 + nameLength);
    if (madeBy === UNIX_HOST && (mode & FILE_TYPE_MASK) === SYMLINK_TYPE) names.add(name);
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}
