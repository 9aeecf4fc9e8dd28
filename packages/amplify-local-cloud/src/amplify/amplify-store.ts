import type { Database } from 'better-sqlite3';

/** A record as the API answers it (times in epoch seconds); the store keeps it as JSON. */
export type WireRecord = Record<string, unknown>;

type Kind = 'app' | 'backend-environment' | 'branch' | 'job';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS amplify_records (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  kind TEXT NOT NULL, region TEXT NOT NULL, app_id TEXT NOT NULL, parent TEXT NOT NULL, name TEXT NOT NULL,
  record TEXT NOT NULL,
  UNIQUE (kind, app_id, parent, name));
`;

interface Key {
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

  /** Deletes a branch and its jobs. */
  deleteBranch(appId: string, branchName: string): void {
    this.db.transaction(() => {
      this.db.prepare("DELETE FROM amplify_records WHERE kind = 'job' AND app_id = ? AND parent = ?").run(appId, branchName);
      this.delete({ kind: 'branch', appId, name: branchName });
    })();
  }
}
