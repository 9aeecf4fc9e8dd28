import { randomUUID } from 'crypto';
import * as fs from 'fs';
import type { DeployedResource, DeployedResources, ServiceRequest, ServiceResponse } from '../contracts';
import type { FunctionLogs } from './function-logs';
import { LayerApiError, handleLayerRequest, isLayerPath } from './layer-api';
import type { LayerStore } from './layer-store';
import type { FunctionCredentials, NodeRun, NodeRuntime } from './node-runtime';

export type InvocationType = 'RequestResponse' | 'Event' | 'DryRun';

/** What Invoke answers: the status, the payload (the result, or the error of a failed function) and its headers. */
export interface InvokeResult {
  status: 200 | 202 | 204;
  payload: string;
  /** Set when the function failed: the payload is then `{errorType, errorMessage, trace}`. */
  functionError?: 'Unhandled';
  /** The end of the invocation's log (at most 4 KB), when asked for. */
  logTail?: string;
}

/** A refusal of the Lambda API in its own terms (`ResourceNotFoundException`, ...). */
export class LambdaError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
    readonly type: 'User' | 'Service' = 'User',
  ) {
    super(message);
    this.name = 'LambdaError';
  }
}

/** A deployed function as Invoke needs it. */
export interface DeployedFunction {
  name: string;
  arn: string;
  handler: string;
  runtime: string;
  timeoutSeconds: number;
  memorySize: number;
  roleArn: string | undefined;
  environment: Record<string, string>;
  /** Layer version ARNs, in the order their content is searched. */
  layers: string[];
  region: string;
}

export interface LambdaServiceOptions {
  deployed: DeployedResources;
  /** Where the CloudFormation engine unpacked a function's code. */
  codeDirectory(functionName: string): string;
  /** The published layers: their content for the functions using them, and the layer API. */
  layers: LayerStore;
  /** An object of the local S3, for PublishLayerVersion from a bucket. */
  s3Object?(bucket: string, key: string): Buffer | undefined;
  runtime: NodeRuntime;
  logs: FunctionLogs;
  /** Issues the keys of a function's execution role. */
  credentials: { issueTemporary(lifetimeSeconds: number, session?: { roleArn: string }): FunctionCredentials & { expiration: Date } };
  accountId: string;
  region: string;
  /** The delays before the retries of a failed asynchronous invocation; Lambda's one and two minutes by default. */
  asyncRetryDelaysMs?: readonly number[];
}

const INVOKE_PATH = /^\/2015-03-31\/functions\/([^/]+)\/invocations$/;
const FUNCTION_PATH = /^\/2015-03-31\/functions\/([^/]+)\/?$/;
/** Role keys live this long; a function gets new ones when fewer than its timeout and a minute remain. */
const ROLE_KEY_LIFETIME_SECONDS = 3600;
/** Tail logs in X-Amz-Log-Result: the last 4 KB, as Lambda sends. */
const LOG_TAIL_BYTES = 4096;
const MAX_PAYLOAD_BYTES = 6 * 1024 * 1024;
const MAX_CONCURRENT_ASYNC = 4;
/** Lambda retries a failed asynchronous invocation after one minute, then after two more. */
const ASYNC_RETRY_DELAYS_MS = [60_000, 120_000];

/**
 * Lambda of the local cloud: invokes the Node.js functions that stacks deployed (`AWS::Lambda::Function`) with their
 * handler, environment, timeout and execution role, keeps their logs, and serves Invoke over HTTP and in-process.
 * Functions run in child processes of the Node runtime; their SDK calls reach the local cloud with keys of their role.
 */
export class LambdaService {
  private readonly roleKeys = new Map<string, FunctionCredentials & { expiration: Date }>();
  private readonly background = new Set<Promise<unknown>>();
  private asyncRunning = 0;
  private closed = false;
  /** Wakes the asynchronous invocations waiting to retry, so that stopping does not wait for their delay. */
  private readonly retryWaits = new Set<() => void>();
  private readonly asyncWaiting: (() => void)[] = [];

  constructor(private readonly options: LambdaServiceOptions) {}

  /** The function a name, partial or full ARN designates (a `:qualifier` is accepted and runs `$LATEST`). */
  find(reference: string): DeployedFunction | undefined {
    const name = functionName(reference);
    const resource = this.options.deployed.ofType('AWS::Lambda::Function').find((candidate) => candidate.physicalId === name);
    return resource === undefined ? undefined : toFunction(resource, this.options.region);
  }

  /** Every deployed function, for `status`. */
  list(): DeployedFunction[] {
    return this.options.deployed.ofType('AWS::Lambda::Function').map((resource) => toFunction(resource, this.options.region));
  }

