import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Database } from 'better-sqlite3';
import { S3StoreError } from '../../contracts';
import { openDatabase } from '../../store/database';
import { S3Store } from '../s3-store';

const ENDPOINT = 'http://127.0.0.1:4581';
let dir: string;
let db: Database;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'local-cloud-store-'));
  db = openDatabase(dir);
});
afterEach(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function codeOf(action: () => void): string {
  try {
    action();
  } catch (error) {
    if (error instanceof S3StoreError) return error.code;
    throw error;
  }
  throw new Error('expected the call to fail');
}

describe('S3Store as the CloudFormation engine uses it (BucketStore)', () => {
  it('creates buckets, refuses clashes and bad names, and deletes only empty buckets', () => {
    const store = new S3Store(db, dir, ENDPOINT);
    store.createBucket('engine-bucket', 'eu-west-1');
    expect(store.bucketExists('engine-bucket')).toBe(true);
    expect(store.bucketRegion('engine-bucket')).toBe('eu-west-1');
    expect(codeOf(() => store.createBucket('engine-bucket', 'eu-west-1'))).toBe('BucketAlreadyOwnedByYou');
    expect(codeOf(() => store.createBucket('Bad_Name', 'us-east-1'))).toBe('InvalidBucketName');
    store.putObject('engine-bucket', 'templates/root.json', Buffer.from('{}'), 'application/json');
    expect(store.getObject('engine-bucket', 'templates/root.json')?.toString()).toBe('{}');
    expect(store.getObject('engine-bucket', 'missing')).toBeUndefined();
    expect(store.getObject('no-such-bucket', 'x')).toBeUndefined();
    expect(codeOf(() => store.deleteBucket('engine-bucket'))).toBe('BucketNotEmpty');
    store.deleteObject('engine-bucket', 'templates/root.json');
    store.deleteBucket('engine-bucket');
    expect(store.bucketExists('engine-bucket')).toBe(false);
    expect(codeOf(() => store.deleteBucket('engine-bucket'))).toBe('NoSuchBucket');
    expect(codeOf(() => store.putObject('engine-bucket', 'k', Buffer.alloc(0)))).toBe('NoSuchBucket');
  });

  it('keeps website and policy settings and names the website URL under this endpoint', () => {
    const store = new S3Store(db, dir, ENDPOINT);
    store.createBucket('web-bucket', 'us-east-1');
    expect(store.getWebsite('web-bucket')).toBeUndefined();
    store.setWebsite('web-bucket', { indexDocument: 'index.html', errorDocument: 'err.html' });
    expect(store.getWebsite('web-bucket')).toEqual({ type: 'site', indexDocument: 'index.html', errorDocument: 'err.html' });
    expect(store.websiteUrl('web-bucket')).toBe(`${ENDPOINT}/_website/web-bucket`);
    store.setWebsite('web-bucket', undefined);
    expect(store.getWebsite('web-bucket')).toBeUndefined();
    store.setPolicy('web-bucket', '{"Version":"2012-10-17"}');
    expect(store.getConfig('web-bucket', 'policy')).toBe('{"Version":"2012-10-17"}');
    store.setPolicy('web-bucket', undefined);
    expect(store.getConfig('web-bucket', 'policy')).toBeUndefined();
  });

  it('replaces an object body and removes the old blob file', () => {
    const store = new S3Store(db, dir, ENDPOINT);
    store.createBucket('replace-bucket', 'us-east-1');
    store.putObject('replace-bucket', 'k', Buffer.from('one'));
    store.putObject('replace-bucket', 'k', Buffer.from('two'));
    expect(store.getObject('replace-bucket', 'k')?.toString()).toBe('two');
    expect(blobFiles(dir)).toHaveLength(1);
  });

  it('sweeps blob files no metadata points at (left by a crash between write and commit)', () => {
    const first = new S3Store(db, dir, ENDPOINT);
    first.createBucket('sweep-bucket', 'us-east-1');
    first.putObject('sweep-bucket', 'kept', Buffer.from('kept'));
    const orphanDir = path.join(dir, 's3', 'blobs', 'ff');
    fs.mkdirSync(orphanDir, { recursive: true });
    fs.writeFileSync(path.join(orphanDir, 'ff00orphan'), 'half written');
    const second = new S3Store(db, dir, ENDPOINT);
    expect(blobFiles(dir)).toHaveLength(1);
    expect(second.getObject('sweep-bucket', 'kept')?.toString()).toBe('kept');
  });
});

describe('openDatabase', () => {
  it('refuses a second server on the same data directory while the first holds it', () => {
    expect(() => openDatabase(dir)).toThrow(expect.objectContaining({ code: 'LocalCloudDataDirInUse' }));
  });
});

function blobFiles(dataDir: string): string[] {
  const root = path.join(dataDir, 's3', 'blobs');
  return fs.readdirSync(root).flatMap((shard) => fs.readdirSync(path.join(root, shard)));
}
