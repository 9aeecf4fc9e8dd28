import * as http from 'http';
import type { AddressInfo } from 'net';
import { AmplifyError } from 'amplify-cli-core';
import type { ServiceResponse } from '../contracts';
import { internalError, type RawRequest } from './request-router';

export interface HttpServer {
  port: number;
  close(): Promise<void>;
}

export type RequestHandler = (request: RawRequest) => Promise<ServiceResponse>;

/**
 * Listens on a loopback address, reads each request whole and writes the handler's answer. A handler that throws
 * is answered with a 500 in the client's protocol and logged to stderr, so one bad request never stops the cloud.
 */
export async function listenHttp(host: string, port: number, handle: RequestHandler): Promise<HttpServer> {
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const url = req.url ?? '/';
      const mark = url.indexOf('?');
      const request: RawRequest = {
        method: req.method ?? 'GET',
        path: mark < 0 ? url : url.slice(0, mark),
        query: new URLSearchParams(mark < 0 ? '' : url.slice(mark + 1)),
        headers: req.headers,
        body: Buffer.concat(chunks),
      };
      handle(request)
        .catch((error: unknown) => {
          process.stderr.write(`local-cloud: ${request.method} ${url} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
          return internalError(request, error);
        })
        .then((response) => writeResponse(res, request.method, response));
    });
  });
  server.keepAliveTimeout = 5000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') {
        reject(
          new AmplifyError('LocalCloudPortInUse', `Port ${port} on ${host} is already in use.`, {
            resolution: 'Stop whatever listens there, or start the local cloud on another port with --port <n>.',
            cause: error,
          }),
        );
      } else {
        reject(error);
      }
    });
    server.listen(port, host, () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Idle keep-alive sockets of SDK clients would otherwise hold the server open.
        server.closeIdleConnections();
        setTimeout(() => server.closeAllConnections(), 2000).unref();
      }),
  };
}

function writeResponse(res: http.ServerResponse, method: string, response: ServiceResponse): void {
  const body = response.body === undefined ? undefined : Buffer.isBuffer(response.body) ? response.body : Buffer.from(response.body, 'utf8');
  const headers: Record<string, string> = { ...response.headers };
  const hasLength = Object.keys(headers).some((name) => name.toLowerCase() === 'content-length');
  if (!hasLength && response.status !== 204 && response.status !== 304) {
    headers['Content-Length'] = String(body?.length ?? 0);
  }
  res.writeHead(response.status, headers);
  res.end(method === 'HEAD' || response.status === 304 ? undefined : body);
}
