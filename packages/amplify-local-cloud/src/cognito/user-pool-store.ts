import type { Database, Statement } from 'better-sqlite3';
import type { SigningKey } from './jwt';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS cognito_user_pools (
  pool_id TEXT PRIMARY KEY, region TEXT NOT NULL, properties TEXT NOT NULL, key_id TEXT NOT NULL,
  private_key TEXT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS cognito_clients (
  client_id TEXT PRIMARY KEY, pool_id TEXT NOT NULL REFERENCES cognito_user_pools ON DELETE CASCADE,
  properties TEXT NOT NULL, secret TEXT);
CREATE TABLE IF NOT EXISTS cognito_groups (
  pool_id TEXT NOT NULL REFERENCES cognito_user_pools ON DELETE CASCADE, group_name TEXT NOT NULL,
  description TEXT, precedence INTEGER, role_arn TEXT, created_at TEXT NOT NULL, updated_at TEXT NOT NULL,
  PRIMARY KEY (pool_id, group_name));
CREATE TABLE IF NOT EXISTS cognito_users (
  pool_id TEXT NOT NULL REFERENCES cognito_user_pools ON DELETE CASCADE, username TEXT NOT NULL, sub TEXT NOT NULL,
  status TEXT NOT NULL, enabled INTEGER NOT NULL, attributes TEXT NOT NULL, password_hash TEXT NOT NULL,
  srp_salt TEXT NOT NULL, srp_verifier TEXT NOT NULL, temporary_password_expires_at TEXT, mfa TEXT NOT NULL,
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL, PRIMARY KEY (pool_id, username));
CREATE TABLE IF NOT EXISTS cognito_user_groups (
  pool_id TEXT NOT NULL, username TEXT NOT NULL, group_name TEXT NOT NULL, PRIMARY KEY (pool_id, username, group_name),
  FOREIGN KEY (pool_id, username) REFERENCES cognito_users ON DELETE CASCADE,
  FOREIGN KEY (pool_id, group_name) REFERENCES cognito_groups ON DELETE CASCADE);
CREATE TABLE IF NOT EXISTS cognito_codes (
  pool_id TEXT NOT NULL, username TEXT NOT NULL, purpose TEXT NOT NULL, code TEXT NOT NULL, expires_at TEXT NOT NULL,
  pending_value TEXT, PRIMARY KEY (pool_id, username, purpose), FOREIGN KEY (pool_id, username) REFERENCES cognito_users ON DELETE CASCADE);
CREATE TABLE IF NOT EXISTS cognito_sessions (
  origin_jti TEXT PRIMARY KEY, pool_id TEXT NOT NULL, client_id TEXT NOT NULL, username TEXT NOT NULL,
  refresh_token_hash TEXT NOT NULL UNIQUE, auth_time INTEGER NOT NULL, expires_at TEXT NOT NULL, revoked INTEGER NOT NULL,
  FOREIGN KEY (pool_id, username) REFERENCES cognito_users ON DELETE CASCADE);
`;

export interface PoolRecord {
  poolId: string;
  region: string;
  properties: Record<string, unknown>;
  key: SigningKey;
  createdAt: string;
  updatedAt: string;
}

export interface ClientRecord {
  clientId: string;
  poolId: string;
  properties: Record<string, unknown>;
  secret: string | undefined;
}

export interface GroupRecord {
  poolId: string;
  groupName: string;
  description: string | undefined;
  precedence: number | undefined;
  roleArn: string | undefined;
  createdAt: string;
  updatedAt: string;
}

/** A user's authenticator app (TOTP): the secret being set up, the verified one, and whether sign-in asks for it. */
export interface UserMfa {
  pendingTotpSecret?: string;
  totpSecret?: string;
  totpEnabled: boolean;
}

export type UserStatus = 'UNCONFIRMED' | 'CONFIRMED' | 'FORCE_CHANGE_PASSWORD' | 'RESET_REQUIRED';

export interface UserRecord {
  poolId: string;
  username: string;
  sub: string;
  status: UserStatus;
  enabled: boolean;
  attributes: Record<string, string>;
  passwordHash: string;
  srpSalt: string;
  srpVerifier: string;
  temporaryPasswordExpiresAt: string | undefined;
  mfa: UserMfa;
  createdAt: string;
  updatedAt: string;
}

export interface SessionRecord {
  originJti: string;
  poolId: string;
  clientId: string;
  username: string;
  authTime: number;
  expiresAt: string;
  revoked: boolean;
}

type Row = Record<string, unknown>;

const optional = (value: unknown): string | undefined => (value === null || value === undefined ? undefined : String(value));

/** The user pools' tables in the local cloud's SQLite database. */
export class UserPoolStore {
  private readonly statements: Record<string, Statement>;

  constructor(private readonly db: Database) {
    db.exec(SCHEMA);
    const prepare = (sql: string) => db.prepare(sql);
    this.statements = {
      insertPool: prepare('INSERT INTO cognito_user_pools VALUES (?, ?, ?, ?, ?, ?, ?)'),
      updatePool: prepare('UPDATE cognito_user_pools SET properties = ?, updated_at = ? WHERE pool_id = ?'),
      pool: prepare('SELECT * FROM cognito_user_pools WHERE pool_id = ?'),
      pools: prepare('SELECT * FROM cognito_user_pools ORDER BY created_at'),
      deletePool: prepare('DELETE FROM cognito_user_pools WHERE pool_id = ?'),
      putClient: prepare('INSERT OR REPLACE INTO cognito_clients VALUES (?, ?, ?, ?)'),
      client: prepare('SELECT * FROM cognito_clients WHERE client_id = ?'),
      clientsOf: prepare('SELECT * FROM cognito_clients WHERE pool_id = ?'),
      deleteClient: prepare('DELETE FROM cognito_clients WHERE client_id = ?'),
      putGroup: prepare(`INSERT INTO cognito_groups VALUES (@pool_id, @group_name, @description, @precedence, @role_arn, @now, @now)
        ON CONFLICT (pool_id, group_name) DO UPDATE SET description = @description, precedence = @precedence, role_arn = @role_arn, updated_at = @now`),
      group: prepare('SELECT * FROM cognito_groups WHERE pool_id = ? AND group_name = ?'),
      groups: prepare('SELECT * FROM cognito_groups WHERE pool_id = ? ORDER BY group_name'),
      deleteGroup: prepare('DELETE FROM cognito_groups WHERE pool_id = ? AND group_name = ?'),
      // An upsert, not INSERT OR REPLACE: a replaced row would take the user's groups, codes and sessions with it.
      putUser: prepare(`INSERT INTO cognito_users VALUES (@pool_id, @username, @sub, @status, @enabled, @attributes,
        @password_hash, @srp_salt, @srp_verifier, @temporary_password_expires_at, @mfa, @created_at, @updated_at)
        ON CONFLICT (pool_id, username) DO UPDATE SET status = @status, enabled = @enabled, attributes = @attributes,
        password_hash = @password_hash, srp_salt = @srp_salt, srp_verifier = @srp_verifier,
        temporary_password_expires_at = @temporary_password_expires_at, mfa = @mfa, updated_at = @updated_at`),
      user: prepare('SELECT * FROM cognito_users WHERE pool_id = ? AND username = ?'),
      userCaseless: prepare('SELECT * FROM cognito_users WHERE pool_id = ? AND lower(username) = lower(?)'),
      userByAttribute: prepare(`SELECT * FROM cognito_users WHERE pool_id = ? AND lower(json_extract(attributes, '$.' || ?)) = lower(?)
        ORDER BY created_at`),
      users: prepare('SELECT * FROM cognito_users WHERE pool_id = ? ORDER BY created_at'),
      deleteUser: prepare('DELETE FROM cognito_users WHERE pool_id = ? AND username = ?'),
      addToGroup: prepare('INSERT OR IGNORE INTO cognito_user_groups VALUES (?, ?, ?)'),
      removeFromGroup: prepare('DELETE FROM cognito_user_groups WHERE pool_id = ? AND username = ? AND group_name = ?'),
      groupsOfUser: prepare(`SELECT g.* FROM cognito_groups g JOIN cognito_user_groups m ON m.pool_id = g.pool_id AND m.group_name = g.group_name
        WHERE m.pool_id = ? AND m.username = ? ORDER BY coalesce(g.precedence, 2147483647), g.group_name`),
      usersInGroup: prepare(`SELECT u.* FROM cognito_users u JOIN cognito_user_groups m ON m.pool_id = u.pool_id AND m.username = u.username
        WHERE m.pool_id = ? AND m.group_name = ? ORDER BY u.created_at`),
      putCode: prepare('INSERT OR REPLACE INTO cognito_codes VALUES (?, ?, ?, ?, ?, ?)'),
      code: prepare('SELECT * FROM cognito_codes WHERE pool_id = ? AND username = ? AND purpose = ?'),
      deleteCode: prepare('DELETE FROM cognito_codes WHERE pool_id = ? AND username = ? AND purpose = ?'),
      insertSession: prepare('INSERT INTO cognito_sessions VALUES (?, ?, ?, ?, ?, ?, ?, 0)'),
      session: prepare('SELECT * FROM cognito_sessions WHERE origin_jti = ?'),
      sessionByRefresh: prepare('SELECT * FROM cognito_sessions WHERE refresh_token_hash = ?'),
      revokeSession: prepare('UPDATE cognito_sessions SET revoked = 1 WHERE origin_jti = ?'),
      revokeSessionsOf: prepare('UPDATE cognito_sessions SET revoked = 1 WHERE pool_id = ? AND username = ?'),
    };
  }

  transaction<T>(work: () => T): T {
    return this.db.transaction(work)();
  }

  insertPool(poolId: string, region: string, properties: Record<string, unknown>, key: SigningKey, now: string): void {
    this.statements.insertPool.run(poolId, region, JSON.stringify(properties), key.keyId, key.privateKey, now, now);
  }

  updatePool(poolId: string, properties: Record<string, unknown>, now: string): void {
    this.statements.updatePool.run(JSON.stringify(properties), now, poolId);
  }

  pool(poolId: string): PoolRecord | undefined {
    const row = this.statements.pool.get(poolId) as Row | undefined;
    return row === undefined ? undefined : toPool(row);
  }

  pools(): PoolRecord[] {
    return (this.statements.pools.all() as Row[]).map(toPool);
  }

  deletePool(poolId: string): void {
    this.statements.deletePool.run(poolId);
  }

  putClient(client: ClientRecord): void {
    this.statements.putClient.run(client.clientId, client.poolId, JSON.stringify(client.properties), client.secret ?? null);
  }

  client(clientId: string): ClientRecord | undefined {
    const row = this.statements.client.get(clientId) as Row | undefined;
    return row === undefined ? undefined : toClient(row);
  }

  clientsOf(poolId: string): ClientRecord[] {
    return (this.statements.clientsOf.all(poolId) as Row[]).map(toClient);
  }

  deleteClient(clientId: string): void {
    this.statements.deleteClient.run(clientId);
  }

  putGroup(group: Omit<GroupRecord, 'createdAt' | 'updatedAt'>, now: string): void {
    this.statements.putGroup.run({
      pool_id: group.poolId,
      group_name: group.groupName,
      description: group.description ?? null,
      precedence: group.precedence ?? null,
      role_arn: group.roleArn ?? null,
      now,
    });
  }

  group(poolId: string, groupName: string): GroupRecord | undefined {
    const row = this.statements.group.get(poolId, groupName) as Row | undefined;
    return row === undefined ? undefined : toGroup(row);
  }

  groups(poolId: string): GroupRecord[] {
    return (this.statements.groups.all(poolId) as Row[]).map(toGroup);
  }

  deleteGroup(poolId: string, groupName: string): void {
    this.statements.deleteGroup.run(poolId, groupName);
  }

  putUser(user: UserRecord): void {
    this.statements.putUser.run({
      pool_id: user.poolId,
      username: user.username,
      sub: user.sub,
      status: user.status,
      enabled: user.enabled ? 1 : 0,
      attributes: JSON.stringify(user.attributes),
      password_hash: user.passwordHash,
      srp_salt: user.srpSalt,
      srp_verifier: user.srpVerifier,
      temporary_password_expires_at: user.temporaryPasswordExpiresAt ?? null,
      mfa: JSON.stringify(user.mfa),
      created_at: user.createdAt,
      updated_at: user.updatedAt,
    });
  }

  /** The user of that exact name, or (`caseSensitive` false) of that name in any case. */
  user(poolId: string, username: string, caseSensitive = true): UserRecord | undefined {
    const row = (caseSensitive ? this.statements.user : this.statements.userCaseless).get(poolId, username) as Row | undefined;
    return row === undefined ? undefined : toUser(row);
  }

  /** Users whose attribute has this value (compared without case, as emails are). */
  usersByAttribute(poolId: string, attribute: string, value: string): UserRecord[] {
    return (this.statements.userByAttribute.all(poolId, attribute, value) as Row[]).map(toUser);
  }

  users(poolId: string): UserRecord[] {
    return (this.statements.users.all(poolId) as Row[]).map(toUser);
  }

  deleteUser(poolId: string, username: string): void {
    this.statements.deleteUser.run(poolId, username);
  }

  addToGroup(poolId: string, username: string, groupName: string): void {
    this.statements.addToGroup.run(poolId, username, groupName);
  }

  removeFromGroup(poolId: string, username: string, groupName: string): void {
    this.statements.removeFromGroup.run(poolId, username, groupName);
  }

  /** The user's groups, by precedence (lowest first) as `cognito:groups` lists them. */
  groupsOfUser(poolId: string, username: string): GroupRecord[] {
    return (this.statements.groupsOfUser.all(poolId, username) as Row[]).map(toGroup);
  }

  usersInGroup(poolId: string, groupName: string): UserRecord[] {
    return (this.statements.usersInGroup.all(poolId, groupName) as Row[]).map(toUser);
  }

  /** `pendingValue`: the new value of the attribute the code verifies, applied once it is verified. */
  putCode(poolId: string, username: string, purpose: string, code: string, expiresAt: string, pendingValue?: string): void {
    this.statements.putCode.run(poolId, username, purpose, code, expiresAt, pendingValue ?? null);
  }

  code(poolId: string, username: string, purpose: string): { code: string; expiresAt: string; pendingValue: string | undefined } | undefined {
    const row = this.statements.code.get(poolId, username, purpose) as Row | undefined;
    return row === undefined ? undefined : { code: String(row.code), expiresAt: String(row.expires_at), pendingValue: optional(row.pending_value) };
  }

  deleteCode(poolId: string, username: string, purpose: string): void {
    this.statements.deleteCode.run(poolId, username, purpose);
  }

  insertSession(session: Omit<SessionRecord, 'revoked'>, refreshTokenHash: string): void {
    this.statements.insertSession.run(session.originJti, session.poolId, session.clientId, session.username, refreshTokenHash, session.authTime, session.expiresAt);
  }

  session(originJti: string): SessionRecord | undefined {
    const row = this.statements.session.get(originJti) as Row | undefined;
    return row === undefined ? undefined : toSession(row);
  }

  sessionByRefreshToken(refreshTokenHash: string): SessionRecord | undefined {
    const row = this.statements.sessionByRefresh.get(refreshTokenHash) as Row | undefined;
    return row === undefined ? undefined : toSession(row);
  }

  revokeSession(originJti: string): void {
    this.statements.revokeSession.run(originJti);
  }

  revokeSessionsOf(poolId: string, username: string): void {
    this.statements.revokeSessionsOf.run(poolId, username);
  }
}

function toPool(row: Row): PoolRecord {
  return {
    poolId: String(row.pool_id),
    region: String(row.region),
    properties: JSON.parse(String(row.properties)) as Record<string, unknown>,
    key: { keyId: String(row.key_id), privateKey: String(row.private_key) },
    createdAt: String(row.created_at),
    updatedAt: String(row.updated_at),
  };
}

function toClient(row: Row): ClientRecord {
  return {
    clientId: String(row.client_id),
    poolId: String(row.pool_id),
    properties: JSON.parse(String(row.properties)) as Record<string, unknown>,
    secret: optional(row.secret),
  };
}

function toGroup(row: Row): GroupRecord {
  return {
    poolId: String(row.pool_id),
    groupName: String(row.group_name),
    description: optional(row.description),
    precedence: row.precedence === null ? undefined : Number(row.precedence),
    roleArn: optional(row.role_arn),
    createdAt: String(row.created_at),
    updatedAt: String(row.updated_at),
  };
}

function toUser(row: Row): UserRecord {
  return {
    poolId: String(row.pool_id),
    username: String(row.username),
    sub: String(row.sub),
    status: String(row.status) as UserStatus,
    enabled: row.enabled === 1,
    attributes: JSON.parse(String(row.attributes)) as Record<string, string>,
    passwordHash: String(row.password_hash),
    srpSalt: String(row.srp_salt),
    srpVerifier: String(row.srp_verifier),
    temporaryPasswordExpiresAt: optional(row.temporary_password_expires_at),
    mfa: JSON.parse(String(row.mfa)) as UserMfa,
    createdAt: String(row.created_at),
    updatedAt: String(row.updated_at),
  };
}

function toSession(row: Row): SessionRecord {
  return {
    originJti: String(row.origin_jti),
    poolId: String(row.pool_id),
    clientId: String(row.client_id),
    username: String(row.username),
    authTime: Number(row.auth_time),
    expiresAt: String(row.expires_at),
    revoked: row.revoked === 1,
  };
}
