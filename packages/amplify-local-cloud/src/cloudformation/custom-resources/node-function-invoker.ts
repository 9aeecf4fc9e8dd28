import { spawn, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { randomUUID } from 'crypto';
import { PathOutsideRootError, resolveInside } from '../../store/confined-path';
import { RUNNER_SOURCE } from './runner-source';
import type { CloudFormationServiceDeps } from '../../contracts';
import type { ResponseCollector } from './response-collector';

/** A Node.js function to run: its unpacked code, handler, settings and the event it gets. */
export interface FunctionInvocation {
  codeDirectory: string;
  handler: string;
  functionName: string;
  functionArn: string;
  timeoutSeconds: number;
  environment: Record<string, string>;
  event: Record<string, unknown>;
  region: string;
}

export interface CustomResourceInvocation extends FunctionInvocation {
  /** The custom resource event without ResponseURL (added here). */
  event: Record<string, unknown>;
  stackId: string;
  logicalId: string;
}

/** What a runner sends back over its IPC channel for a result-returning job. */
interface RunnerOutcome {
  result?: unknown;
  error?: { errorType: string; errorMessage: string };
}

/** The response the function PUT to its ResponseURL. */
export interface CustomResourceResponse {
  Status?: string;
  Reason?: string;
  PhysicalResourceId?: string;
  NoEcho?: boolean;
  Data?: Record<string, unknown>;
}

/**
 * Runs Node.js Lambda functions of custom resources in child processes and collects their responses. Each runner
 * leads its own process group, so that stopping the local cloud ends it together with whatever it spawned; and it
 * holds an IPC channel to this process, whose loss (the server killed, even with SIGKILL) makes it end itself.
 */
export class NodeFunctionInvoker {
  private runnerFile: string | undefined;
  private readonly running = new Set<ChildProcess>();
  private closed = false;

  constructor(
    private readonly dataDir: string,
    private readonly endpoint: string,
    private readonly credentials: CloudFormationServiceDeps['credentials'],
    private readonly responses: ResponseCollector,
  ) {}

  async invoke(invocation: CustomResourceInvocation): Promise<CustomResourceResponse> {
    const port = await this.responses.port();
    const requestId = randomUUID();
    const { url, token } = this.responses.newResponse(invocation.stackId, invocation.logicalId, requestId, invocation.region);
    const event = { ...invocation.event, ResponseURL: url, RequestId: requestId };
    try {
      const body = await this.run(invocation, event, requestId, { responseHost: new URL(url).hostname, responsePort: port }, () => this.responses.waitFor(token), 'custom resource function');
      return parseResponse(body);
    } finally {
      this.responses.forget(token);
    }
  }

  /**
   * Runs a function with an event and answers the value its handler returned (or passed to its callback); throws
   * with the handler's error message when it fails, or when it ends, times out or crashes without an answer.
   */
  async invokeForResult(invocation: FunctionInvocation): Promise<unknown> {
    let settle: (outcome: RunnerOutcome) => void = () => undefined;
    const outcome = new Promise<RunnerOutcome>((resolve) => {
      settle = resolve;
    });
    const answered = async () => {
      const { result, error } = await outcome;
      if (error !== undefined) {
        // As Lambda reports a function error: its message, with its type as the name.
        const failure = new Error(error.errorMessage);
        failure.name = error.errorType;
        throw failure;
      }
      return result;
    };
    return this.run(invocation, invocation.event, randomUUID(), {}, answered, 'function', (child) => child.on('message', (message: RunnerOutcome) => settle(message)));
  }

  /**
   * Spawns a runner for the function, hands it the job and waits for `answer` (or the function's timeout, or its
   * end without one). The runner signs its SDK calls with temporary keys revoked when it is done.
   */
  private async run<T>(
    invocation: FunctionInvocation,
    event: Record<string, unknown>,
    requestId: string,
    responseRoute: { responseHost?: string; responsePort?: number },
    answer: () => Promise<T>,
    kind: string,
    listen: (child: ChildProcess) => void = () => undefined,
  ): Promise<T> {
    if (this.closed) {
      throw new Error(`The local cloud stopped before ${kind} ${invocation.functionName} could run`);
    }
    const dot = invocation.handler.lastIndexOf('.');
    const handlerModule = handlerModulePath(invocation, dot);
    const logStreamName = `${new Date().toISOString().slice(0, 10).replace(/-/g, '/')}/[$LATEST]${randomUUID().replace(/-/g, '')}`;
    const job = {
      handler: invocation.handler,
      handlerModule,
      handlerExport: invocation.handler.slice(dot + 1),
      functionName: invocation.functionName,
      functionArn: invocation.functionArn,
      requestId,
      logStreamName,
      timeoutMs: invocation.timeoutSeconds * 1000,
      event,
      ...responseRoute,
    };
    const runner = this.runner();
    // A minute beyond the function's timeout: the key is revoked as soon as the function is done anyway. Issued
    // right before the spawn: a runner file that cannot be written leaves no key behind.
    const keys = this.credentials.issueTemporary(invocation.timeoutSeconds + 60);
    const child = spawn(process.execPath, [runner], {
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
        AWS_LAMBDA_FUNCTION_MEMORY_SIZE: '128',
        AWS_LAMBDA_LOG_STREAM_NAME: logStreamName,
        // SDK calls made by the function reach this local cloud, as on AWS they reach AWS, signed with temporary
        // keys this local cloud issued (on AWS: the execution role's session), never the instance's own secret.
        AWS_ACCESS_KEY_ID: keys.accessKeyId,
        AWS_SECRET_ACCESS_KEY: keys.secretAccessKey,
        AWS_SESSION_TOKEN: keys.sessionToken,
        AWS_ENDPOINT_URL: this.endpoint,
        AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
        LAMBDA_TASK_ROOT: invocation.codeDirectory,
        // Inline functions `require('cfn-response')` by bare name, as Lambda provides it on their module path; the
        // Node.js runtimes also provide the AWS SDK v3, here the clients installed with the local cloud.
        NODE_PATH: [invocation.codeDirectory, ...sdkModulePath()].join(path.delimiter),
        ...invocation.environment,
      },
    });
    let output = '';
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString('utf8')).slice(-4000);
    };
    this.running.add(child);
    child.stdout!.on('data', keep);
    child.stderr!.on('data', keep);
    listen(child);
    // A runner whose channel broke before it got its job ends on 'disconnect'; the exit below reports it.
    child.send(job, () => undefined);

    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        killGroup(child);
        reject(new Error(`${capitalized(kind)} ${invocation.functionName} timed out after ${invocation.timeoutSeconds} seconds without sending a response`));
      }, invocation.timeoutSeconds * 1000);
    });
    const exited = new Promise<never>((_, reject) => {
      child.on('exit', (code) => {
        this.running.delete(child);
        if (this.closed) {
          reject(new Error(`The local cloud stopped while ${kind} ${invocation.functionName} was running`));
          return;
        }
        // The response PUT finishes before the function ends; give the listener a moment to hand it over.
        setTimeout(() => {
          const detail = output.trim().split('\n').slice(-3).join(' ').trim();
          reject(new Error(`${capitalized(kind)} ${invocation.functionName} ended (exit code ${code}) without sending a response${detail ? `: ${detail}` : ''}`));
        }, 200);
      });
      child.on('error', reject);
    });
    // Whichever loses the race must not surface as an unhandled rejection.
    timedOut.catch(() => undefined);
    exited.catch(() => undefined);
    try {
      return await Promise.race([answer(), timedOut, exited]);
    } finally {
      clearTimeout(timer);
      this.credentials.revoke(keys.accessKeyId);
      killGroup(child);
    }
  }

  /** Ends every runner with its process group, and refuses new invocations: the local cloud is stopping. */
  close(): void {
    this.closed = true;
    for (const child of this.running) killGroup(child);
  }

  private runner(): string {
    if (this.runnerFile === undefined) {
      const file = path.join(this.dataDir, 'runtime', 'custom-resource-runner.js');
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, RUNNER_SOURCE);
      this.runnerFile = file;
    }
    return this.runnerFile;
  }
}

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The module file of a `file.export` handler, which must lie inside the function's code. */
function handlerModulePath(invocation: FunctionInvocation, dot: number): string {
  try {
    return resolveInside(invocation.codeDirectory, invocation.handler.slice(0, dot));
  } catch (error) {
    if (error instanceof PathOutsideRootError) {
      throw new Error(`Runtime.ImportModuleError: Error: Cannot find module '${invocation.handler.slice(0, dot)}': the handler ${invocation.handler} of ${invocation.functionName} names a file outside the function's code`);
    }
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

function parseResponse(body: string): CustomResourceResponse {
  try {
    const parsed = JSON.parse(body) as unknown;
    if (typeof parsed === 'object' && parsed !== null) return parsed as CustomResourceResponse;
  } catch {
    // Reported below with the body, as CloudFormation reports a malformed response.
  }
  throw new Error(`Invalid response object from the custom resource: ${body.slice(0, 200)}`);
}
