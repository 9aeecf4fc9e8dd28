import { spawn, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { randomUUID } from 'crypto';
import { PathOutsideRootError, resolveInside } from '../store/confined-path';
import { RUNNER_SOURCE } from './runner-source';

/** The keys a function's SDK calls are signed with (on AWS: its execution role's session). */
export interface FunctionCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
}

/** One invocation of a Node.js function: its code, configuration and event. */
export interface NodeInvocation {
  codeDirectory: string;
  /** The unpacked content of the function's layers (each one Lambda's `/opt`), in order. */
  layerDirectories?: string[];
  /** `file.export`, the file relative to the code directory. */
  handler: string;
  functionName: string;
  functionArn: string;
  timeoutSeconds: number;
  memorySize: number;
  region: string;
  /** The function's own environment variables. */
  environment: Record<string, string>;
  credentials: FunctionCredentials;
  event: unknown;
  requestId?: string;
  /** Custom resources: https requests for `host` go to the engine's response listener on 127.0.0.1:`port`. */
  responseRoute?: { host: string; port: number };
}

/** A function error as Lambda reports it in the payload of a failed invocation. */
export interface FunctionError {
  errorType: string;
  errorMessage: string;
  trace: string[];
}

export type NodeOutcome =
  /** The handler's result, serialised as JSON (`null` when it returned nothing). */
  | { type: 'result'; payload: string }
  | { type: 'error'; error: FunctionError }
  | { type: 'timeout' }
  /** The process ended without an outcome (a crash, `process.exit`). */
  | { type: 'exit'; code: number | null; signal: string | null }
  /** The local cloud stopped while the function ran. */
  | { type: 'stopped' };

export interface NodeRun {
  requestId: string;
  outcome: NodeOutcome;
  /** The invocation's log as CloudWatch would hold it: START, the function's output, END and REPORT lines. */
  log: string;
  durationMs: number;
}

/** Output beyond this is cut from an invocation's log (its start and end are kept). */
const MAX_LOG_BYTES = 256 * 1024;

/**
 * Runs Node.js Lambda functions, each invocation in a child process: the one home of function execution for
 * Lambda Invoke, event sources and custom resources. Each runner leads its own process group, so that a timeout or
 * stopping the local cloud ends it together with whatever it spawned; and it holds an IPC channel to this process,
 * whose loss (the server killed, even with SIGKILL) makes it end itself.
 */
export class NodeRuntime {
  private runnerFile: string | undefined;
  private readonly running = new Set<ChildProcess>();
  private closed = false;

  constructor(
    /** Where the runner program is written. */
    private readonly runtimeDir: string,
    /** The local cloud's endpoint: the functions' SDK calls go there. */
    private readonly endpoint: string,
  ) {}

