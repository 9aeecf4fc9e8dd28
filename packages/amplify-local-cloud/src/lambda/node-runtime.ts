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
  /** Run in a warm process of the same function and configuration, and keep the process for the next invocation. */
  reuse?: boolean;
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
/** A warm process unused this long is ended, as Lambda reclaims idle execution environments. */
const IDLE_LIFETIME_MS = 5 * 60 * 1000;

/** What the runner sends: console output, then the outcome. */
type RunnerMessage = { type: 'log'; text: string } | Extract<NodeOutcome, { type: 'result' | 'error' }>;

/** A runner process and the invocation it is running, if any. */
class Worker {
  private output = '';
  private cut = false;
  /** Set while an invocation runs: what to do with its outcome and with the end of the process. */
  current: { onOutcome(outcome: NodeOutcome): void; onClose(code: number | null, signal: string | null): void } | undefined;
  idleTimer: NodeJS.Timeout | undefined;

  constructor(
    readonly child: ChildProcess,
    /** The configuration the process was started with; only invocations with the same one may reuse it. */
    readonly key: string,
    readonly functionName: string,
    /** Each process is its own log stream, as each execution environment is on AWS. */
    readonly logStreamName: string,
  ) {
    const keep = (text: string) => {
      if (this.output.length < MAX_LOG_BYTES) this.output += text;
      else this.cut = true;
    };
    child.stdout!.on('data', (chunk: Buffer) => keep(chunk.toString('utf8')));
    child.stderr!.on('data', (chunk: Buffer) => keep(chunk.toString('utf8')));
    child.on('message', (message: RunnerMessage) => {
      if (message.type === 'log') keep(message.text);
      else this.current?.onOutcome(message);
    });
    child.on('error', (error) => this.current?.onOutcome({ type: 'error', error: { errorType: 'Runtime.StartError', errorMessage: error.message, trace: [] } }));
    child.on('close', (code, signal) => this.current?.onClose(code, signal));
  }

  get alive(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null && this.child.connected;
  }

  /** The output since the last call, and whether some of it was cut. */
  takeOutput(): { output: string; cut: boolean } {
    const taken = { output: this.output, cut: this.cut };
    this.output = '';
    this.cut = false;
    return taken;
  }
}

/**
 * Runs Node.js Lambda functions in child processes: the one home of function execution for Lambda Invoke, event
 * sources and custom resources. An invocation that asks for reuse runs in a warm process of the same function and
 * configuration when one is idle (its modules and globals kept, as in Lambda's execution environments), else in a
 * new one, which then waits for the next; other invocations get a process of their own that ends with them. Each
 * runner leads its own process group, so that a timeout or stopping the local cloud ends it together with whatever
 * it spawned; and it holds an IPC channel to this process, whose loss (the server killed, even with SIGKILL) makes
 * it end itself.
 */
export class NodeRuntime {
  private runnerFile: string | undefined;
  private readonly workers = new Set<Worker>();
  private readonly idle = new Map<string, Worker[]>();
  private closed = false;

  constructor(
    /** Where the runner program is written. */
    private readonly runtimeDir: string,
    /** The local cloud's endpoint: the functions' SDK calls go there. */
    private readonly endpoint: string,
  ) {}

