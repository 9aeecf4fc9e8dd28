import type { Database, Statement } from 'better-sqlite3';
import { newSigningKey, type SigningKey } from '../cognito/jwt';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS cognito_identity_pools (pool_id TEXT PRIMARY KEY, region TEXT NOT NULL, properties TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS cognito_identity_role_attachments (
  attachment_id TEXT PRIMARY KEY, pool_id TEXT NOT NULL, properties TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS cognito_identities (
  identity_id TEXT PRIMARY KEY, pool_id TEXT NOT NULL REFERENCES cognito_identity_pools ON DELETE CASCADE,
  login TEXT, created_at TEXT NOT NULL, UNIQUE (pool_id, login));
CREATE TABLE IF NOT EXISTS cognito_identity_signing_key (
  singleton INTEGER PRIMARY KEY CHECK (singleton = 1), key_id TEXT NOT NULL, private_key TEXT NOT NULL);
`;

export interface IdentityPoolRecord {
  poolId: string;
  region: string;
  properties: Record<string, unknown>;
}

export interface IdentityRecord {
  identityId: string;
  poolId: string;
  /** `<provider>:<sub>` of an authenticated identity; `undefined` for a guest. */
  login: string | undefined;
}

type Row = Record<string, unknown>;

/** The identity pools' tables in the local cloud's SQLite database. */
export class IdentityPoolStore {
  private readonly statements: Record<string, Statement>;

  constructor(db: Database) {
    db.exec(SCHEMA);
    const prepare = (sql: string) => db.prepare(sql);
    this.statements = {
      putPool: prepare('INSERT INTO cognito_identity_pools VALUES (?, ?, ?) ON CONFLICT (pool_id) DO UPDATE SET properties = excluded.properties'),
      pool: prepare('SELECT * FROM cognito_identity_pools WHERE pool_id = ?'),
      deletePool: prepare('DELETE FROM cognito_identity_pools WHERE pool_id = ?'),
      putAttachment: prepare('INSERT OR REPLACE INTO cognito_identity_role_attachments VALUES (?, ?, ?)'),
      attachmentOf: prepare('SELECT * FROM cognito_identity_role_attachments WHERE pool_id = ? ORDER BY rowid DESC LIMIT 1'),
      deleteAttachment: prepare('DELETE FROM cognito_identity_role_attachments WHERE attachment_id = ?'),
      insertIdentity: prepare('INSERT INTO cognito_identities VALUES (?, ?, ?, ?)'),
      identity: prepare('SELECT * FROM cognito_identities WHERE identity_id = ?'),
      identityByLogin: prepare('SELECT * FROM cognito_identities WHERE pool_id = ? AND login = ?'),
      setLogin: prepare('UPDATE cognito_identities SET login = ? WHERE identity_id = ?'),
      signingKey: prepare('SELECT * FROM cognito_identity_signing_key'),
      insertSigningKey: prepare('INSERT OR IGNORE INTO cognito_identity_signing_key VALUES (1, ?, ?)'),
    };
  }

  putPool(pool: IdentityPoolRecord): void {
    this.statements.putPool.run(pool.poolId, pool.region, JSON.stringify(pool.properties));
  }

  pool(poolId: string): IdentityPoolRecord | undefined {
    const row = this.statements.pool.get(poolId) as Row | undefined;
    if (row === undefined) return undefined;
    return { poolId: String(row.pool_id), region: String(row.region), properties: JSON.parse(String(row.properties)) as Record<string, unknown> };
  }

  deletePool(poolId: string): void {
    this.statements.deletePool.run(poolId);
  }

  putRoleAttachment(attachmentId: string, poolId: string, properties: Record<string, unknown>): void {
    this.statements.putAttachment.run(attachmentId, poolId, JSON.stringify(properties));
  }

  /** The properties of the pool's role attachment (`Roles`, `RoleMappings`), if it has one. */
  roleAttachment(poolId: string): Record<string, unknown> | undefined {
    const row = this.statements.attachmentOf.get(poolId) as Row | undefined;
    return row === undefined ? undefined : (JSON.parse(String(row.properties)) as Record<string, unknown>);
  }

  deleteRoleAttachment(attachmentId: string): void {
    this.statements.deleteAttachment.run(attachmentId);
  }

  insertIdentity(identity: IdentityRecord, now: string): void {
    this.statements.insertIdentity.run(identity.identityId, identity.poolId, identity.login ?? null, now);
  }

  identity(identityId: string): IdentityRecord | undefined {
    return toIdentity(this.statements.identity.get(identityId) as Row | undefined);
  }

  identityByLogin(poolId: string, login: string): IdentityRecord | undefined {
    return toIdentity(this.statements.identityByLogin.get(poolId, login) as Row | undefined);
  }

  /** A guest identity that signs in becomes that login's identity. */
  setLogin(identityId: string, login: string): void {
    this.statements.setLogin.run(login, identityId);
  }

  /** The key `GetOpenIdToken` signs with: one per data directory, made on first use (the first one made wins). */
  async signingKey(): Promise<SigningKey> {
    const stored = () => this.statements.signingKey.get() as Row | undefined;
    if (stored() === undefined) {
      const key = await newSigningKey();
      this.statements.insertSigningKey.run(key.keyId, key.privateKey);
    }
    const row = stored() as Row;
    return { keyId: String(row.key_id), privateKey: String(row.private_key) };
  }
}

function toIdentity(row: Row | undefined): IdentityRecord | undefined {
  if (row === undefined) return undefined;
  return { identityId: String(row.identity_id), poolId: String(row.pool_id), login: row.login === null ? undefined : String(row.login) };
}
