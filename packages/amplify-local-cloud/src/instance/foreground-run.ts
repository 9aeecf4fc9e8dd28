import { AmplifyError } from 'amplify-cli-core';
import { DEFAULT_PORT } from '../contracts';
import { startLocalCloud, type StartedLocalCloud } from '../local-cloud';
import { CALL_LOG_VARIABLE } from '../server/call-log';
import { runsElsewhere } from './detached-start';
import type { InstanceSelector } from './instance-selector';
import { getInstanceStatus } from './instance-status';
import { removeServerInfo, writeServerInfo, type ServerInfo } from './server-info';

/**
 * Runs a server in this process until SIGINT or SIGTERM, recording it in server.json while it runs. `onReady`
 * hears about it once it listens. Resolves after a clean shutdown.
 */
export async function runForeground(selector: InstanceSelector, onReady: (info: ServerInfo) => void): Promise<void> {
  const status = await getInstanceStatus(selector);
  if (status.type === 'other-port') {
    throw runsElsewhere(status.info, selector.port as number);
  }
  if (status.type === 'running') {
    throw new AmplifyError('LocalCloudAlreadyRunning', `A local cloud for ${selector.dataDir} already runs at ${status.info.endpoint} (pid ${status.info.pid}).`, {
      resolution: 'Use it, or stop it first with `amplify local-cloud stop`.',
    });
  }
  const callLog = process.env[CALL_LOG_VARIABLE] || undefined;
  const cloud: StartedLocalCloud = await startLocalCloud({ port: selector.port ?? DEFAULT_PORT, dataDir: selector.dataDir, callLog });
  const info: ServerInfo = {
    pid: process.pid,
    port: cloud.port,
    endpoint: cloud.endpoint,
    httpsEndpoint: cloud.httpsEndpoint,
    caCertificate: cloud.caCertificate,
    dataDir: cloud.dataDir,
    startedAt: new Date().toISOString(),
  };
  try {
    writeServerInfo(info);
    onReady(info);
    await new Promise<void>((resolve) => {
      const stop = () => {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        resolve();
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
  } finally {
    await cloud.close();
    removeServerInfo(cloud.dataDir, process.pid);
  }
}
