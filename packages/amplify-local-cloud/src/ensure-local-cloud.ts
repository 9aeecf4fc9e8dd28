import * as path from 'path';
import { AmplifyError } from 'amplify-cli-core';
import { startDetached } from './instance/detached-start';
import { readInstanceCredentials, type LocalCloudCredentials } from './instance/instance-credentials';
import { defaultDataDir } from './instance/instance-selector';
import { getInstanceStatus } from './instance/instance-status';
import type { ServerInfo } from './instance/server-info';

export interface EnsureLocalCloudOptions {
  port?: number;
  dataDir?: string;
}

export interface RunningLocalCloud {
  endpoint: string;
  /** The key pair requests to `endpoint` must be signed with. */
  credentials: LocalCloudCredentials;
  /** The same services over TLS, and the CA certificate (PEM file) that signed its certificate. */
  httpsEndpoint?: string;
  caCertificate?: string;
}

/**
 * The local cloud's endpoint and credentials, starting a detached server first when none runs for the data
 * directory. Two callers racing to start one are safe: the data directory's lock lets one server win, and the
 * loser finds the winner.
 */
export async function ensureLocalCloud(options: EnsureLocalCloudOptions = {}): Promise<RunningLocalCloud> {
  const selector = { dataDir: path.resolve(options.dataDir ?? defaultDataDir()), port: options.port };
  let info: ServerInfo;
  try {
    info = (await startDetached(selector)).info;
  } catch (error) {
    const status = await getInstanceStatus(selector);
    if (status.type !== 'running') {
      throw error;
    }
    info = status.info;
  }
  const { endpoint, httpsEndpoint, caCertificate } = info;
  // A running server created the file before it listened; one started by an older version did not.
  const credentials = readInstanceCredentials(selector.dataDir);
  if (credentials === undefined) {
    throw new AmplifyError('LocalCloudCredentialsMissing', `The local cloud at ${endpoint} has no credentials file in ${selector.dataDir}.`, {
      resolution: 'It was started by an older version: restart it with `amplify local-cloud stop` (the next command starts it again).',
    });
  }
  return { endpoint, credentials, httpsEndpoint, caCertificate };
}