  /** The file holding the function's log. */
  logFile(functionName: string): string {
    return this.options.logs.file(functionName);
  }

  /**
   * Invokes a function in-process (for API Gateway, AppSync, event sources). `Event` starts it and answers 202 at
   * once; throws `LambdaError` when the function does not exist or cannot run here.
   */
  async invoke(reference: string, payload: unknown, invocationType: InvocationType = 'RequestResponse', tailLogs = false): Promise<InvokeResult> {
    const target = this.find(reference);
    if (target === undefined) {
      throw new LambdaError('ResourceNotFoundException', `Function not found: ${qualifiedArn(reference, this.options)}`, 404);
    }
    if (!target.runtime.startsWith('nodejs')) {
      throw new LambdaError('InvalidRuntimeException', `The runtime ${target.runtime || '(none)'} of ${target.name} cannot run in the local cloud: only nodejs runtimes are invoked locally.`, 502);
    }
    if (invocationType === 'DryRun') return { status: 204, payload: '' };
    if (invocationType === 'Event') {
      this.track(
        this.runAsynchronously(target, payload).catch((error: unknown) => {
          this.options.logs.append(target.name, `local-cloud: the asynchronous invocation failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
        }),
      );
      return { status: 202, payload: '' };
    }
    const run = await this.run(target, payload);
    const result = resultOf(run, target);
    return tailLogs ? { ...result, logTail: Buffer.from(lastBytes(run.log, LOG_TAIL_BYTES)).toString('base64') } : result;
  }

  /** The Lambda REST API (Invoke), the signature already checked. */
  async handle(request: ServiceRequest): Promise<ServiceResponse> {
    if (isLayerPath(request.path)) return this.handleLayers(request);
    try {
      const functionPath = FUNCTION_PATH.exec(request.path);
      if (functionPath !== null && (request.method === 'GET' || request.method === 'DELETE')) {
        return this.functionAdministration(request.method, decodeURIComponent(functionPath[1]));
      }
      const match = INVOKE_PATH.exec(request.path);
      if (match === null || request.method !== 'POST') {
        throw new LambdaError(
          'UnknownOperationException',
          `The local cloud's Lambda answers Invoke (POST /2015-03-31/functions/<name>/invocations), GetFunction, DeleteFunction and the layer operations (/2018-10-31/layers...), not ${request.method} ${request.path}.`,
          404,
        );
      }
      const reference = decodeURIComponent(match[1]);
      const qualifier = request.query.get('Qualifier');
      const invocationType = String(request.headers['x-amz-invocation-type'] ?? 'RequestResponse');
      if (invocationType !== 'RequestResponse' && invocationType !== 'Event' && invocationType !== 'DryRun') {
        throw new LambdaError('InvalidParameterValueException', `1 validation error detected: Value '${invocationType}' at 'invocationType' failed to satisfy constraint: Member must satisfy enum value set: [Event, RequestResponse, DryRun]`, 400);
      }
      if (request.body.length > MAX_PAYLOAD_BYTES) {
        throw new LambdaError('RequestTooLargeException', `Request must be smaller than ${MAX_PAYLOAD_BYTES} bytes for the InvokeFunction operation`, 413);
      }
      let payload: unknown = {};
      if (request.body.length > 0) {
        try {
          payload = JSON.parse(request.body.toString('utf8'));
        } catch (error) {
          throw new LambdaError('InvalidRequestContentException', `Could not parse request body into json: ${(error as Error).message}`, 400);
        }
      }
      const result = await this.invoke(qualifier === null ? reference : `${reference}:${qualifier}`, payload, invocationType, request.headers['x-amz-log-type'] === 'Tail');
      const headers: Record<string, string> = { 'Content-Type': 'application/json', 'X-Amz-Executed-Version': '$LATEST', 'x-amzn-RequestId': randomUUID() };
      if (result.functionError !== undefined) headers['X-Amz-Function-Error'] = result.functionError;
      if (result.logTail !== undefined) headers['X-Amz-Log-Result'] = result.logTail;
      return { status: result.status, headers, body: result.payload };
    } catch (error) {
      if (!(error instanceof LambdaError)) throw error;
      return {
        status: error.status,
        headers: { 'Content-Type': 'application/json', 'x-amzn-ErrorType': error.code, 'x-amzn-RequestId': randomUUID() },
        body: JSON.stringify({ Type: error.type, message: error.message }),
      };
    }
  }

  /** The layer operations (`/2018-10-31/layers...`), answered from the layers the stacks or this API published. */
  private handleLayers(request: ServiceRequest): ServiceResponse {
    const headers = { 'Content-Type': 'application/json', 'x-amzn-RequestId': randomUUID() };
    try {
      const result = handleLayerRequest(request, { store: this.options.layers, accountId: this.options.accountId, region: this.options.region, s3Object: this.options.s3Object });
      return { status: result.status, headers, body: result.body === undefined ? '' : JSON.stringify(result.body) };
    } catch (error) {
      if (!(error instanceof LayerApiError)) throw error;
      return { status: error.status, headers: { ...headers, 'x-amzn-ErrorType': error.code }, body: JSON.stringify({ Type: 'User', message: error.message }) };
    }
  }

  /**
   * GetFunction of a deployed function; DeleteFunction of one that does not exist is ResourceNotFoundException, as
   * on AWS, and of one a stack made is refused: its stack owns it here (delete or update the stack).
   */
  private functionAdministration(method: 'GET' | 'DELETE', reference: string): ServiceResponse {
    const target = this.find(reference);
    if (target === undefined) {
      throw new LambdaError('ResourceNotFoundException', `Function not found: ${qualifiedArn(reference, this.options)}`, 404);
    }
    if (method === 'DELETE') {
      throw new LambdaError('ResourceConflictException', `The function ${target.name} belongs to a CloudFormation stack of the local cloud: delete or update that stack to remove it.`, 409);
    }
    const configuration = {
      FunctionName: target.name,
      FunctionArn: target.arn,
      Runtime: target.runtime,
      Role: target.roleArn,
      Handler: target.handler,
      Timeout: target.timeoutSeconds,
      MemorySize: target.memorySize,
      Environment: { Variables: target.environment },
      Layers: target.layers.map((Arn) => ({ Arn })),
      Version: '$LATEST',
      State: 'Active',
      LastUpdateStatus: 'Successful',
      PackageType: 'Zip',
      Architectures: ['x86_64'],
    };
    return { status: 200, headers: { 'Content-Type': 'application/json', 'x-amzn-RequestId': randomUUID() }, body: JSON.stringify({ Configuration: configuration, Tags: {} }) };
  }

  /** Waits for asynchronous invocations in flight (used on stop, after the runtime ended them). */
  async close(): Promise<void> {
    this.closed = true;
    for (const wake of this.retryWaits) wake();
    await Promise.all([...this.background]);
  }

  /** Runs `work` in the background, tracked so that `close` waits for it. */
  track(work: Promise<unknown>): void {
    const tracked = work.catch(() => undefined);
    this.background.add(tracked);
    void tracked.finally(() => this.background.delete(tracked));
  }

  /**
   * An asynchronous invocation with Lambda's retries: a failed run is retried after the delays (AWS: one, then two
   * minutes) up to the function's `AWS::Lambda::EventInvokeConfig` `MaximumRetryAttempts` (default 2).
   */
  private async runAsynchronously(target: DeployedFunction, payload: unknown): Promise<void> {
    const retries = this.maximumRetryAttempts(target);
    for (let attempt = 0; attempt <= retries && !this.closed; attempt++) {
      if (attempt > 0) await this.waitBeforeRetry(this.options.asyncRetryDelaysMs?.[attempt - 1] ?? ASYNC_RETRY_DELAYS_MS[attempt - 1]);
      if (this.closed) return;
      const run = await this.whenAsyncSlotFree(() => this.run(target, payload));
      if (run.outcome.type === 'result' || run.outcome.type === 'stopped') return;
    }
  }

  private maximumRetryAttempts(target: DeployedFunction): number {
    const config = this.options.deployed
      .ofType('AWS::Lambda::EventInvokeConfig')
      .find((candidate) => functionName(String(candidate.properties.FunctionName ?? '')) === target.name);
    const configured = Number(config?.properties.MaximumRetryAttempts);
    return Number.isInteger(configured) && configured >= 0 && configured <= 2 ? configured : 2;
  }

  private waitBeforeRetry(delayMs: number): Promise<void> {
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.retryWaits.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, delayMs);
      this.retryWaits.add(wake);
    });
  }

  /**
   * Asynchronous invocations wait in a queue, as on AWS, and run a few at a time: a burst of uploads with a trigger
   * must not start a process per upload at once on a developer's machine.
   */
  private async whenAsyncSlotFree<T>(work: () => Promise<T>): Promise<T> {
    // A finished invocation hands its slot straight to the next one waiting.
    if (this.asyncRunning >= MAX_CONCURRENT_ASYNC) await new Promise<void>((resolve) => this.asyncWaiting.push(resolve));
    else this.asyncRunning += 1;
    try {
      return await work();
    } finally {
      const next = this.asyncWaiting.shift();
      if (next === undefined) this.asyncRunning -= 1;
      else next();
    }
  }

  private async run(target: DeployedFunction, payload: unknown): Promise<NodeRun> {
    const run = await this.options.runtime.run({
      codeDirectory: this.options.codeDirectory(target.name),
      layerDirectories: this.layerDirectories(target),
      handler: target.handler,
      functionName: target.name,
      functionArn: target.arn,
      timeoutSeconds: target.timeoutSeconds,
      memorySize: target.memorySize,
      region: target.region,
      environment: target.environment,
      credentials: this.keysFor(target),
      event: payload,
      reuse: true,
    });
    this.options.logs.append(target.name, run.log);
    return run;
  }

  private layerDirectories(target: DeployedFunction): string[] {
    return target.layers.map((arn) => {
      const directory = this.options.layers.contentDirectory(arn);
      if (directory === undefined || !fs.existsSync(directory)) {
        throw new LambdaError('ResourceNotFoundException', `Layer version ${arn} of ${target.name} does not exist in the local cloud.`, 404);
      }
      return directory;
    });
  }

  /** Keys of the function's role, reused while they have enough life left for one more invocation. */
  private keysFor(target: DeployedFunction): FunctionCredentials {
    const cacheKey = target.roleArn ?? `function:${target.name}`;
    const cached = this.roleKeys.get(cacheKey);
    if (cached !== undefined && cached.expiration.getTime() - Date.now() > (target.timeoutSeconds + 60) * 1000) return cached;
    const issued = this.options.credentials.issueTemporary(ROLE_KEY_LIFETIME_SECONDS, target.roleArn === undefined ? undefined : { roleArn: target.roleArn });
    this.roleKeys.set(cacheKey, issued);
    return issued;
  }
}

