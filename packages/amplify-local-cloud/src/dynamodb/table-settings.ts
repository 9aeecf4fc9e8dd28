import type { Database, Statement } from 'better-sqlite3';

/** What DynamoDB keeps about a table beyond dynalite: its stream and its time-to-live attribute. */
export interface TableSettings {
  streamViewType?: string;
  streamArn?: string;
  ttlAttribute?: string;
}

interface SettingsRow {
  table_name: string;
  stream_view_type: string | null;
  stream_arn: string | null;
  ttl_attribute: string | null;
}

/** Table settings in the local cloud's SQLite database, so streams and TTL survive a restart. */
export class TableSettingsStore {
  private readonly get: Statement;
  private readonly put: Statement;
  private readonly remove: Statement;
  private readonly withTtl: Statement;

  constructor(db: Database) {
    db.exec(`CREATE TABLE IF NOT EXISTS dynamodb_table_settings (
      table_name TEXT PRIMARY KEY, stream_view_type TEXT, stream_arn TEXT, ttl_attribute TEXT)`);
    this.get = db.prepare('SELECT * FROM dynamodb_table_settings WHERE table_name = ?');
    this.put = db.prepare('INSERT OR REPLACE INTO dynamodb_table_settings VALUES (?, ?, ?, ?)');
    this.remove = db.prepare('DELETE FROM dynamodb_table_settings WHERE table_name = ?');
    this.withTtl = db.prepare('SELECT table_name FROM dynamodb_table_settings WHERE ttl_attribute IS NOT NULL');
  }

  settings(table: string): TableSettings {
    const row = this.get.get(table) as SettingsRow | undefined;
    if (row === undefined) return {};
    return {
      ...(row.stream_view_type !== null ? { streamViewType: row.stream_view_type } : {}),
      ...(row.stream_arn !== null ? { streamArn: row.stream_arn } : {}),
      ...(row.ttl_attribute !== null ? { ttlAttribute: row.ttl_attribute } : {}),
    };
  }

  update(table: string, change: Partial<Record<keyof TableSettings, string | undefined>>): TableSettings {
    const next = { ...this.settings(table), ...change };
    this.put.run(table, next.streamViewType ?? null, next.streamArn ?? null, next.ttlAttribute ?? null);
    return next;
  }

  forget(table: string): void {
    this.remove.run(table);
  }

  tablesWithTtl(): string[] {
    return (this.withTtl.all() as { table_name: string }[]).map((row) => row.table_name);
  }
}
