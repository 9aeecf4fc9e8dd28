import { spawn } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { AmplifyError } from 'amplify-cli-core';
import { DEFAULT_PORT } from '../contracts';
import { getInstanceStatus } from './instance-status';
import type { InstanceSelector } from './instance-selector';
import { EXIT_DATA_DIR_IN_USE, readServerInfo, SERVER_LOG_FILE, type ServerInfo } from './server-info';

export type DetachedStartResult = { type: 'started'; info: ServerInfo } | { type: 'already-running'; info: ServerInfo };

/** The standalone bin; the detached server is that bin's foreground `start`, with output going to server.log. */
const BIN = path.resolve(__dirname, '..', '..', 'bin', 'amplify-local-cloud');
const START_TIMEOUT_MS = 20000;
const POLL_MS = 50;

/**
 * Starts a server in its own process group that outlives the caller, and resolves once it answers the health
 * probe. If a server already runs for the data directory, nothing is started.
 */
export async function startDetached(selector: InstanceSelector): Promise<DetachedStartResult> {
  const status = await getInstanceStatus(selector);
  if (status.type === 'running') {
    return { type: 'already-running', info: status.info };
  }
  if (status.type === 'other-port') {
    throw runsElsewhere(status.info, selector.port as number);
  }
  fs.mkdirSync(selector.dataDir, { recursive: true });
  const logFile = path.join(selector.dataDir, SERVER_LOG_FILE);
  const log = fs.openSync(logFile, 'a');
  const logStart = fs.fstatSync(log).size;
  const port = selector.port ?? DEFAULT_PORT;
  const child = spawn(process.execPath, [BIN, 'start', '--port', String(port), '--data-dir', selector.dataDir], {
    detached: true,
    stdio: ['ignore', log, log],
    // Not the caller's folder: a long-lived server should not pin a project directory the user may delete.
    cwd: selector.dataDir,
  });
  fs.closeSync(log);
  let exited: number | null | undefined;
  child.on('exit', (code, signal) => {
    exited = code ?? (signal === null ? null : 128);
  });
  child.unref();
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    if (exited === EXIT_DATA_DIR_IN_USE) {
      const winner = await getInstanceStatus(selector);
      if (winner.type === 'running') {
        return { type: 'already-running', info: winner.info };
      }
      continue;
    }
    if (exited !== undefined) {
      throw new AmplifyError('LocalCloudStartFailed', `The local cloud server exited while starting: ${firstLogLine(logFile, logStart)}`, {
        resolution: `See ${logFile} for the full output.`,
      });
    }
    const info = readServerInfo(selector.dataDir);
    if (info?.pid === child.pid) {
      const now = await getInstanceStatus(selector);
      if (now.type === 'running') {
        return { type: 'started', info: now.info };
      }
    }
  }
  if (child.pid !== undefined) {
    process.kill(child.pid, 'SIGKILL');
  }
  throw new AmplifyError('LocalCloudStartTimeout', `The local cloud server did not answer within ${START_TIMEOUT_MS / 1000} s.`, {
    resolution: `See ${logFile} for its output.`,
  });
}

export function runsElsewhere(info: ServerInfo, port: number): AmplifyError {
  return new AmplifyError('LocalCloudOnOtherPort', `The local cloud for ${info.dataDir} runs on port ${info.port}, not ${port}.`, {
    resolution: `Use --port ${info.port}, or stop it first with \`amplify local-cloud stop --data-dir ${info.dataDir}\`.`,
  });
}

/** The first non-empty line the server wrote since `from`: the error message an exiting server printed. */
function firstLogLine(logFile: string, from: number): string {
  const text = fs.readFileSync(logFile, 'utf8').slice(from);
  const lines = text.split('\n').map((line) => line.trim()).filter((line) => line !== '');
  return lines[0] ?? 'no output';
}
