import type { IncomingMessage } from 'http';
import type { Duplex } from 'stream';
import type { WebSocket, WebSocketServer } from 'ws';
import { isLoopbackHost } from '../server/request-origin';
import { NOT_AUTHORIZED_MESSAGE, RequestRefusal, type AppSyncGraphQlError } from './appsync-errors';
import { parseAppSyncPath } from './appsync-urls';
import type { CompiledApi, ResolverRunner } from './graphql-execution';
import { flattenHeaders, parseGraphQlBody } from './graphql-request';
import type { AuthRequest, Caller } from './request-auth';
import type { ActiveSubscription, SubscriptionHub } from './subscription-hub';

/** What the real-time server needs of the AppSync service. */
export interface RealtimeBackend {
  readonly hub: SubscriptionHub;
  readonly runner: ResolverRunner;
  api(apiId: string): CompiledApi | undefined;
  authenticate(api: CompiledApi, request: AuthRequest): Promise<Caller>;
}

const SUBPROTOCOL = 'graphql-ws';
/** What `connection_ack` tells clients: they drop a connection that sent no `ka` for this long. */
const CONNECTION_TIMEOUT_MS = 300_000;
/** A client message (a `start` with its query) larger than this closes the connection. */
const MAX_MESSAGE_BYTES = 1024 * 1024;

/** The handshake's authorization: a caller, or the refusal `connection_init` answers with. */
type Handshake = { type: 'caller'; caller: Caller; headers: Record<string, string> } | { type: 'refused'; refusal: RequestRefusal };

