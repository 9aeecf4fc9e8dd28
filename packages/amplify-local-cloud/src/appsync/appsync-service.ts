import * as crypto from 'crypto';
import type { IncomingMessage } from 'http';
import type { Duplex } from 'stream';
import type { ServiceResponse } from '../contracts';
import type { RawRequest } from '../server/request-router';
import { BodyError } from '../server/body-error';
import { RequestRefusal, type AppSyncGraphQlError } from './appsync-errors';
import type { AppSyncRegistry } from './appsync-registry';
import { parseAppSyncPath } from './appsync-urls';
import { CompiledApi, ResolverRunner, type GraphQlRequest } from './graphql-execution';
import { flattenHeaders, parseGraphQlBody } from './graphql-request';
import type { AppSyncPorts } from './ports';
import { RealtimeServer } from './realtime-server';
import { RequestAuthenticator, type AuthRequest, type Caller } from './request-auth';
import { SubscriptionHub } from './subscription-hub';

/** AppSync accepts request bodies up to about 1 MB. */
const MAX_BODY_BYTES = 1024 * 1024;

export interface AppSyncServiceOptions {
  /** How often a real-time connection gets a `ka` message; AppSync's connectionTimeoutMs is 5 minutes. */
  keepAliveMs?: number;
}

const CORS_HEADERS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Expose-Headers': 'x-amzn-RequestId, x-amzn-ErrorType, x-amz-user-agent, x-amzn-ErrorMessage, Date',
};

/**
 * The local AppSync: each API its stacks registered, served at `<endpoint>/appsync/<apiId>/graphql` (queries and
 * mutations over HTTP POST) and `.../graphql/realtime` (subscriptions over AppSync's WebSocket protocol).
 */
export class AppSyncService {
  readonly hub = new SubscriptionHub();
  readonly runner: ResolverRunner;
  readonly authenticator: RequestAuthenticator;
  private readonly compiled = new Map<string, { revision: number; api: CompiledApi }>();
  private readonly realtime: RealtimeServer;

  constructor(
    private readonly registry: AppSyncRegistry,
    ports: AppSyncPorts,
    options: AppSyncServiceOptions = {},
  ) {
    this.runner = new ResolverRunner(ports);
    this.authenticator = new RequestAuthenticator(ports);
    this.realtime = new RealtimeServer(this, options.keepAliveMs ?? 60_000);
  }

  /** The API ready to execute, rebuilt when its resources changed; undefined when no such API is deployed. */
  api(apiId: string): CompiledApi | undefined {
    const revision = this.registry.revision(apiId);
    const cached = this.compiled.get(apiId);
    if (cached !== undefined && cached.revision === revision) return cached.api;
    const state = this.registry.state(apiId);
    if (state === undefined) {
      this.compiled.delete(apiId);
      return undefined;
    }
    const api = new CompiledApi(state);
    this.compiled.set(apiId, { revision, api });
    return api;
  }

  async authenticate(api: CompiledApi, request: AuthRequest): Promise<Caller> {
    return this.authenticator.authenticate(api.state.api, api.state.apiKeys, request);
  }

  /** Runs a query or mutation, then delivers mutation results to subscribers. */
  async execute(api: CompiledApi, caller: Caller, headers: Record<string, string>, request: GraphQlRequest) {
    const { response, published } = await this.runner.execute(api, caller, headers, request);
    for (const publication of published) {
      this.hub.publish(api, this.runner, publication.fieldName, publication.value).catch((error: unknown) => {
        process.stderr.write(`local-cloud: delivering ${publication.fieldName} to subscribers failed: ${error instanceof Error ? error.message : String(error)}\n`);
      });
    }
    return response;
  }

  async handleHttp(request: RawRequest): Promise<ServiceResponse> {
    const target = parseAppSyncPath(request.path);
    if (target === undefined || target.rest !== 'graphql') {
      return errorResponse(404, 'NotFoundException', `No AppSync endpoint at ${request.path}: GraphQL APIs answer at /appsync/<apiId>/graphql.`);
    }
    if (request.method === 'OPTIONS') {
      const requested = request.headers['access-control-request-headers'];
      return {
        status: 200,
        headers: {
          ...CORS_HEADERS,
          'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
          'Access-Control-Allow-Headers': typeof requested === 'string' && requested !== '' ? requested : 'content-type, x-api-key, authorization, x-amz-date, x-amz-security-token, x-amz-user-agent',
          'Access-Control-Max-Age': '86400',
        },
      };
    }
    if (request.method !== 'POST') return errorResponse(405, 'BadRequestException', `${request.method} is not supported: send GraphQL requests as POST with a JSON body.`);
    let api: CompiledApi | undefined;
    try {
      api = this.api(target.apiId);
    } catch (error) {
      return errorResponse(400, 'BadRequestException', error instanceof Error ? error.message : String(error));
    }
    if (api === undefined) return errorResponse(404, 'NotFoundException', `GraphQL API ${target.apiId} not found.`);
    let body: Buffer;
    try {
      body = await request.body.read(MAX_BODY_BYTES);
    } catch (error) {
      if (error instanceof BodyError) return errorResponse(error.code === 'EntityTooLarge' ? 413 : 400, 'BadRequestException', error.message);
      throw error;
    }
    const graphql = parseGraphQlBody(body);
    if (graphql === undefined) return errorResponse(400, 'BadRequestException', 'Invalid request body: send JSON {"query": "...", "variables": {...}}.');
    const headers = flattenHeaders(request.headers);
    let caller: Caller;
    try {
      caller = await this.authenticate(api, { headers, method: request.method, path: request.path, query: request.query, body, graphql });
    } catch (error) {
      if (error instanceof RequestRefusal) return errorResponse(error.status, error.errorType, error.message);
      throw error;
    }
    try {
      const response = await this.execute(api, caller, headers, graphql);
      return { status: 200, headers: jsonHeaders(), body: JSON.stringify(response) };
    } catch (error) {
      process.stderr.write(`local-cloud: AppSync request to ${target.apiId} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      return errorResponse(500, 'InternalFailure', `The local AppSync failed to execute the request: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    this.realtime.handleUpgrade(request, socket, head);
  }

  close(): Promise<void> {
    return this.realtime.close();
  }
}

function jsonHeaders(): Record<string, string> {
  return { 'Content-Type': 'application/json; charset=UTF-8', 'x-amzn-RequestId': crypto.randomUUID(), ...CORS_HEADERS };
}

function errorResponse(status: number, errorType: string, message: string): ServiceResponse {
  const errors: Partial<AppSyncGraphQlError>[] = [{ errorType, message }];
  return { status, headers: { ...jsonHeaders(), 'x-amzn-ErrorType': errorType }, body: JSON.stringify({ errors }) };
}
