import * as fs from 'fs';
import * as path from 'path';
import { AmplifyError } from 'amplify-cli-core';
import { AMPLIFY_DIR, CLOUDFORMATION_DIR, COGNITO_DIR, DYNAMODB_DIR, LAMBDA_LOGS_DIR } from '../well-known-paths';
import { DATABASE_FILE } from '../store/database';
import { runsElsewhere } from './detached-start';
import { getInstanceStatus, isProcessAlive } from './instance-status';
import type { InstanceSelector } from './instance-selector';
import { removeServerInfo, SERVER_INFO_FILE, SERVER_LOG_FILE, type ServerInfo } from './server-info';

export type StopResult = { type: 'stopped'; info: ServerInfo; forced: boolean } | { type: 'not-running' };

const GRACE_MS = 10000;
const POLL_MS = 50;

/** Sends SIGTERM and waits for the server to finish what it is doing; SIGKILL only if it does not stop in time. */
export async function stopInstance(selector: InstanceSelector): Promise<StopResult> {
  const status = await getInstanceStatus(selector);
  if (status.type === 'stopped') {
    return { type: 'not-running' };
  }
  if (status.type === 'other-port') {
    throw runsElsewhere(status.info, selector.port as number);
  }
  const { info } = status;
  signal(info.pid, 'SIGTERM');
  let forced = false;
  if (!(await waitForExit(info.pid, GRACE_MS))) {
    forced = true;
    signal(info.pid, 'SIGKILL');
    await waitForExit(info.pid, 2000);
  }
  removeServerInfo(selector.dataDir, info.pid);
  return { type: 'stopped', info, forced };
}

/**
 * The files of the local cloud in a data directory: only these are removed by `reset`, so a mistyped
 * `--data-dir` pointing at a folder with other content never loses that content. The credentials file is not
 * among them: it names the instance, not its data, and shells and tools configured with it keep working.
 */
const OWNED_ENTRIES = [DATABASE_FILE, `${DATABASE_FILE}-wal`, `${DATABASE_FILE}-shm`, `${DATABASE_FILE}-journal`, 's3', AMPLIFY_DIR, CLOUDFORMATION_DIR, COGNITO_DIR, DYNAMODB_DIR, LAMBDA_LOGS_DIR, SERVER_INFO_FILE, SERVER_LOG_FILE];

export type ResetResult = { stopped: StopResult; removed: string[] };

/** Stops the server of the data directory (if any) and deletes every stack, bucket and object it held. */
export async function resetInstance(selector: InstanceSelector): Promise<ResetResult> {
  const stopped = await stopInstance(selector);
  const removed: string[] = [];
  for (const entry of OWNED_ENTRIES) {
    const target = path.join(selector.dataDir, entry);
    if (fs.existsSync(target)) {
      fs.rmSync(target, { recursive: true, force: true });
      removed.push(entry);
    }
  }
  try {
    fs.rmdirSync(selector.dataDir);
  } catch {
    // Not empty (someone else's files) or already gone: both fine.
  }
  return { stopped, removed };
}

function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EPERM') {
      throw new AmplifyError('LocalCloudStopDenied', `Not allowed to stop the local cloud server (pid ${pid}).`, {
        resolution: 'Stop it as the user who started it.',
        cause: error,
      });
    }
    if (code !== 'ESRCH') {
      throw error;
    }
  }
}

async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isProcessAlive(pid)) {
      return true;
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  return !isProcessAlive(pid);
}
