import * as crypto from 'crypto';
import * as path from 'path';
import type { Readable } from 'stream';
import type { Database, Statement } from 'better-sqlite3';
import type { BucketCorsRule, BucketStore, BucketWebsite } from '../contracts';
import { toXml } from '../xml/xml-writer';
import { childElements, childText, parseXml } from '../xml/xml-reader';
import { BlobFiles } from './blob-files';
import { bucketNameProblem } from './bucket-name';
import { noSuchBucket, noSuchKey, S3Error } from './s3-errors';
import { WEBSITE_PATH_PREFIX } from './website-path';

export const S3_XMLNS = 'http://s3.amazonaws.com/doc/2006-03-01/';

/** Bucket sub-resources that S3 stores and returns as documents (policy as JSON, the others as XML). */
export type BucketConfigKind = 'policy' | 'website' | 'encryption' | 'publicAccessBlock' | 'cors' | 'versioning' | 'tagging';

export interface ChecksumValue {
  /** Lower-case algorithm name as in the header `x-amz-checksum-<algorithm>`. */
  algorithm: string;
  value: string;
}

export type WebsiteSettings =
  | ({ type: 'site' } & BucketWebsite)
  | { type: 'redirect'; hostName: string; protocol?: string };

export interface ObjectAttributes {
  contentType?: string;
  /** Response headers stored with the object: `cache-control`, `content-disposition`, ..., `x-amz-meta-*`. */
  headers?: Record<string, string>;
  checksum?: ChecksumValue;
}

/** A change of an object, as S3 event notifications name it (`ObjectCreated:Put`, `ObjectRemoved:Delete`, ...). */
export interface ObjectEvent {
  eventName: string;
  bucket: string;
  key: string;
  size?: number;
  /** Quoted, as S3 sends it. */
  etag?: string;
}

export type ObjectEventListener = (event: ObjectEvent) => void;

export interface ObjectRecord {
  bucket: string;
  key: string;
  blob: string;
  size: number;
  /** Quoted, as S3 sends it. */
  etag: string;
  /** Milliseconds, whole seconds (HTTP dates have no finer resolution, so conditional requests compare exactly). */
  lastModified: number;
  contentType: string;
  headers: Record<string, string>;
  checksum?: ChecksumValue;
}

/** An upload body written to its own file, not yet referred to by any object or part. */
export interface ReceivedBlob {
  id: string;
  size: number;
}

export interface BucketRecord {
  name: string;
  region: string;
  created: number;
}

export interface ListObjectsOptions {
  prefix: string;
  delimiter?: string;
  /** List strictly after this key; a common prefix equal to it is not repeated. */
  marker?: string;
  maxKeys: number;
}

export interface ListObjectsResult {
  /** Keys and common prefixes in S3's order, as S3 interleaves them. */
  contents: ObjectRecord[];
  commonPrefixes: string[];
  isTruncated: boolean;
  /** The last key or common prefix returned: where the next page starts. */
  lastReturned?: string;
}

export interface PartRecord {
  partNumber: number;
  blob: string;
  size: number;
  etag: string;
  lastModified: number;
  checksum?: string;
}

export interface UploadRecord {
  uploadId: string;
  bucket: string;
  key: string;
  initiated: number;
  contentType: string;
  headers: Record<string, string>;
  checksumAlgorithm?: string;
}

/** Every part but the last must be at least 5 MiB, as in S3. */
const MIN_PART_SIZE = 5 * 1024 * 1024;
const MAX_KEY_BYTES = 1024;
const DEFAULT_CONTENT_TYPE = 'application/octet-stream';
/** Sorts after every character a key can continue with, so a listing can jump past a common prefix. */
const AFTER_EVERY_CHARACTER = '\u{10FFFF}';

