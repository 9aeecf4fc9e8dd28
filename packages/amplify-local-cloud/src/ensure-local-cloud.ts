import * as path from 'path';
import { startDetached } from './instance/detached-start';
import { defaultDataDir } from './instance/instance-selector';
import { getInstanceStatus } from './instance/instance-status';

export interface EnsureLocalCloudOptions {
  port?: number;
  dataDir?: string;
}

/**
 * The local cloud's endpoint, starting a detached server first when none runs for the data directory. Two callers
 * racing to start one are safe: the data directory's lock lets one server win, and the loser finds the winner.
 */
export async function ensureLocalCloud(options: EnsureLocalCloudOptions = {}): Promise<{ endpoint: string }> {
  const selector = { dataDir: path.resolve(options.dataDir ?? defaultDataDir()), port: options.port };
  try {
    const result = await startDetached(selector);
    return { endpoint: result.info.endpoint };
  } catch (error) {
    const status = await getInstanceStatus(selector);
    if (status.type === 'running') {
      return { endpoint: status.info.endpoint };
    }
    throw error;
  }
}
