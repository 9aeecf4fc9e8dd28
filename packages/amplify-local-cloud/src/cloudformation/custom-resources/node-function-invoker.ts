import { randomUUID } from 'crypto';
import type { NodeRun, NodeRuntime } from '../../lambda/node-runtime';
import type { CloudFormationServiceDeps } from '../../contracts';
import type { ResponseCollector } from './response-collector';

export interface CustomResourceInvocation {
  codeDirectory: string;
  handler: string;
  functionName: string;
  functionArn: string;
  timeoutSeconds: number;
  environment: Record<string, string>;
  /** The custom resource event without ResponseURL (added here). */
  event: Record<string, unknown>;
  stackId: string;
  logicalId: string;
  region: string;
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
 * Runs the Node.js Lambda functions of custom resources (in the Lambda runtime's child processes) and collects their
 * responses, which they PUT to their ResponseURL while they run.
 */
export class NodeFunctionInvoker {
  private closed = false;

  constructor(
    private readonly runtime: NodeRuntime,
    private readonly credentials: CloudFormationServiceDeps['credentials'],
    private readonly responses: ResponseCollector,
  ) {}

  async invoke(invocation: CustomResourceInvocation): Promise<CustomResourceResponse> {
    if (this.closed) {
      throw new Error(`The local cloud stopped before custom resource function ${invocation.functionName} could run`);
    }
    const port = await this.responses.port();
    const requestId = randomUUID();
    const { url, token } = this.responses.newResponse(invocation.stackId, invocation.logicalId, requestId, invocation.region);
    // A minute beyond the function's timeout: the key is revoked as soon as the function is done anyway.
    const keys = this.credentials.issueTemporary(invocation.timeoutSeconds + 60);
    let run: Promise<NodeRun> | undefined;
    try {
      run = this.runtime.run({
        codeDirectory: invocation.codeDirectory,
        handler: invocation.handler,
        functionName: invocation.functionName,
        functionArn: invocation.functionArn,
        timeoutSeconds: invocation.timeoutSeconds,
        memorySize: 128,
        region: invocation.region,
        environment: invocation.environment,
        credentials: keys,
        event: { ...invocation.event, ResponseURL: url, RequestId: requestId },
        requestId,
        responseRoute: { host: new URL(url).hostname, port },
      });
      const ended = run.then(async (finished) => {
        // The response PUT finishes before the function ends; give the listener a moment to hand it over.
        await new Promise((resolve) => setTimeout(resolve, 200));
        throw new Error(this.missingResponse(invocation, finished));
      });
      ended.catch(() => undefined);
      return parseResponse(await Promise.race([this.responses.waitFor(token), ended]));
    } finally {
      this.responses.forget(token);
      this.credentials.revoke(keys.accessKeyId);
    }
  }

  /** Refuses new invocations: the local cloud is stopping (the runtime ends those running). */
  close(): void {
    this.closed = true;
  }

  private missingResponse(invocation: CustomResourceInvocation, run: NodeRun): string {
    const name = `Custom resource function ${invocation.functionName}`;
    switch (run.outcome.type) {
      case 'timeout':
        return `${name} timed out after ${invocation.timeoutSeconds} seconds without sending a response`;
      case 'stopped':
        return `The local cloud stopped while custom resource function ${invocation.functionName} was running`;
      case 'error':
        return `${name} failed without sending a response: ${run.outcome.error.errorType}: ${run.outcome.error.errorMessage}`;
      default: {
        const code = run.outcome.type === 'exit' ? run.outcome.code : 0;
        const detail = run.log.trim().split('\n').slice(1, -2).slice(-3).join(' ').trim();
        return `${name} ended (exit code ${code}) without sending a response${detail ? `: ${detail}` : ''}`;
      }
    }
  }
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
