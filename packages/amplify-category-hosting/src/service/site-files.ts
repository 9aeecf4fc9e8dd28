import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { AmplifyError } from 'amplify-cli-core';

/** One file of the built site, as it is uploaded. */
export interface SiteFile {
  /** The object key: the path relative to the distribution folder, `/`-separated. */
  key: string;
  filePath: string;
  /** Hex MD5 of the content: the ETag S3 gives an object uploaded in one part. */
  md5: string;
  size: number;
  contentType: string;
  cacheControl: string;
}

/** A content hash in the file name (`app-4F2KQ7ZD.js`, `main.3b9c1e07.css`): the name changes whenever the content does. */
const HASHED_NAME = /[.-](?=[A-Za-z0-9_]*\d)[A-Za-z0-9_]{8,}\.[A-Za-z0-9]+$/;

/**
 * `Cache-Control` of an object: files whose names carry a content hash never change, so browsers and the CDN keep
 * them for a year; everything else (HTML above all, which names those files) is revalidated on every use, so a
 * publish is seen at once.
 */
export function cacheControlFor(key: string): string {
  return HASHED_NAME.test(key) && !/\.html?$/i.test(key) ? 'public, max-age=31536000, immutable' : 'no-cache';
}

/** The Content-Type by extension (with the charset for text), `text/plain` for names without a known one. */
export function contentTypeFor(key: string): string {
  const mime = require('mime-types') as typeof import('mime-types');
  return mime.contentType(path.posix.extname(key)) || 'text/plain; charset=utf-8';
}

/** Every file under `dir` except the ignored ones, in key order. Fails on a missing or empty folder. */
export function scanSite(dir: string, ignored: (key: string) => boolean): SiteFile[] {
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
    throw new AmplifyError('DistributionDirMissing', `The distribution folder ${dir} does not exist`, {
      resolution: 'Check that the build command writes the app there, or set the distribution directory with "amplify configure project"',
    });
  }
  const files: SiteFile[] = [];
  const walk = (folder: string, prefix: string): void => {
    for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
      const key = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
      if (ignored(key)) continue;
      const filePath = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(filePath, key);
      else if (entry.isFile()) {
        const content = fs.readFileSync(filePath);
        files.push({ key, filePath, md5: createHash('md5').update(content).digest('hex'), size: content.length, contentType: contentTypeFor(key), cacheControl: cacheControlFor(key) });
      }
    }
  };
  walk(dir, '');
  if (files.length === 0) {
    throw new AmplifyError('DistributionDirEmpty', `The distribution folder ${dir} has no files to publish`, {
      resolution: 'Run the build, and check amplifyPublishIgnore.json does not leave every file out',
    });
  }
  return files.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
