import type { Database } from 'better-sqlite3';
import { randomString } from '../cloudformation/physical-ids';
import type { DistributionSettings } from './distribution-settings';

export interface DistributionRecord {
  id: string;
  domainName: string;
  settings: DistributionSettings;
  lastModified: string;
}

export interface InvalidationRecord {
  id: string;
  distributionId: string;
  callerReference: string;
  paths: string[];
  /** Objects are never cached here, so an invalidation is complete the moment it is recorded. */
  status: 'Completed';
  createTime: string;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS cloudfront_distributions (
  id TEXT PRIMARY KEY, domain_name TEXT NOT NULL, settings TEXT NOT NULL, last_modified TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS cloudfront_invalidations (
  id TEXT PRIMARY KEY, distribution_id TEXT NOT NULL, caller_reference TEXT NOT NULL, paths TEXT NOT NULL,
  create_time TEXT NOT NULL, UNIQUE (distribution_id, caller_reference));
`;

interface DistributionRow {
  id: string;
  domain_name: string;
  settings: string;
  last_modified: string;
}

interface InvalidationRow {
  id: string;
  distribution_id: string;
  caller_reference: string;
  paths: string;
  create_time: string;
}

/** CloudFront ids: `E` (distributions) or `I` (invalidations) and 13 upper-case letters and digits. */
export const newDistributionId = (): string => `E${randomString(13)}`;
const newInvalidationId = (): string => `I${randomString(13)}`;

/** The distributions stacks deployed and the invalidations made on them, in the local cloud's database. */
export class DistributionStore {
  constructor(private readonly db: Database) {
    db.exec(SCHEMA);
  }

  put(record: DistributionRecord): void {
    this.db
      .prepare('INSERT OR REPLACE INTO cloudfront_distributions VALUES (?, ?, ?, ?)')
      .run(record.id, record.domainName, JSON.stringify(record.settings), record.lastModified);
  }

  get(id: string): DistributionRecord | undefined {
    const row = this.db.prepare('SELECT * FROM cloudfront_distributions WHERE id = ?').get(id) as DistributionRow | undefined;
    return row && { id: row.id, domainName: row.domain_name, settings: JSON.parse(row.settings) as DistributionSettings, lastModified: row.last_modified };
  }

  delete(id: string): void {
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM cloudfront_invalidations WHERE distribution_id = ?').run(id);
      this.db.prepare('DELETE FROM cloudfront_distributions WHERE id = ?').run(id);
    })();
  }

  /** Records an invalidation; the same caller reference with the same paths answers the first one, as CloudFront does. */
  addInvalidation(distributionId: string, callerReference: string, paths: string[], now: Date = new Date()): { record: InvalidationRecord; created: boolean } | 'reference-reused' {
    const existing = this.db
      .prepare('SELECT * FROM cloudfront_invalidations WHERE distribution_id = ? AND caller_reference = ?')
      .get(distributionId, callerReference) as InvalidationRow | undefined;
    if (existing !== undefined) {
      const record = fromInvalidationRow(existing);
      return JSON.stringify(record.paths) === JSON.stringify(paths) ? { record, created: false } : 'reference-reused';
    }
    const record: InvalidationRecord = { id: newInvalidationId(), distributionId, callerReference, paths, status: 'Completed', createTime: now.toISOString() };
    this.db
      .prepare('INSERT INTO cloudfront_invalidations VALUES (?, ?, ?, ?, ?)')
      .run(record.id, distributionId, callerReference, JSON.stringify(paths), record.createTime);
    return { record, created: true };
  }

  getInvalidation(distributionId: string, invalidationId: string): InvalidationRecord | undefined {
    const row = this.db
      .prepare('SELECT * FROM cloudfront_invalidations WHERE distribution_id = ? AND id = ?')
      .get(distributionId, invalidationId) as InvalidationRow | undefined;
    return row && fromInvalidationRow(row);
  }

  /** Newest first, as ListInvalidations answers. */
  invalidations(distributionId: string): InvalidationRecord[] {
    const rows = this.db
      .prepare('SELECT * FROM cloudfront_invalidations WHERE distribution_id = ? ORDER BY create_time DESC, rowid DESC')
      .all(distributionId) as InvalidationRow[];
    return rows.map(fromInvalidationRow);
  }
}

function fromInvalidationRow(row: InvalidationRow): InvalidationRecord {
  return {
    id: row.id,
    distributionId: row.distribution_id,
    callerReference: row.caller_reference,
    paths: JSON.parse(row.paths) as string[],
    status: 'Completed',
    createTime: row.create_time,
  };
}
