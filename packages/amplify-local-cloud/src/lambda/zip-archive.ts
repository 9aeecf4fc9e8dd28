import * as fs from 'fs';
import * as path from 'path';
import { PathOutsideRootError, resolveInside } from '../store/confined-path';

const CENTRAL_DIRECTORY_END = 0x06054b50;
const CENTRAL_FILE_HEADER = 0x02014b50;
const UNIX_HOST = 3;
const FILE_TYPE_MASK = 0o170000;
const SYMLINK_TYPE = 0o120000;

/**
 * The names of the entries a Unix zip tool stored as symbolic links (file type in the high half of the external
 * attributes). Unpacked as files they would be harmless, but Lambda keeps them as links, so an archive with a link
 * pointing outside its folder is refused rather than turned into something else.
 */
export function symlinkEntries(zip: Uint8Array): string[] {
  const view = Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength);
  // The end record sits in the last 22 bytes plus at most a 64 KB comment.
  let end = -1;
  for (let offset = view.length - 22; offset >= Math.max(0, view.length - 22 - 0xffff); offset--) {
    if (view.readUInt32LE(offset) === CENTRAL_DIRECTORY_END) {
      end = offset;
      break;
    }
  }
  if (end < 0) return [];
  const count = view.readUInt16LE(end + 10);
  let offset = view.readUInt32LE(end + 16);
  const links: string[] = [];
  for (let index = 0; index < count && offset + 46 <= view.length && view.readUInt32LE(offset) === CENTRAL_FILE_HEADER; index++) {
    const host = view.readUInt8(offset + 5);
    const nameLength = view.readUInt16LE(offset + 28);
    const extraLength = view.readUInt16LE(offset + 30);
    const commentLength = view.readUInt16LE(offset + 32);
    const mode = view.readUInt32LE(offset + 38) >>> 16;
    if (host === UNIX_HOST && (mode & FILE_TYPE_MASK) === SYMLINK_TYPE) links.push(view.toString('utf8', offset + 46, offset + 46 + nameLength));
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return links;
}

/**
 * Unpacks a code or layer zip into `directory`, refusing (as the upload's error) an archive that cannot be read, an
 * entry that would land outside the folder (`../`, an absolute name) and symbolic links.
 */
export function unpackZip(zip: Buffer, directory: string): void {
  const { unzipSync } = require('fflate') as typeof import('fflate');
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(new Uint8Array(zip));
  } catch (error) {
    throw new Error(`Could not unzip uploaded file. Please check your file, then try to upload again. (${(error as Error).message})`);
  }
  const links = symlinkEntries(zip);
  if (links.length > 0) throw new Error(`Could not unzip uploaded file: entry ${links[0]} is a symbolic link, which the local cloud does not unpack`);
  for (const [name, content] of Object.entries(files)) {
    const target = zipEntryPath(directory, name);
    if (name.endsWith('/')) {
      fs.mkdirSync(target, { recursive: true });
    } else {
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, content);
    }
  }
}

/** Where a zip entry goes: never outside the folder (`../` or absolute names). */
function zipEntryPath(directory: string, name: string): string {
  try {
    return resolveInside(directory, name);
  } catch (error) {
    if (error instanceof PathOutsideRootError) throw new Error(`Could not unzip uploaded file: entry ${name} leaves the archive root`);
    throw error;
  }
}