  /** Runs the invocation to its end: its outcome, its timeout, or the end of its process. */
  run(invocation: NodeInvocation): Promise<NodeRun> {
    const requestId = invocation.requestId ?? randomUUID();
    if (this.closed) {
      return Promise.resolve({ requestId, outcome: { type: 'stopped' }, log: '', durationMs: 0 });
    }
    const dot = invocation.handler.lastIndexOf('.');
    const handlerModule = handlerModulePath(invocation, dot);
    if (handlerModule === undefined) {
      const error = {
        errorType: 'Runtime.ImportModuleError',
        errorMessage: `Error: Cannot find module '${invocation.handler.slice(0, dot)}': the handler ${invocation.handler} of ${invocation.functionName} names a file outside the function's code`,
        trace: [],
      };
      return Promise.resolve({ requestId, outcome: { type: 'error', error }, log: '', durationMs: 0 });
    }
    const key = workerKey(invocation);
    const worker = (invocation.reuse ? this.takeIdle(key) : undefined) ?? this.spawn(invocation, key);
    const job = {
      handler: invocation.handler,
      handlerModule,
      handlerExport: invocation.handler.slice(dot + 1),
      functionName: invocation.functionName,
      functionArn: invocation.functionArn,
      memorySize: invocation.memorySize,
      requestId,
      logStreamName: worker.logStreamName,
      timeoutMs: invocation.timeoutSeconds * 1000,
      event: invocation.event,
      reuse: invocation.reuse === true,
      responseHost: invocation.responseRoute?.host,
      responsePort: invocation.responseRoute?.port,
    };
    const started = Date.now();
    worker.takeOutput();
    return new Promise<NodeRun>((resolve) => {
      let outcome: NodeOutcome | undefined;
      const finish = (final: NodeOutcome, keepWarm: boolean) => {
        clearTimeout(timer);
        worker.current = undefined;
        const { output, cut } = worker.takeOutput();
        if (keepWarm && !this.closed && worker.alive) this.park(worker);
        else this.end(worker);
        const durationMs = Date.now() - started;
        resolve({ requestId, outcome: final, durationMs, log: invocationLog(requestId, output, cut, final, durationMs, invocation) });
      };
      worker.current = {
        onOutcome: (value) => {
          outcome ??= value;
          // A warm process answers and waits; a one-off process is done when it has exited, its output all in.
          const initFailed = value.type === 'error' && value.error.errorType.startsWith('Runtime.');
          if (invocation.reuse) finish(value, !initFailed);
        },
        onClose: (code, signal) => {
          // A handler that neither returned a promise nor called back ends when its event loop is empty: its result is null.
          const ended: NodeOutcome = this.closed ? { type: 'stopped' } : code === 0 ? { type: 'result', payload: 'null' } : { type: 'exit', code, signal };
          finish(outcome ?? ended, false);
        },
      };
      const timer = setTimeout(() => {
        outcome ??= { type: 'timeout' };
        killGroup(worker.child);
      }, invocation.timeoutSeconds * 1000);
      // A runner whose channel broke before it got its job ends on 'disconnect'; its close reports it.
      worker.child.send(job, () => undefined);
    });
  }

  /** Ends every function process with its group, and refuses new invocations: the local cloud is stopping. */
  close(): void {
    this.closed = true;
    for (const worker of this.workers) killGroup(worker.child);
  }

  private spawn(invocation: NodeInvocation, key: string): Worker {
    const logStreamName = `${new Date().toISOString().slice(0, 10).replace(/-/g, '/')}/[$LATEST]${randomUUID().replace(/-/g, '')}`;
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
    const worker = new Worker(child, key, invocation.functionName, logStreamName);
    this.workers.add(worker);
    child.on('close', () => {
      this.workers.delete(worker);
      this.unpark(worker);
    });
    return worker;
  }

  private takeIdle(key: string): Worker | undefined {
    const waiting = this.idle.get(key) ?? [];
    while (waiting.length > 0) {
      const worker = waiting.pop() as Worker;
      clearTimeout(worker.idleTimer);
      if (worker.alive) return worker;
      this.end(worker);
    }
    return undefined;
  }

  /** Keeps a warm process for its function's next invocation; those of an older configuration of it end. */
  private park(worker: Worker): void {
    for (const [key, waiting] of this.idle) {
      if (key === worker.key) continue;
      for (const stale of waiting.filter((candidate) => candidate.functionName === worker.functionName)) this.end(stale);
    }
    this.idle.set(worker.key, [...(this.idle.get(worker.key) ?? []), worker]);
    worker.idleTimer = setTimeout(() => this.end(worker), IDLE_LIFETIME_MS);
    worker.idleTimer.unref();
  }

  private unpark(worker: Worker): void {
    clearTimeout(worker.idleTimer);
    const waiting = this.idle.get(worker.key);
    if (waiting === undefined) return;
    const rest = waiting.filter((candidate) => candidate !== worker);
    if (rest.length === 0) this.idle.delete(worker.key);
    else this.idle.set(worker.key, rest);
  }

  private end(worker: Worker): void {
    this.unpark(worker);
    killGroup(worker.child);
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

/** What a process was started with: code (its folder, replaced on every deployment), configuration and keys. */
function workerKey(invocation: NodeInvocation): string {
  let codeVersion = 'missing';
  try {
    const stat = fs.statSync(invocation.codeDirectory);
    codeVersion = `${stat.ino}:${stat.mtimeMs}`;
  } catch {
    // No code: the invocation fails to import its handler, and no process is kept for it.
  }
  const { event, requestId, responseRoute, ...configuration } = invocation;
  return JSON.stringify({ ...configuration, codeVersion });
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
