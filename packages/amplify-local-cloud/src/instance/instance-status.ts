import * as http from 'http';
import { HEALTH_PATH } from '../well-known-paths';
import { readServerInfo, removeServerInfo, type ServerInfo } from './server-info';
import type { InstanceSelector } from './instance-selector';

export type InstanceStatus =
  | { type: 'running'; info: ServerInfo }
  /** Running, but on another port than the selector asked for. */
  | { type: 'other-port'; info: ServerInfo }
  | { type: 'stopped' };

/**
 * Whether the recorded server is alive: its process exists AND its endpoint answers the health probe with that
 * pid (a recycled pid of an unrelated process does not count). A record of a dead server is removed.
 */
export async function getInstanceStatus(selector: InstanceSelector): Promise<InstanceStatus> {
  const info = readServerInfo(selector.dataDir);
  if (info === undefined) {
    return { type: 'stopped' };
  }
  if (!isProcessAlive(info.pid) || (await probe(info.endpoint)) !== info.pid) {
    removeServerInfo(selector.dataDir, info.pid);
    return { type: 'stopped' };
  }
  if (selector.port !== undefined && selector.port !== 0 && selector.port !== info.port) {
    return { type: 'other-port', info };
  }
  return { type: 'running', info };
}

export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The pid the health endpoint reports, or `undefined` when nothing (or something else) answers. */
export function probe(endpoint: string, timeoutMs = 1000): Promise<number | undefined> {
  return new Promise((resolve) => {
    const request = http.get(`${endpoint}${HEALTH_PATH}`, { timeout: timeoutMs, agent: false }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        try {
          const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { status?: string; pid?: number };
          resolve(response.statusCode === 200 && body.status === 'ok' ? body.pid : undefined);
        } catch {
          resolve(undefined);
        }
      });
      response.on('error', () => resolve(undefined));
    });
    request.on('timeout', () => request.destroy());
    request.on('error', () => resolve(undefined));
  });
}
