import * as fs from 'fs';
import * as path from 'path';
import type { Database } from 'better-sqlite3';
import { AmplifyError } from 'amplify-cli-core';

export const DATABASE_FILE = 'local-cloud.sqlite';
const LOCK_WAIT_MS = 200;

/**
 * Opens `<dataDir>/local-cloud.sqlite`, the one metadata store of the local cloud; every module creates its own
 * tables in it.
 *
 * - WAL with `synchronous=NORMAL`: a commit survives a crash of the server process (kill -9), which is the failure
 *   the local cloud must handle; only a power loss may drop the last few commits, never corrupt the file.
 * - `locking_mode=EXCLUSIVE`, with a write lock taken at once: the lock lives exactly as long as the process, so a
 *   second server on the same data directory is refused instead of silently sharing state, and a killed server
 *   never leaves a stale lock behind.
 */
export function openDatabase(dataDir: string): Database {
  fs.mkdirSync(dataDir, { recursive: true });
  // Required here, not at the top: better-sqlite3 is a native module that only the running server needs.
  const BetterSqlite3 = require('better-sqlite3') as typeof import('better-sqlite3');
  const file = path.join(dataDir, DATABASE_FILE);
  // A short busy timeout: the lock is held for a server's whole life, so waiting longer would only delay the refusal.
  const db = new BetterSqlite3(file, { timeout: LOCK_WAIT_MS });
  try {
    db.pragma('locking_mode = EXCLUSIVE');
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.exec('BEGIN EXCLUSIVE; COMMIT;');
  } catch (error) {
    db.close();
    if (isBusy(error)) {
      throw new AmplifyError('LocalCloudDataDirInUse', `Another local cloud server is using the data directory ${dataDir}.`, {
        resolution: 'Stop it with `amplify local-cloud stop --data-dir <dir>`, or choose another directory with --data-dir.',
        cause: error,
      });
    }
    throw error;
  }
  return db;
}

/** Any flavour of SQLITE_BUSY/SQLITE_LOCKED (extended codes such as SQLITE_BUSY_RECOVERY included). */
function isBusy(error: unknown): boolean {
  // Not `instanceof Error`: the native module's errors may come from another realm (jest sandboxes, for one).
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  return code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED');
}
