import * as fs from 'fs';
import type { ServiceHandler, ServiceRequest, ServiceResponse, StreamingServiceHandler, StreamingServiceRequest } from '../contracts';

/** The environment variable naming the file `amplify local-cloud start` appends each call it serves to. */
export const CALL_LOG_VARIABLE = 'AMPLIFY_LOCAL_CLOUD_CALL_LOG';

/** One served call, a JSON line of the call log. */
export interface LoggedCall {
  time: string;
  service: string;
  /** `X-Amz-Target`'s operation, the query protocol's `Action`, else the REST method and path (S3, AppSync, Amplify). */
  operation: string;
  status: number;
}

/**
 * Wraps services so that each call they answer is appended to `file`: what a client (another tool, the original
 * CLI) asks of the local cloud, for finding out which operations it needs.
 */
export function logCallsOf<H extends ServiceHandler | StreamingServiceHandler>(handlers: ReadonlyMap<string, H>, file: string): Map<string, H> {
  const logged = new Map<string, H>();
  for (const [service, handler] of handlers) {
    const wrapped = async (request: ServiceRequest & StreamingServiceRequest): Promise<ServiceResponse> => {
      const response = await handler(request);
      const call: LoggedCall = { time: new Date().toISOString(), service, operation: operationOf(request), status: response.status };
      fs.appendFileSync(file, `${JSON.stringify(call)}\n`);
      return response;
    };
    logged.set(service, wrapped as H);
  }
  return logged;
}

export function operationOf(request: Pick<ServiceRequest, 'method' | 'path' | 'query' | 'headers'> & { body?: unknown }): string {
  const target = request.headers['x-amz-target'];
  const targetText = Array.isArray(target) ? target[0] : target;
  if (targetText !== undefined) return targetText.slice(targetText.indexOf('.') + 1);
  const action = request.query.get('Action') ?? (Buffer.isBuffer(request.body) ? new URLSearchParams(request.body.toString('utf8')).get('Action') : null);
  if (action !== null) return action;
  const query = [...new Set(request.query.keys())].filter((name) => !name.startsWith('X-Amz-'));
  return `${request.method} ${request.path.split('?')[0]}${query.length === 0 ? '' : `?${query.join('&')}`}`;
}
