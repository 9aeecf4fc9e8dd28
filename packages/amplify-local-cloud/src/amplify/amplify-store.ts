import type { Database } from 'better-sqlite3';

/** A record as the API answers it (times in epoch seconds); the store keeps it as JSON. */
export type WireRecord = Record<string, unknown>;

/**
 * `deployment`: a job's upload (never answered by the API); `site`: the folder a branch's last successful
 * deployment was unpacked to.
 */
type Kind = 'app' | 'backend-environment' | 'branch' | 'job' | 'deployment' | 'site';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS amplify_records (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  kind TEXT NOT NULL, region TEXT NOT NULL, app_id TEXT NOT NULL, parent TEXT NOT NULL, name TEXT NOT NULL,
  record TEXT NOT NULL,
  UNIQUE (kind, app_id, parent, name));
`;

export interface Key {
  kind: Kind;
  appId: string;
  /** The branch of a job; empty for the others. */
  parent?: string;
  name: string;
}

/**
 * The Amplify service's apps, backend environments, branches and jobs, in the local cloud's database. Lists come in
 * creation order; a record replaced keeps its place.
 */
export class AmplifyStore {
  constructor(private readonly db: Database) {
    db.exec(SCHEMA);
  }

  get(key: Key): WireRecord | undefined {
    const row = this.db
      .prepare('SELECT record FROM amplify_records WHERE kind = ? AND app_id = ? AND parent = ? AND name = ?')
      .get(key.kind, key.appId, key.parent ?? '', key.name) as { record: string } | undefined;
    return row && (JSON.parse(row.record) as WireRecord);
  }

  put(key: Key, region: string, record: WireRecord): void {
    this.db
      .prepare(
        `INSERT INTO amplify_records (kind, region, app_id, parent, name, record) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (kind, app_id, parent, name) DO UPDATE SET record = excluded.record`,
      )
      .run(key.kind, region, key.appId, key.parent ?? '', key.name, JSON.stringify(record));
  }

  delete(key: Key): void {
    this.db.prepare('DELETE FROM amplify_records WHERE kind = ? AND app_id = ? AND parent = ? AND name = ?').run(key.kind, key.appId, key.parent ?? '', key.name);
  }

  /** Every record of a kind under an app (and branch, for jobs), oldest first. */
  list(kind: Exclude<Kind, 'app'>, appId: string, parent = ''): WireRecord[] {
    const rows = this.db.prepare('SELECT record FROM amplify_records WHERE kind = ? AND app_id = ? AND parent = ? ORDER BY seq').all(kind, appId, parent) as { record: string }[];
    return rows.map((row) => JSON.parse(row.record) as WireRecord);
  }

  /** The apps of a region, oldest first; `undefined` lists every region's (status pages). */
  apps(region: string | undefined): { region: string; app: WireRecord }[] {
    const rows = (
      region === undefined
        ? this.db.prepare("SELECT region, record FROM amplify_records WHERE kind = 'app' ORDER BY seq").all()
        : this.db.prepare("SELECT region, record FROM amplify_records WHERE kind = 'app' AND region = ? ORDER BY seq").all(region)
    ) as { region: string; record: string }[];
    return rows.map((row) => ({ region: row.region, app: JSON.parse(row.record) as WireRecord }));
  }

  /** The region an app lives in, if it exists. */
  regionOf(appId: string): string | undefined {
    const row = this.db.prepare("SELECT region FROM amplify_records WHERE kind = 'app' AND app_id = ?").get(appId) as { region: string } | undefined;
    return row?.region;
  }

  /** Deletes the app and everything under it. */
  deleteApp(appId: string): void {
    this.db.prepare('DELETE FROM amplify_records WHERE app_id = ?').run(appId);
  }

  /** Deletes a branch, its jobs, uploads and site. */
  deleteBranch(appId: string, branchName: string): void {
    this.db.transaction(() => {
      this.db.prepare("DELETE FROM amplify_records WHERE kind IN ('job', 'deployment') AND app_id = ? AND parent = ?").run(appId, branchName);
      this.delete({ kind: 'site', appId, name: branchName });
      this.delete({ kind: 'branch', appId, name: branchName });
    })();
  }

  /** The next job number of a branch: 1, 2, ... never reused while the branch lives. */
  nextJobNumber(appId: string, branchName: string): number {
    const row = this.db
      .prepare("SELECT MAX(CAST(name AS INTEGER)) AS last FROM amplify_records WHERE kind = 'job' AND app_id = ? AND parent = ?")
      .get(appId, branchName) as { last: number | null };
    return (row.last ?? 0) + 1;
  }

  /** The record of a kind whose string member `field` has this value, with its key and region. */
  findBy(kind: Kind, field: string, value: string): { key: Key; region: string; record: WireRecord } | undefined {
    const row = this.db
      .prepare('SELECT kind, region, app_id, parent, name, record FROM amplify_records WHERE kind = ? AND json_extract(record, ?) = ?')
      .get(kind, `$.${field}`, value) as { kind: Kind; region: string; app_id: string; parent: string; name: string; record: string } | undefined;
    return (
      row && { key: { kind: row.kind, appId: row.app_id, parent: row.parent, name: row.name }, region: row.region, record: JSON.parse(row.record) as WireRecord }
    );
  }

  /** Every record of a kind across apps (the folders still in use, at start-up). */
  all(kind: Kind): WireRecord[] {
    const rows = this.db.prepare('SELECT record FROM amplify_records WHERE kind = ? ORDER BY seq').all(kind) as { record: string }[];
    return rows.map((row) => JSON.parse(row.record) as WireRecord);
  }
}