  /** Runs the invocation to its end (outcome, timeout or exit); `onStart` sees the child once it is spawned. */
  run(invocation: NodeInvocation, onStart?: (child: ChildProcess) => void): Promise<NodeRun> {
    if (this.closed) {
      return Promise.resolve({ requestId: invocation.requestId ?? randomUUID(), outcome: { type: 'stopped' }, log: '', durationMs: 0 });
    }
    const dot = invocation.handler.lastIndexOf('.');
    const handlerModule = handlerModulePath(invocation, dot);
    const requestId = invocation.requestId ?? randomUUID();
    if (handlerModule === undefined) {
      const error = {
        errorType: 'Runtime.ImportModuleError',
        errorMessage: `Error: Cannot find module '${invocation.handler.slice(0, dot)}': the handler ${invocation.handler} of ${invocation.functionName} names a file outside the function's code`,
        trace: [],
      };
      return Promise.resolve({ requestId, outcome: { type: 'error', error }, log: '', durationMs: 0 });
    }
    const logStreamName = `${new Date().toISOString().slice(0, 10).replace(/-/g, '/')}/[$LATEST]${randomUUID().replace(/-/g, '')}`;
    const job = {
      handler: invocation.handler,
      handlerModule,
      handlerExport: invocation.handler.slice(dot + 1),
      functionName: invocation.functionName,
      functionArn: invocation.functionArn,
      memorySize: invocation.memorySize,
      requestId,
      logStreamName,
      timeoutMs: invocation.timeoutSeconds * 1000,
      event: invocation.event,
      responseHost: invocation.responseRoute?.host,
      responsePort: invocation.responseRoute?.port,
    };
    const started = Date.now();
    const child = spawn(process.execPath, [this.runner()], {
      cwd: invocation.codeDirectory,
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      detached: true,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '',
        TZ: 'UTC',
        AWS_REGION: invocation.region,
        AWS_DEFAULT_REGION: invocation.region,
        AWS_LAMBDA_FUNCTION_NAME: invocation.functionName,
        AWS_LAMBDA_FUNCTION_VERSION: '$LATEST',
        AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(invocation.memorySize),
        AWS_LAMBDA_LOG_GROUP_NAME: `/aws/lambda/${invocation.functionName}`,
        AWS_LAMBDA_LOG_STREAM_NAME: logStreamName,
        AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs',
        // SDK calls made by the function reach this local cloud, as on AWS they reach AWS, signed with temporary
        // keys this local cloud issued, never the instance's own secret.
        AWS_ACCESS_KEY_ID: invocation.credentials.accessKeyId,
        AWS_SECRET_ACCESS_KEY: invocation.credentials.secretAccessKey,
        AWS_SESSION_TOKEN: invocation.credentials.sessionToken,
        AWS_ENDPOINT_URL: this.endpoint,
        AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
        LAMBDA_TASK_ROOT: invocation.codeDirectory,
        // Inline functions `require('cfn-response')` by bare name, as Lambda provides it on their module path; the
        // Node.js runtimes also provide the AWS SDK v3, here the clients installed with the local cloud.
        NODE_PATH: [invocation.codeDirectory, ...layerModulePaths(invocation.layerDirectories ?? []), ...sdkModulePath()].join(path.delimiter),
        ...invocation.environment,
      },
    });
    this.running.add(child);
    let output = '';
    let cut = false;
    const keep = (chunk: Buffer) => {
      if (output.length < MAX_LOG_BYTES) output += chunk.toString('utf8');
      else cut = true;
    };
    child.stdout!.on('data', keep);
    child.stderr!.on('data', keep);
    onStart?.(child);
    return new Promise<NodeRun>((resolve) => {
      let outcome: NodeOutcome | undefined;
      let timer: NodeJS.Timeout | undefined;
      const settle = (value: NodeOutcome) => {
        outcome ??= value;
      };
      child.on('message', (message: NodeOutcome) => settle(message));
      child.on('error', (error) => settle({ type: 'error', error: { errorType: 'Runtime.StartError', errorMessage: error.message, trace: [] } }));
      timer = setTimeout(() => {
        settle({ type: 'timeout' });
        killGroup(child);
      }, invocation.timeoutSeconds * 1000);
      child.on('close', (code, signal) => {
        clearTimeout(timer);
        this.running.delete(child);
        if (this.closed) settle({ type: 'stopped' });
        // A handler that neither returned a promise nor called back ends when its event loop is empty: its result is null.
        settle(code === 0 ? { type: 'result', payload: 'null' } : { type: 'exit', code, signal });
        const final = outcome as NodeOutcome;
        const durationMs = Date.now() - started;
        resolve({ requestId, outcome: final, durationMs, log: invocationLog(requestId, output, cut, final, durationMs, invocation) });
      });
      // A runner whose channel broke before it got its job ends on 'disconnect'; the close above reports it.
      child.send(job, () => undefined);
    });
  }

  /** Ends every running function with its process group, and refuses new invocations: the local cloud is stopping. */
  close(): void {
    this.closed = true;
    for (const child of this.running) killGroup(child);
  }

  private runner(): string {
    if (this.runnerFile === undefined) {
      const file = path.join(this.runtimeDir, 'function-runner.js');
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, RUNNER_SOURCE);
      this.runnerFile = file;
    }
    return this.runnerFile;
  }
}

function invocationLog(requestId: string, output: string, cut: boolean, outcome: NodeOutcome, durationMs: number, invocation: NodeInvocation): string {
  const lines = [`START RequestId: ${requestId} Version: $LATEST`];
  if (output !== '') lines.push(output.replace(/\n$/, ''));
  if (cut) lines.push(`[output beyond ${MAX_LOG_BYTES} bytes not kept]`);
  if (outcome.type === 'timeout') {
    lines.push(`${new Date().toISOString()} ${requestId} Task timed out after ${invocation.timeoutSeconds.toFixed(2)} seconds`);
  }
  lines.push(`END RequestId: ${requestId}`);
  lines.push(`REPORT RequestId: ${requestId}\tDuration: ${durationMs.toFixed(2)} ms\tBilled Duration: ${Math.max(1, Math.ceil(durationMs))} ms\tMemory Size: ${invocation.memorySize} MB`);
  return `${lines.join('\n')}\n`;
}

/** The module file of a `file.export` handler, or `undefined` when it would lie outside the function's code. */
function handlerModulePath(invocation: NodeInvocation, dot: number): string | undefined {
  try {
    return resolveInside(invocation.codeDirectory, invocation.handler.slice(0, dot));
  } catch (error) {
    if (error instanceof PathOutsideRootError) return undefined;
    throw error;
  }
}

/** SIGKILL to the runner's process group: the runner and anything its function started. */
function killGroup(child: ChildProcess): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    // The group is already gone.
  }
}

/** Where the Node.js runtimes look for a layer's modules: `nodejs/node<major>/node_modules`, then `nodejs/node_modules`. */
function layerModulePaths(layerDirectories: string[]): string[] {
  const major = process.versions.node.split('.')[0];
  return layerDirectories.flatMap((directory) => [path.join(directory, 'nodejs', `node${major}`, 'node_modules'), path.join(directory, 'nodejs', 'node_modules')]);
}

let sdkModules: string[] | undefined;

/** The `node_modules` folder holding the installed `@aws-sdk` clients, if any (resolved once, on first use). */
function sdkModulePath(): string[] {
  if (sdkModules === undefined) {
    try {
      const manifest = require.resolve('@aws-sdk/client-iam/package.json');
      sdkModules = [path.resolve(path.dirname(manifest), '..', '..')];
    } catch {
      sdkModules = [];
    }
  }
  return sdkModules;
}
