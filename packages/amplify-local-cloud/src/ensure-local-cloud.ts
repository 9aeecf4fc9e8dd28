import * as path from 'path';
import { startDetached } from './instance/detached-start';
import { readInstanceCredentials, type LocalCloudCredentials } from './instance/instance-credentials';
import { defaultDataDir } from './instance/instance-selector';
import { getInstanceStatus } from './instance/instance-status';

export interface EnsureLocalCloudOptions {
  port?: number;
  dataDir?: string;
}

export interface RunningLocalCloud {
  endpoint: string;
  /** The key pair requests to `endpoint` must be signed with. */
  credentials: LocalCloudCredentials;
}

/**
 * The local cloud's endpoint and credentials, starting a detached server first when none runs for the data
 * directory. Two callers racing to start one are safe: the data directory's lock lets one server win, and the
 * loser finds the winner.
 */
export async function ensureLocalCloud(options: EnsureLocalCloudOptions = {}): Promise<RunningLocalCloud> {
  const selector = { dataDir: path.resolve(options.dataDir ?? defaultDataDir()), port: options.port };
  let endpoint: string;
  try {
    endpoint = (await startDetached(selector)).info.endpoint;
  } catch (error) {
    const status = await getInstanceStatus(selector);
    if (status.type !== 'running') {
      throw error;
    }
    endpoint = status.info.endpoint;
  }
  // A running server created the file before it listened.
  return { endpoint, credentials: readInstanceCredentials(selector.dataDir) as LocalCloudCredentials };
}
