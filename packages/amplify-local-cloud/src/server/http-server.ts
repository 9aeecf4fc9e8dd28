import * as http from 'http';
import type { AddressInfo } from 'net';
import { AmplifyError } from 'amplify-cli-core';
import type { ServiceResponse } from '../contracts';
import { toXml } from '../xml/xml-writer';
import { internalError, type RawRequest } from './request-router';

export interface HttpServer {
  port: number;
  close(): Promise<void>;
}

export type RequestHandler = (request: RawRequest) => Promise<ServiceResponse>;

export interface HttpServerOptions {
  /** Larger request bodies are refused with `EntityTooLarge` before they are buffered; default 2 GiB. */
  maxBodyBytes?: number;
}

/**
 * Bodies are held in memory whole, so they are capped well below what a Buffer can hold; lib-storage splits large
 * files into parts anyway, and S3's own single-request limit (5 GiB) is out of reach of an in-memory server.
 */
const DEFAULT_MAX_BODY_BYTES = 2 * 1024 * 1024 * 1024;

/**
 * Listens on a loopback address, reads each request whole and writes the handler's answer. A handler that throws
 * is answered with a 500 in the client's protocol and logged to stderr, so one bad request never stops the cloud.
 */
export async function listenHttp(host: string, port: number, handle: RequestHandler, options: HttpServerOptions = {}): Promise<HttpServer> {
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let refused = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBodyBytes) {
        chunks.push(chunk);
      } else if (!refused) {
        refused = true;
        chunks.length = 0;
        refuseBody(req, res, maxBodyBytes);
      }
    });
    req.on('end', () => {
      if (refused) {
        return;
      }
      const url = req.url ?? '/';
      const mark = url.indexOf('?');
      const request: RawRequest = {
        method: req.method ?? 'GET',
        path: mark < 0 ? url : url.slice(0, mark),
        query: new URLSearchParams(mark < 0 ? '' : url.slice(mark + 1)),
        headers: req.headers,
        body: Buffer.concat(chunks, size),
      };
      handle(request)
        .catch((error: unknown) => {
          process.stderr.write(`local-cloud: ${request.method} ${url} failed: ${describe(error)}\n`);
          return internalError(request, error);
        })
        .then((response) => writeResponse(res, request.method, response))
        .catch((error: unknown) => {
          // The answer itself could not be written (a header Node refuses, a socket gone): drop the connection.
          process.stderr.write(`local-cloud: ${request.method} ${url} could not be answered: ${describe(error)}\n`);
          res.destroy();
        });
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

/** Answers S3's `EntityTooLarge` at once and closes the connection instead of reading the rest of the body. */
function refuseBody(req: http.IncomingMessage, res: http.ServerResponse, maxBodyBytes: number): void {
  const body = toXml('Error', {
    Code: 'EntityTooLarge',
    Message: 'Your proposed upload exceeds the maximum allowed size',
    MaxSizeAllowed: maxBodyBytes,
  });
  res.writeHead(400, { 'Content-Type': 'application/xml', 'Content-Length': String(Buffer.byteLength(body)), Connection: 'close' });
  res.end(body, () => req.destroy());
}

function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
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