function resultOf(run: NodeRun, target: DeployedFunction): InvokeResult {
  const outcome = run.outcome;
  switch (outcome.type) {
    case 'result':
      return { status: 200, payload: outcome.payload };
    case 'error':
      return { status: 200, functionError: 'Unhandled', payload: JSON.stringify(outcome.error) };
    case 'timeout':
      return {
        status: 200,
        functionError: 'Unhandled',
        payload: JSON.stringify({ errorType: 'Sandbox.Timedout', errorMessage: `RequestId: ${run.requestId} Error: Task timed out after ${target.timeoutSeconds.toFixed(2)} seconds` }),
      };
    case 'exit':
      return {
        status: 200,
        functionError: 'Unhandled',
        payload: JSON.stringify({
          errorType: 'Runtime.ExitError',
          errorMessage: `RequestId: ${run.requestId} Error: Runtime exited ${outcome.signal === null ? `with error: exit status ${outcome.code}` : `with signal: ${outcome.signal}`}`,
        }),
      };
    case 'stopped':
      throw new LambdaError('ServiceException', 'The local cloud stopped while the function was running.', 500, 'Service');
  }
}

function toFunction(resource: DeployedResource, region: string): DeployedFunction {
  const properties = resource.properties;
  const environment = isObject(properties.Environment) && isObject(properties.Environment.Variables) ? properties.Environment.Variables : {};
  const arn = typeof resource.attributes.Arn === 'string' ? resource.attributes.Arn : '';
  return {
    name: resource.physicalId,
    arn,
    handler: String(properties.Handler ?? 'index.handler'),
    runtime: String(properties.Runtime ?? ''),
    timeoutSeconds: Number(properties.Timeout ?? 3),
    memorySize: Number(properties.MemorySize ?? 128),
    roleArn: typeof properties.Role === 'string' ? properties.Role : undefined,
    environment: Object.fromEntries(Object.entries(environment).map(([key, value]) => [key, String(value)])),
    layers: Array.isArray(properties.Layers) ? properties.Layers.map(String) : [],
    region: arn.split(':')[3] || region,
  };
}

/** The function name in a name, `name:qualifier`, or a partial or full ARN. */
export function functionName(reference: string): string {
  const parts = reference.split(':');
  if (parts[0] === 'arn') return parts[6] ?? '';
  // `123456789012:function:name[:qualifier]` or `name[:qualifier]`.
  const functionIndex = parts.indexOf('function');
  return functionIndex >= 0 ? (parts[functionIndex + 1] ?? '') : parts[0];
}

function qualifiedArn(reference: string, options: { accountId: string; region: string }): string {
  return reference.startsWith('arn:') ? reference : `arn:aws:lambda:${options.region}:${options.accountId}:function:${reference}`;
}

function lastBytes(text: string, maxBytes: number): string {
  const bytes = Buffer.from(text, 'utf8');
  return bytes.length <= maxBytes ? text : bytes.subarray(bytes.length - maxBytes).toString('utf8');
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
