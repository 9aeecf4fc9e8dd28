import * as http from 'http';
import type { AddressInfo } from 'net';
import { randomUUID } from 'crypto';

/** The host of the ResponseURLs the engine hands out: the one AWS uses for us-east-1, routed locally by the runner. */
export function responseHost(region: string): string {
  return `cloudformation-custom-resource-response-${region.replace(/-/g, '')}.s3.amazonaws.com`;
}

interface Waiter {
  resolve(body: string): void;
}

/**
 * Receives custom resource responses: a listener on 127.0.0.1 (random port) where the child process's https requests
 * for the ResponseURL host land. Each ResponseURL carries a one-time token naming the invocation waiting for it.
 */
export class ResponseCollector {
  private server: http.Server | undefined;
  private listening: Promise<number> | undefined;
  private readonly waiters = new Map<string, Waiter>();
  private readonly received = new Map<string, string>();

  /** Starts the listener on first use; answers its port. */
  port(): Promise<number> {
    this.listening ??= new Promise<number>((resolve, reject) => {
      const server = http.createServer((request, response) => this.receive(request, response));
      this.server = server;
      server.on('error', reject);
      server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
    });
    return this.listening;
  }

  /** A new ResponseURL path with its token. */
  newResponse(stackId: string, logicalId: string, requestId: string, region: string): { url: string; token: string } {
    const token = randomUUID();
    const key = encodeURIComponent(`${stackId}|${logicalId}|${requestId}`);
    return { url: `https://${responseHost(region)}/${key}?X-Amz-Security-Token=${token}`, token };
  }

  /** The body PUT for the token, once it arrives. */
  waitFor(token: string): Promise<string> {
    const body = this.received.get(token);
    if (body !== undefined) {
      this.received.delete(token);
      return Promise.resolve(body);
    }
    return new Promise((resolve) => this.waiters.set(token, { resolve }));
  }

  forget(token: string): void {
    this.waiters.delete(token);
    this.received.delete(token);
  }

  async close(): Promise<void> {
    const server = this.server;
    if (server === undefined) return;
    this.server = undefined;
    this.listening = undefined;
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private receive(request: http.IncomingMessage, response: http.ServerResponse): void {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const token = new URL(request.url ?? '/', 'http://127.0.0.1').searchParams.get('X-Amz-Security-Token');
      if (request.method !== 'PUT' || token === null) {
        response.writeHead(400).end();
        return;
      }
      const body = Buffer.concat(chunks).toString('utf8');
      const waiter = this.waiters.get(token);
      if (waiter) {
        this.waiters.delete(token);
        waiter.resolve(body);
      } else {
        this.received.set(token, body);
      }
      // S3 answers a presigned PUT with 200 and an ETag; cfn-response only needs the status.
      response.writeHead(200, { ETag: '"local"' }).end();
    });
  }
}
