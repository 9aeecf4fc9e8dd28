import * as http from 'http';
import * as https from 'https';
import * as net from 'net';
import { pipeline, Readable, type Duplex } from 'stream';
import { AmplifyError } from 'amplify-cli-core';
import type { ServiceResponse } from '../contracts';
import { internalError, type RawRequest } from './request-router';
import { IncomingBody } from './request-body';

export interface HttpServer {
  port: number;
  close(): Promise<void>;
}

export type RequestHandler = (request: RawRequest) => Promise<ServiceResponse>;

export interface HttpServerOptions {
  /** A request body that sends nothing for this long is answered `RequestTimeout`; default 20 s, about what S3 allows. */
  bodyIdleTimeoutMs?: number;
  /** A client that has not sent its complete headers after this long gets a 408 and is disconnected; default 20 s. */
  headersTimeoutMs?: number;
  /** Takes `Upgrade` requests (WebSocket handshakes); without it they are refused. */
  upgrade?: (request: http.IncomingMessage, socket: Duplex, head: Buffer) => void;
}

const DEFAULT_BODY_IDLE_TIMEOUT_MS = 20_000;
const DEFAULT_HEADERS_TIMEOUT_MS = 20_000;
/**
 * How long a connection whose request body was left unread (a refused upload) may keep sending after the answer:
 * long enough for the client to read the answer instead of a reset, short enough that it cannot pin the server.
 */
const UNREAD_BODY_LINGER_MS = 2000;

/** The first byte of a TLS connection: the record type of its ClientHello (handshake). */
const TLS_HANDSHAKE = 0x16;

/**
 * Listens on a loopback address and hands each request to the handler as soon as its headers are in, the body
 * unread: the service reads it (whole or streamed) only if and as far as it accepts it. A client that sent
 * `Expect: 100-continue` gets `100 Continue` only when the body is read, so a refused upload is never sent. A
 * handler that throws is answered with a 500 in the client's protocol and logged to stderr, so one bad request
 * never stops the cloud. Given a key and certificate, the same port also answers TLS (`https://`, `wss://`): each
 * connection's first byte tells a TLS handshake from plain HTTP, so an app reaches every service at one host and
 * port under either scheme, as aws-amplify needs when it rewrites the GraphQL URL to `wss://` for subscriptions.
 */
export async function listenHttp(host: string, port: number, handle: RequestHandler, options: HttpServerOptions = {}, tls?: { key: string; cert: string }): Promise<HttpServer> {
  const bodyIdleTimeoutMs = options.bodyIdleTimeoutMs ?? DEFAULT_BODY_IDLE_TIMEOUT_MS;
  const headersTimeoutMs = options.headersTimeoutMs ?? DEFAULT_HEADERS_TIMEOUT_MS;
  const serverOptions: http.ServerOptions = {
    headersTimeout: headersTimeoutMs,
    // Bodies have their own idle timeout; a deadline for the whole request would cut off large uploads.
    requestTimeout: 0,
    // Expired headers are found by this periodic check: it must run well within the timeout.
    connectionsCheckingInterval: Math.max(10, Math.min(1000, Math.floor(headersTimeoutMs / 4))),
  };
  const plain = http.createServer(serverOptions);
  const secure = tls === undefined ? undefined : https.createServer({ ...serverOptions, key: tls.key, cert: tls.cert });
  const serve = (req: http.IncomingMessage, res: http.ServerResponse, expectsContinue: boolean) => {
    const url = req.url ?? '/';
    const mark = url.indexOf('?');
    let continued = !expectsContinue;
    const request: RawRequest = {
      method: req.method ?? 'GET',
      path: mark < 0 ? url : url.slice(0, mark),
      query: new URLSearchParams(mark < 0 ? '' : url.slice(mark + 1)),
      headers: req.headers,
      body: new IncomingBody(req, req.headers, {
        idleTimeoutMs: bodyIdleTimeoutMs,
        onFirstRead: () => {
          if (!continued) {
            continued = true;
            res.writeContinue();
          }
        },
      }),
    };
    handle(request)
      .catch((error: unknown) => {
        process.stderr.write(`local-cloud: ${request.method} ${url} failed: ${describe(error)}\n`);
        return internalError(request, error);
      })
      .then((response) => writeResponse(req, res, request.method, response))
      .catch((error: unknown) => {
        // The answer itself could not be written (a header Node refuses, a socket gone): drop the connection.
        process.stderr.write(`local-cloud: ${request.method} ${url} could not be answered: ${describe(error)}\n`);
        res.destroy();
      });
  };
  for (const target of secure === undefined ? [plain] : [plain, secure]) {
    target.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => serve(req, res, false));
    target.on('checkContinue', (req: http.IncomingMessage, res: http.ServerResponse) => serve(req, res, true));
    target.on('upgrade', (req: http.IncomingMessage, socket: Duplex, head: Buffer) => {
      if (options.upgrade === undefined) {
        socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
        return;
      }
      options.upgrade(req, socket, head);
    });
    target.keepAliveTimeout = 5000;
  }
  const server = net.createServer({ pauseOnConnect: true }, (socket) => {
    if (secure === undefined) {
      plain.emit('connection', socket);
      socket.resume();
      return;
    }
    // A client that connects and sends nothing is dropped like one whose headers never complete.
    socket.setTimeout(headersTimeoutMs, () => socket.destroy());
    socket.on('error', () => socket.destroy());
    socket.once('readable', () => {
      const first: Buffer | null = socket.read(1);
      socket.setTimeout(0);
      if (first === null) {
        socket.destroy();
        return;
      }
      socket.unshift(first);
      (first[0] === TLS_HANDSHAKE ? secure : plain).emit('connection', socket);
    });
  });
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
  const targets = secure === undefined ? [plain] : [plain, secure];
  // The HTTP servers get their connections from the listener above; 'listening' starts their periodic check of
  // connections whose headers never complete, which Node starts only on that event.
  for (const target of targets) target.emit('listening');
  return {
    port: (server.address() as net.AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const target of targets) {
          // Stops the connection check; idle keep-alive sockets of SDK clients would otherwise hold the server open.
          target.close(() => undefined);
          setTimeout(() => target.closeAllConnections(), 2000).unref();
        }
      }),
  };
}

function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

function writeResponse(req: http.IncomingMessage, res: http.ServerResponse, method: string, response: ServiceResponse): void {
  const headers: Record<string, string> = { ...response.headers };
  const noBody = method === 'HEAD' || response.status === 304;
  const stream = response.body instanceof Readable ? response.body : undefined;
  const body = typeof response.body === 'string' ? Buffer.from(response.body, 'utf8') : Buffer.isBuffer(response.body) ? response.body : undefined;
  const hasLength = Object.keys(headers).some((name) => name.toLowerCase() === 'content-length');
  if (!hasLength && response.status !== 204 && response.status !== 304) {
    headers['Content-Length'] = String(body?.length ?? 0);
  }
  if (!req.complete) {
    // The body was refused or abandoned: the connection cannot carry another request after its unread rest.
    headers.Connection = 'close';
    res.once('finish', () => setTimeout(() => req.socket.destroy(), UNREAD_BODY_LINGER_MS).unref());
  }
  res.writeHead(response.status, headers);
  if (stream === undefined || noBody) {
    stream?.destroy();
    res.end(noBody ? undefined : body);
    return;
  }
  pipeline(stream, res, (error) => {
    if (error !== undefined && error !== null) {
      // Headers are out: all that is left is to cut the connection so the client sees a short body.
      res.destroy();
    }
  });
}
