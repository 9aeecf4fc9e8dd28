import * as fs from 'fs';
import * as path from 'path';
import { writeFileAtomic } from 'amplify-cli-core';

/** What a running server records in `<dataDir>/server.json`, so `status`, `stop` and the provider can find it. */
export interface ServerInfo {
  pid: number;
  port: number;
  endpoint: string;
  /** The HTTPS listener (absent in records of servers older than it). */
  httpsEndpoint?: string;
  /** The CA certificate (PEM file) clients trust `httpsEndpoint` with. */
  caCertificate?: string;
  dataDir: string;
  startedAt: string;
}

export const SERVER_INFO_FILE = 'server.json';
export const SERVER_LOG_FILE = 'server.log';

/**
 * The bin's exit code when another server holds the data directory: a caller racing to start the same instance
 * lost, and waits for the winner instead of failing.
 */
export const EXIT_DATA_DIR_IN_USE = 3;

export function writeServerInfo(info: ServerInfo): void {
  writeFileAtomic(path.join(info.dataDir, SERVER_INFO_FILE), `${JSON.stringify(info, null, 2)}\n`);
}

/** The recorded server, or `undefined` when there is no record or it is unreadable (a torn or foreign file). */
export function readServerInfo(dataDir: string): ServerInfo | undefined {
  let text: string;
  try {
    text = fs.readFileSync(path.join(dataDir, SERVER_INFO_FILE), 'utf8');
  } catch {
    return undefined;
  }
  try {
    const value = JSON.parse(text) as Partial<ServerInfo>;
    if (typeof value.pid === 'number' && typeof value.port === 'number' && typeof value.endpoint === 'string') {
      const info: ServerInfo = { pid: value.pid, port: value.port, endpoint: value.endpoint, dataDir, startedAt: String(value.startedAt ?? '') };
      if (typeof value.httpsEndpoint === 'string') info.httpsEndpoint = value.httpsEndpoint;
      if (typeof value.caCertificate === 'string') info.caCertificate = value.caCertificate;
      return info;
    }
  } catch {
    // Unparseable: treated like no record; the next start overwrites it.
  }
  return undefined;
}

/** Removes the record, but only if it still describes `pid` (a newer server may have replaced it). */
export function removeServerInfo(dataDir: string, pid: number): void {
  if (readServerInfo(dataDir)?.pid === pid) {
    fs.rmSync(path.join(dataDir, SERVER_INFO_FILE), { force: true });
  }
}