interface ObjectRow {
  bucket: string;
  key: string;
  blob: string;
  size: number;
  etag: string;
  last_modified: number;
  content_type: string;
  headers: string;
  checksum_algorithm: string | null;
  checksum: string | null;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS s3_buckets (
  name TEXT PRIMARY KEY, region TEXT NOT NULL, created INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS s3_bucket_configs (
  bucket TEXT NOT NULL REFERENCES s3_buckets(name) ON DELETE CASCADE, kind TEXT NOT NULL, document TEXT NOT NULL,
  PRIMARY KEY (bucket, kind)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS s3_objects (
  bucket TEXT NOT NULL REFERENCES s3_buckets(name), key TEXT NOT NULL, blob TEXT NOT NULL, size INTEGER NOT NULL,
  etag TEXT NOT NULL, last_modified INTEGER NOT NULL, content_type TEXT NOT NULL, headers TEXT NOT NULL,
  checksum_algorithm TEXT, checksum TEXT,
  PRIMARY KEY (bucket, key)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS s3_uploads (
  upload_id TEXT PRIMARY KEY, bucket TEXT NOT NULL REFERENCES s3_buckets(name), key TEXT NOT NULL,
  initiated INTEGER NOT NULL, content_type TEXT NOT NULL, headers TEXT NOT NULL, checksum_algorithm TEXT);
CREATE TABLE IF NOT EXISTS s3_parts (
  upload_id TEXT NOT NULL REFERENCES s3_uploads(upload_id) ON DELETE CASCADE, part_number INTEGER NOT NULL,
  blob TEXT NOT NULL, size INTEGER NOT NULL, etag TEXT NOT NULL, last_modified INTEGER NOT NULL, checksum TEXT,
  PRIMARY KEY (upload_id, part_number)) WITHOUT ROWID;
`;

/**
 * The S3 data plane: buckets, their configuration documents, objects and multipart uploads. Metadata lives in
 * SQLite, bodies in `BlobFiles`. Also the `BucketStore` the CloudFormation engine uses.
 */
export class S3Store implements BucketStore {
  private readonly blobs: BlobFiles;
  private readonly statements = new Map<string, Statement>();
  private readonly objectListeners: ObjectEventListener[] = [];

  constructor(
    private readonly db: Database,
    dataDir: string,
    private readonly endpoint: string,
  ) {
    db.exec(SCHEMA);
    this.blobs = new BlobFiles(path.join(dataDir, 's3'));
    const referenced = new Set<string>();
    for (const row of db.prepare('SELECT blob FROM s3_objects UNION ALL SELECT blob FROM s3_parts').pluck().iterate()) {
      referenced.add(row as string);
    }
    this.blobs.sweep((id) => referenced.has(id));
  }

  // ---- buckets -------------------------------------------------------------------------------------------------

  createBucket(name: string, region: string): void {
    const problem = bucketNameProblem(name);
    if (problem !== undefined) {
      throw new S3Error('InvalidBucketName', { BucketName: name }, `The specified bucket is not valid: '${name}' ${problem}.`);
    }
    if (this.bucketExists(name)) {
      throw new S3Error('BucketAlreadyOwnedByYou', { BucketName: name });
    }
    this.sql('INSERT INTO s3_buckets (name, region, created) VALUES (?, ?, ?)').run(name, region, wholeSeconds(Date.now()));
  }

  deleteBucket(name: string): void {
    this.requireBucket(name);
    if (this.sql('SELECT 1 FROM s3_objects WHERE bucket = ? LIMIT 1').get(name) !== undefined) {
      throw new S3Error('BucketNotEmpty', { BucketName: name });
    }
    // Unfinished multipart uploads do not keep a bucket alive; their parts go with it.
    const partBlobs = this
      .sql('SELECT p.blob FROM s3_parts p JOIN s3_uploads u ON u.upload_id = p.upload_id WHERE u.bucket = ?')
      .pluck()
      .all(name) as string[];
    this.db.transaction(() => {
      this.sql('DELETE FROM s3_uploads WHERE bucket = ?').run(name);
      this.sql('DELETE FROM s3_buckets WHERE name = ?').run(name);
    })();
    this.blobs.remove(partBlobs);
  }

  bucketExists(name: string): boolean {
    return this.sql('SELECT 1 FROM s3_buckets WHERE name = ?').get(name) !== undefined;
  }

  bucketRegion(name: string): string | undefined {
    return this.sql('SELECT region FROM s3_buckets WHERE name = ?').pluck().get(name) as string | undefined;
  }

  listBuckets(): BucketRecord[] {
    return this.sql('SELECT name, region, created FROM s3_buckets ORDER BY name').all() as BucketRecord[];
  }

  requireBucket(name: string): void {
    if (!this.bucketExists(name)) {
      throw noSuchBucket(name);
    }
  }

  // ---- bucket configuration ------------------------------------------------------------------------------------

  getConfig(bucket: string, kind: BucketConfigKind): string | undefined {
    this.requireBucket(bucket);
    return this.sql('SELECT document FROM s3_bucket_configs WHERE bucket = ? AND kind = ?').pluck().get(bucket, kind) as
      | string
      | undefined;
  }

  putConfig(bucket: string, kind: BucketConfigKind, document: string | undefined): void {
    this.requireBucket(bucket);
    if (document === undefined) {
      this.sql('DELETE FROM s3_bucket_configs WHERE bucket = ? AND kind = ?').run(bucket, kind);
    } else {
      this
        .sql('INSERT INTO s3_bucket_configs (bucket, kind, document) VALUES (?, ?, ?) ON CONFLICT (bucket, kind) DO UPDATE SET document = excluded.document')
        .run(bucket, kind, document);
    }
  }

  setPolicy(bucket: string, policy: string | undefined): void {
    this.putConfig(bucket, 'policy', policy);
  }

  setCors(bucket: string, rules: BucketCorsRule[] | undefined): void {
    const document =
      rules === undefined
        ? undefined
        : toXml(
            'CORSConfiguration',
            {
              CORSRule: rules.map((rule) => ({
                ID: rule.id,
                AllowedOrigin: rule.allowedOrigins,
                AllowedMethod: rule.allowedMethods,
                AllowedHeader: rule.allowedHeaders,
                ExposeHeader: rule.exposedHeaders,
                MaxAgeSeconds: rule.maxAgeSeconds,
              })),
            },
            S3_XMLNS,
          );
    this.putConfig(bucket, 'cors', document);
  }

  setWebsite(bucket: string, website: BucketWebsite | undefined): void {
    const document =
      website === undefined
        ? undefined
        : toXml(
            'WebsiteConfiguration',
            {
              IndexDocument: { Suffix: website.indexDocument },
              ErrorDocument: website.errorDocument === undefined ? undefined : { Key: website.errorDocument },
            },
            S3_XMLNS,
          );
    this.putConfig(bucket, 'website', document);
  }

  /** How the bucket's website answers: its index and error documents, or a redirect of every request. */
  getWebsite(bucket: string): WebsiteSettings | undefined {
    const document = this.bucketExists(bucket) ? this.getConfig(bucket, 'website') : undefined;
    if (document === undefined) {
      return undefined;
    }
    const root = parseXml(document, 'WebsiteConfiguration');
    const redirect = childElements(root, 'RedirectAllRequestsTo')[0];
    const hostName = childText(redirect, 'HostName');
    if (hostName !== undefined) {
      return { type: 'redirect', hostName, protocol: childText(redirect, 'Protocol') };
    }
    const indexDocument = childText(childElements(root, 'IndexDocument')[0], 'Suffix');
    const errorDocument = childText(childElements(root, 'ErrorDocument')[0], 'Key');
    return indexDocument === undefined ? undefined : { type: 'site', indexDocument, errorDocument };
  }

  websiteUrl(bucket: string): string {
    return `${this.endpoint}${WEBSITE_PATH_PREFIX}${bucket}`;
  }

  // ---- objects -------------------------------------------------------------------------------------------------

  /** Object creations and deletions go to `listener` once committed (bucket notifications). */
  onObjectEvent(listener: ObjectEventListener): void {
    this.objectListeners.push(listener);
  }

  putObject(bucket: string, key: string, body: Buffer, contentType?: string): void {
    this.writeObject(bucket, key, body, { contentType });
  }

  getObject(bucket: string, key: string): Buffer | undefined {
    const record = this.bucketExists(bucket) ? this.headObject(bucket, key) : undefined;
    return record === undefined ? undefined : this.blobs.read(record.blob);
  }

  writeObject(bucket: string, key: string, body: Buffer, attributes: ObjectAttributes): ObjectRecord {
    this.requireBucket(bucket);
    checkKey(key);
    const blob = this.blobs.write(body);
    return this.notify('ObjectCreated:Put', this.commitObject(bucket, key, blob, body.length, `"${md5(body).toString('hex')}"`, attributes));
  }

  headObject(bucket: string, key: string): ObjectRecord | undefined {
    const row = this.sql('SELECT * FROM s3_objects WHERE bucket = ? AND key = ?').get(bucket, key) as ObjectRow | undefined;
    return row === undefined ? undefined : toRecord(row);
  }

  requireObject(bucket: string, key: string): ObjectRecord {
    this.requireBucket(bucket);
    const record = this.headObject(bucket, key);
    if (record === undefined) {
      throw noSuchKey(key);
    }
    return record;
  }

  /** The object's bytes (`range.end` inclusive) as a stream from its file. */
  openBody(record: ObjectRecord, range?: { start: number; end: number }): Readable {
    return this.blobs.open(record.blob, range?.start, range?.end);
  }

  /**
   * Receives a streamed upload body into a blob that nothing refers to yet: `commitReceivedObject` or
   * `commitReceivedPart` makes it visible, `discard` drops it (a failed checksum, a bucket gone meanwhile).
   */
  receive(body: Readable, observe: (chunk: Buffer) => void): Promise<ReceivedBlob> {
    return this.blobs.receive(body, observe);
  }

  discard(blob: ReceivedBlob): void {
    this.blobs.remove([blob.id]);
  }

  commitReceivedObject(bucket: string, key: string, blob: ReceivedBlob, md5: Buffer, attributes: ObjectAttributes): ObjectRecord {
    this.requireBucket(bucket);
    checkKey(key);
    return this.notify('ObjectCreated:Put', this.commitObject(bucket, key, blob.id, blob.size, `"${md5.toString('hex')}"`, attributes));
  }

  /** Deletes an object; deleting a key that does not exist succeeds, as in S3. */
  deleteObject(bucket: string, key: string): void {
    this.requireBucket(bucket);
    const blob = this.sql('DELETE FROM s3_objects WHERE bucket = ? AND key = ? RETURNING blob').pluck().get(bucket, key) as
      | string
      | undefined;
    if (blob !== undefined) {
      this.blobs.remove([blob]);
      for (const listener of this.objectListeners) listener({ eventName: 'ObjectRemoved:Delete', bucket, key });
    }
  }

  /** Copies an object; `attributes` replaces the metadata, `undefined` keeps the source's (S3's COPY directive). */
  copyObject(source: ObjectRecord, bucket: string, key: string, attributes: ObjectAttributes | undefined): ObjectRecord {
    this.requireBucket(bucket);
    checkKey(key);
    const blob = this.blobs.copy(source.blob);
    const kept: ObjectAttributes = attributes ?? { contentType: source.contentType, headers: source.headers, checksum: source.checksum };
    return this.notify('ObjectCreated:Copy', this.commitObject(bucket, key, blob, source.size, source.etag, kept));
  }

  listObjects(bucket: string, options: ListObjectsOptions): ListObjectsResult {
    this.requireBucket(bucket);
    const { prefix, delimiter, marker, maxKeys } = options;
    const page = this.sql('SELECT * FROM s3_objects WHERE bucket = ? AND key > ? AND key >= ? ORDER BY key LIMIT ?');
    const result: ListObjectsResult = { contents: [], commonPrefixes: [], isTruncated: false };
    let cursor = marker ?? '';
    let count = 0;
    let lastPrefix: string | undefined;
    scan: for (;;) {
      const rows = page.all(bucket, cursor, prefix, Math.min(maxKeys, 1000) + 1) as ObjectRow[];
      if (rows.length === 0) {
        break;
      }
      for (const row of rows) {
        if (!row.key.startsWith(prefix)) {
          break scan;
        }
        cursor = row.key;
        const cut = delimiter ? row.key.indexOf(delimiter, prefix.length) : -1;
        if (cut >= 0) {
          const commonPrefix = row.key.slice(0, cut + (delimiter as string).length);
          if (commonPrefix === lastPrefix || commonPrefix === marker) {
            continue;
          }
          if (count === maxKeys) {
            result.isTruncated = true;
            break scan;
          }
          result.commonPrefixes.push(commonPrefix);
          result.lastReturned = lastPrefix = commonPrefix;
          count += 1;
          // Jump past every key under this prefix instead of reading them all.
          cursor = commonPrefix + AFTER_EVERY_CHARACTER;
          continue scan;
        }
        if (count === maxKeys) {
          result.isTruncated = true;
          break scan;
        }
        result.contents.push(toRecord(row));
        result.lastReturned = row.key;
        count += 1;
      }
    }
    return result;
  }

  // ---- multipart uploads ---------------------------------------------------------------------------------------

  createUpload(bucket: string, key: string, attributes: ObjectAttributes & { checksumAlgorithm?: string }): string {
    this.requireBucket(bucket);
    checkKey(key);
    const uploadId = crypto.randomBytes(36).toString('base64url');
    this
      .sql('INSERT INTO s3_uploads (upload_id, bucket, key, initiated, content_type, headers, checksum_algorithm) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(
        uploadId,
        bucket,
        key,
        wholeSeconds(Date.now()),
        attributes.contentType ?? DEFAULT_CONTENT_TYPE,
        JSON.stringify(attributes.headers ?? {}),
        attributes.checksumAlgorithm ?? null,
      );
    return uploadId;
  }

  /** Unfinished uploads of a bucket whose keys start with `prefix`, by key then initiation time. */
  listUploads(bucket: string, prefix: string): UploadRecord[] {
    this.requireBucket(bucket);
    const rows = this.sql('SELECT * FROM s3_uploads WHERE bucket = ? AND key >= ? ORDER BY key, initiated, upload_id').all(bucket, prefix) as UploadRow[];
    return rows.filter((row) => row.key.startsWith(prefix)).map(toUpload);
  }

  requireUpload(bucket: string, key: string, uploadId: string): UploadRecord {
    this.requireBucket(bucket);
    const row = this.sql('SELECT * FROM s3_uploads WHERE upload_id = ? AND bucket = ? AND key = ?').get(uploadId, bucket, key) as UploadRow | undefined;
    if (row === undefined) {
      throw new S3Error('NoSuchUpload', { UploadId: uploadId });
    }
    return toUpload(row);
  }

  /** Stores a received part; the upload must still exist (it may have been aborted while the part streamed in). */
  commitReceivedPart(upload: UploadRecord, partNumber: number, blob: ReceivedBlob, md5: Buffer, checksum: string | undefined): PartRecord {
    const current = this.requireUpload(upload.bucket, upload.key, upload.uploadId);
    const part: PartRecord = { partNumber, blob: blob.id, size: blob.size, etag: `"${md5.toString('hex')}"`, lastModified: wholeSeconds(Date.now()), checksum };
    this.storePart(current, part);
    return part;
  }

  /** UploadPartCopy: a range of an object (all of it by default) copied file to file into a part. */
  copyPart(upload: UploadRecord, partNumber: number, source: ObjectRecord, range: { start: number; end: number } | undefined): PartRecord {
    const start = range?.start ?? 0;
    const size = range === undefined ? source.size : range.end - range.start + 1;
    const hash = crypto.createHash('md5');
    const blob = this.blobs.copyRange(source.blob, start, size, (chunk) => hash.update(chunk));
    const part: PartRecord = { partNumber, blob, size, etag: `"${hash.digest('hex')}"`, lastModified: wholeSeconds(Date.now()) };
    this.storePart(upload, part);
    return part;
  }

  listParts(upload: UploadRecord): PartRecord[] {
    const rows = this
      .sql('SELECT part_number, blob, size, etag, last_modified, checksum FROM s3_parts WHERE upload_id = ? ORDER BY part_number')
      .all(upload.uploadId) as { part_number: number; blob: string; size: number; etag: string; last_modified: number; checksum: string | null }[];
    return rows.map((row) => ({
      partNumber: row.part_number,
      blob: row.blob,
      size: row.size,
      etag: row.etag,
      lastModified: row.last_modified,
      checksum: row.checksum ?? undefined,
    }));
  }

  /** Assembles the listed parts into the object, with S3's rules for part order, ETags and sizes. */
  completeUpload(upload: UploadRecord, requested: readonly { partNumber: number; etag: string }[]): ObjectRecord {
    if (requested.length === 0) {
      throw new S3Error('MalformedXML', {}, 'You must specify at least one part');
    }
    const stored = new Map(this.listParts(upload).map((part) => [part.partNumber, part]));
    const chosen: PartRecord[] = [];
    for (const [index, wanted] of requested.entries()) {
      if (index > 0 && wanted.partNumber <= requested[index - 1].partNumber) {
        throw new S3Error('InvalidPartOrder', { UploadId: upload.uploadId });
      }
      const part = stored.get(wanted.partNumber);
      if (part === undefined || unquote(part.etag) !== unquote(wanted.etag)) {
        throw new S3Error('InvalidPart', { UploadId: upload.uploadId, PartNumber: String(wanted.partNumber), ETag: wanted.etag });
      }
      chosen.push(part);
    }
    for (const part of chosen.slice(0, -1)) {
      if (part.size < MIN_PART_SIZE) {
        throw new S3Error('EntityTooSmall', {
          ProposedSize: String(part.size),
          MinSizeAllowed: String(MIN_PART_SIZE),
          PartNumber: String(part.partNumber),
          ETag: part.etag,
        });
      }
    }
    const digests = Buffer.concat(chosen.map((part) => Buffer.from(unquote(part.etag), 'hex')));
    const etag = `"${md5(digests).toString('hex')}-${chosen.length}"`;
    const blob = this.blobs.concat(chosen.map((part) => part.blob));
    const size = chosen.reduce((sum, part) => sum + part.size, 0);
    const record = this.commitObject(upload.bucket, upload.key, blob, size, etag, {
      contentType: upload.contentType,
      headers: upload.headers,
    });
    this.dropUpload(upload);
    return this.notify('ObjectCreated:CompleteMultipartUpload', record);
  }

  abortUpload(upload: UploadRecord): void {
    this.dropUpload(upload);
  }

  // ---- internals -----------------------------------------------------------------------------------------------

  /** Statements are prepared once per store: preparing dominates the cost of these small queries. */
  private sql(source: string): Statement {
    let statement = this.statements.get(source);
    if (statement === undefined) {
      statement = this.db.prepare(source);
      this.statements.set(source, statement);
    }
    return statement;
  }

  private storePart(upload: UploadRecord, part: PartRecord): void {
    const replaced = this.db.transaction(() => {
      const old = this.sql('SELECT blob FROM s3_parts WHERE upload_id = ? AND part_number = ?').pluck().get(upload.uploadId, part.partNumber) as
        | string
        | undefined;
      this
        .sql(
          `INSERT INTO s3_parts (upload_id, part_number, blob, size, etag, last_modified, checksum) VALUES (?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT (upload_id, part_number) DO UPDATE SET blob = excluded.blob, size = excluded.size, etag = excluded.etag,
             last_modified = excluded.last_modified, checksum = excluded.checksum`,
        )
        .run(upload.uploadId, part.partNumber, part.blob, part.size, part.etag, part.lastModified, part.checksum ?? null);
      return old;
    })();
    if (replaced !== undefined) {
      this.blobs.remove([replaced]);
    }
  }

  private dropUpload(upload: UploadRecord): void {
    const blobs = this.sql('SELECT blob FROM s3_parts WHERE upload_id = ?').pluck().all(upload.uploadId) as string[];
    this.sql('DELETE FROM s3_uploads WHERE upload_id = ?').run(upload.uploadId);
    this.blobs.remove(blobs);
  }

  private notify(eventName: string, record: ObjectRecord): ObjectRecord {
    for (const listener of this.objectListeners) listener({ eventName, bucket: record.bucket, key: record.key, size: record.size, etag: record.etag });
    return record;
  }

  private commitObject(bucket: string, key: string, blob: string, size: number, etag: string, attributes: ObjectAttributes): ObjectRecord {
    const record: ObjectRecord = {
      bucket,
      key,
      blob,
      size,
      etag,
      lastModified: wholeSeconds(Date.now()),
      contentType: attributes.contentType ?? DEFAULT_CONTENT_TYPE,
      headers: attributes.headers ?? {},
      checksum: attributes.checksum,
    };
    const replaced = this.db.transaction(() => {
      const old = this.sql('SELECT blob FROM s3_objects WHERE bucket = ? AND key = ?').pluck().get(bucket, key) as string | undefined;
      this
        .sql(
          `INSERT INTO s3_objects (bucket, key, blob, size, etag, last_modified, content_type, headers, checksum_algorithm, checksum)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT (bucket, key) DO UPDATE SET blob = excluded.blob, size = excluded.size, etag = excluded.etag,
             last_modified = excluded.last_modified, content_type = excluded.content_type, headers = excluded.headers,
             checksum_algorithm = excluded.checksum_algorithm, checksum = excluded.checksum`,
        )
        .run(
          bucket,
          key,
          blob,
          size,
          etag,
          record.lastModified,
          record.contentType,
          JSON.stringify(record.headers),
          record.checksum?.algorithm ?? null,
          record.checksum?.value ?? null,
        );
      return old;
    })();
    if (replaced !== undefined) {
      this.blobs.remove([replaced]);
    }
    return record;
  }
}

interface UploadRow {
  upload_id: string;
  bucket: string;
  key: string;
  initiated: number;
  content_type: string;
  headers: string;
  checksum_algorithm: string | null;
}

function toUpload(row: UploadRow): UploadRecord {
  return {
    uploadId: row.upload_id,
    bucket: row.bucket,
    key: row.key,
    initiated: row.initiated,
    contentType: row.content_type,
    headers: JSON.parse(row.headers) as Record<string, string>,
    checksumAlgorithm: row.checksum_algorithm ?? undefined,
  };
}

function toRecord(row: ObjectRow): ObjectRecord {
  return {
    bucket: row.bucket,
    key: row.key,
    blob: row.blob,
    size: row.size,
    etag: row.etag,
    lastModified: row.last_modified,
    contentType: row.content_type,
    headers: JSON.parse(row.headers) as Record<string, string>,
    checksum: row.checksum_algorithm !== null && row.checksum !== null ? { algorithm: row.checksum_algorithm, value: row.checksum } : undefined,
  };
}

/** S3's limits on a key, checked before a body for it is read. */
export function checkKey(key: string): void {
  if (key === '') {
    throw new S3Error('InvalidArgument', {}, 'Object key must not be empty.');
  }
  if (Buffer.byteLength(key) > MAX_KEY_BYTES) {
    throw new S3Error('KeyTooLongError', { Size: String(Buffer.byteLength(key)), MaxSizeAllowed: String(MAX_KEY_BYTES) });
  }
}

function md5(data: Buffer): Buffer {
  return crypto.createHash('md5').update(data).digest();
}

function unquote(etag: string): string {
  return etag.replace(/^"|"$/g, '');
}

function wholeSeconds(ms: number): number {
  return Math.floor(ms / 1000) * 1000;
}