/** The handshake's authorization headers: the `header-<base64url JSON>` subprotocol, or the older `?header=` form. */
function handshakeHeaders(request: IncomingMessage, query: URLSearchParams): Record<string, string> | undefined {
  const protocols = String(request.headers['sec-websocket-protocol'] ?? '')
    .split(',')
    .map((protocol) => protocol.trim());
  const encoded = protocols.find((protocol) => protocol.startsWith('header-'))?.slice('header-'.length) ?? query.get('header') ?? undefined;
  if (encoded === undefined) return undefined;
  try {
    // Node's base64 decoder takes both alphabets: base64url in the subprotocol, base64 in the query.
    const parsed = JSON.parse(Buffer.from(encoded, 'base64').toString('utf8')) as unknown;
    return typeof parsed === 'object' && parsed !== null ? flattenHeaders(parsed as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function errorsOf(refusal: RequestRefusal): Partial<AppSyncGraphQlError & { errorCode: number }>[] {
  return [{ errorType: refusal.errorType, message: refusal.message, errorCode: refusal.status }];
}

/**
 * AppSync's real-time protocol over `ws`: `connection_init` → `connection_ack` (with `connectionTimeoutMs`) and `ka`
 * keep-alives; `start` → `start_ack`, then `data` for each delivery; `stop` → `complete`; failures as
 * `connection_error` or `error` with `payload.errors[{errorType, message, errorCode}]`. The connection is authorized
 * by its handshake headers, each subscription by the `authorization` of its `start` (else the connection's).
 */
export class RealtimeServer {
  private server: WebSocketServer | undefined;
  private readonly sockets = new Set<WebSocket>();

  constructor(
    private readonly service: RealtimeBackend,
    private readonly keepAliveMs: number,
  ) {}

  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    const url = new URL(request.url ?? '/', 'http://local');
    const target = parseAppSyncPath(url.pathname);
    const refuse = (status: number, reason: string) => {
      socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
    };
    if (!isLoopbackHost(request.headers.host)) return refuse(403, 'Forbidden');
    if (target === undefined || target.rest !== 'graphql/realtime') return refuse(404, 'Not Found');
    let api: CompiledApi | undefined;
    try {
      api = this.service.api(target.apiId);
    } catch {
      api = undefined;
    }
    if (api === undefined) return refuse(404, 'Not Found');
    const compiled = api;
    const headers = handshakeHeaders(request, url.searchParams);
    const authorize = async (): Promise<Handshake> => {
      if (headers === undefined) return { type: 'refused', refusal: new RequestRefusal(401, 'UnauthorizedException', NOT_AUTHORIZED_MESSAGE) };
      try {
        const caller = await this.service.authenticate(compiled, {
          headers,
          method: 'POST',
          path: `${url.pathname.replace(/\/realtime\/?$/, '')}/connect`,
          query: new URLSearchParams(),
          body: Buffer.from('{}'),
        });
        return { type: 'caller', caller, headers };
      } catch (error) {
        if (error instanceof RequestRefusal) return { type: 'refused', refusal: error };
        // Answered at connection_init like any refusal: the handshake is awaited only then.
        return { type: 'refused', refusal: new RequestRefusal(500, 'InternalFailure', error instanceof Error ? error.message : String(error)) };
      }
    };
    this.webSocketServer().handleUpgrade(request, socket, head, (ws) => {
      this.sockets.add(ws);
      const handshake = authorize();
      this.serve(ws, target.apiId, compiled, handshake, url.pathname.replace(/\/realtime\/?$/, ''));
    });
  }

  close(): Promise<void> {
    for (const ws of this.sockets) ws.terminate();
    const server = this.server;
    return server === undefined ? Promise.resolve() : new Promise((resolve) => server.close(() => resolve()));
  }

  private webSocketServer(): WebSocketServer {
    if (this.server === undefined) {
      // Required here: only a local cloud that serves subscriptions loads ws.
      const { WebSocketServer: Server } = require('ws') as typeof import('ws');
      this.server = new Server({ noServer: true, maxPayload: MAX_MESSAGE_BYTES, handleProtocols: (protocols) => (protocols.has(SUBPROTOCOL) ? SUBPROTOCOL : false) });
    }
    return this.server;
  }

  private serve(ws: WebSocket, apiId: string, api: CompiledApi, handshake: Promise<Handshake>, graphqlPath: string): void {
    const subscriptions = new Map<string, ActiveSubscription>();
    let keepAlive: NodeJS.Timeout | undefined;
    let initialized = false;
    const send = (message: unknown) => {
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
    };
    const end = () => {
      clearInterval(keepAlive);
      for (const subscription of subscriptions.values()) this.service.hub.remove(subscription);
      subscriptions.clear();
      this.sockets.delete(ws);
    };
    ws.on('close', end);
    ws.on('error', end);
    const onMessage = async (text: string): Promise<void> => {
      let message: { type?: unknown; id?: unknown; payload?: { data?: unknown; extensions?: { authorization?: Record<string, unknown> } } };
      try {
        message = JSON.parse(text) as typeof message;
      } catch {
        send({ type: 'error', payload: { errors: [{ errorType: 'BadRequestException', message: 'Messages must be JSON objects.', errorCode: 400 }] } });
        return;
      }
      const id = typeof message.id === 'string' ? message.id : undefined;
      switch (message.type) {
        case 'connection_init': {
          const result = await handshake;
          if (result.type === 'refused') {
            send({ type: 'connection_error', payload: { errors: errorsOf(result.refusal) } });
            ws.close(1000);
            return;
          }
          initialized = true;
          send({ type: 'connection_ack', payload: { connectionTimeoutMs: CONNECTION_TIMEOUT_MS } });
          send({ type: 'ka' });
          clearInterval(keepAlive);
          keepAlive = setInterval(() => send({ type: 'ka' }), this.keepAliveMs);
          keepAlive.unref();
          return;
        }
        case 'start': {
          if (id === undefined) {
            send({ type: 'error', payload: { errors: [{ errorType: 'BadRequestException', message: 'A start message needs an id.', errorCode: 400 }] } });
            return;
          }
          if (!initialized) {
            send({ type: 'error', id, payload: { errors: [{ errorType: 'BadRequestException', message: 'Send connection_init before start.', errorCode: 400 }] } });
            return;
          }
          await this.start(api, apiId, id, message.payload, handshake, graphqlPath, subscriptions, send);
          return;
        }
        case 'stop': {
          const subscription = id === undefined ? undefined : subscriptions.get(id);
          if (subscription !== undefined) {
            this.service.hub.remove(subscription);
            subscriptions.delete(subscription.id);
          }
          send({ type: 'complete', id });
          return;
        }
        default:
          send({ type: 'error', id, payload: { errors: [{ errorType: 'UnsupportedOperation', message: `Unsupported message type '${String(message.type)}'.`, errorCode: 400 }] } });
      }
    };
    // Messages are handled one at a time, in order: a `stop` must not overtake the `start` it stops.
    let queue = Promise.resolve();
    ws.on('message', (data) => {
      queue = queue
        .then(() => onMessage(String(data)))
        .catch((error: unknown) => {
          send({ type: 'error', payload: { errors: [{ errorType: 'InternalFailure', message: error instanceof Error ? error.message : String(error) }] } });
        });
    });
  }

  private async start(
    api: CompiledApi,
    apiId: string,
    id: string,
    payload: { data?: unknown; extensions?: { authorization?: Record<string, unknown> } } | undefined,
    handshake: Promise<Handshake>,
    graphqlPath: string,
    subscriptions: Map<string, ActiveSubscription>,
    send: (message: unknown) => void,
  ): Promise<void> {
    const fail = (errors: unknown[]) => send({ type: 'error', id, payload: { errors } });
    const data = typeof payload?.data === 'string' ? payload.data : JSON.stringify(payload?.data ?? null);
    const request = parseGraphQlBody(data);
    if (request === undefined) return fail([{ errorType: 'BadRequestException', message: 'The start payload needs data: a JSON text with a query.', errorCode: 400 }]);
    const connection = await handshake;
    let caller: Caller;
    let headers: Record<string, string>;
    const authorization = payload?.extensions?.authorization;
    if (authorization !== undefined && authorization !== null) {
      headers = flattenHeaders(authorization);
      try {
        caller = await this.service.authenticate(api, { headers, method: 'POST', path: graphqlPath, query: new URLSearchParams(), body: Buffer.from(data), graphql: request });
      } catch (error) {
        if (error instanceof RequestRefusal) return fail(errorsOf(error));
        throw error;
      }
    } else if (connection.type === 'caller') {
      caller = connection.caller;
      headers = connection.headers;
    } else {
      return fail(errorsOf(connection.refusal));
    }
    const current = this.service.api(apiId) ?? api;
    const outcome = await this.service.runner.register(current, caller, headers, request);
    if (outcome.type === 'refused') return fail(outcome.errors);
    const previous = subscriptions.get(id);
    if (previous !== undefined) this.service.hub.remove(previous);
    const subscription: ActiveSubscription = { apiId, id, registration: outcome.registration, document: outcome.document, request, caller, headers, send };
    subscriptions.set(id, subscription);
    this.service.hub.add(subscription);
    send({ type: 'start_ack', id });
  }
}
