import * as path from 'path';
import { AmplifyError } from 'amplify-cli-core';
import { AppSyncRegistry } from './appsync/appsync-registry';
import type { AppSyncService } from './appsync/appsync-service';
import { APPSYNC_PATH_PREFIX } from './appsync/appsync-urls';
import type { AppSyncPorts } from './appsync/ports';
import { DEFAULT_PORT, DEFAULT_REGION, LOCAL_ACCOUNT_ID, type CloudFormationService, type ServiceHandler, type StreamingServiceHandler } from './contracts';
import { ensureInstanceCredentials, type LocalCloudCredentials } from './instance/instance-credentials';
import { createCloudFrontHandler } from './cloudfront/cloudfront-api';
import { CLOUDFRONT_PATH_PREFIX } from './cloudfront/distribution-path';
import { serveDistribution } from './cloudfront/distribution-server';
import { DistributionStore } from './cloudfront/distribution-store';
import { createS3BrowserAccess } from './s3/bucket-cors';
import { createS3Handler } from './s3/s3-api';
import { S3Store } from './s3/s3-store';
import { serveWebsite } from './s3/website-server';
import { WEBSITE_PATH_PREFIX } from './s3/website-path';
import { LocalCredentialStore } from './server/credential-store';
import { listenHttp, type HttpServer, type HttpServerOptions } from './server/http-server';
import { routeRequest, type RouterOptions } from './server/request-router';
import { openDatabase } from './store/database';
import { createEngagementServices } from './pinpoint/engagement-services';
import { createStsHandler } from './sts/sts-api';
import { CLOUDFORMATION_DIR, HEALTH_PATH } from './well-known-paths';

export interface LocalCloudOptions {
  /** Default 4581; 0 picks a free port. */
  port?: number;
  dataDir: string;
  /** A loopback address; default 127.0.0.1. The local cloud runs deployed code as the developer: it never leaves the machine. */
  host?: string;
  /** Body and header timeouts (tests shorten them). */
  http?: Omit<HttpServerOptions, 'upgrade'>;
  /**
   * The data-plane services AppSync resolvers and authorizers call (DynamoDB, Lambda, user pool tokens, identity
   * pool sessions); a data source or auth mode whose service is missing answers with an error naming it.
   */
  dataPlane?: Omit<AppSyncPorts, 'signingKeys' | 'accountId'>;
  /** How often real-time connections get a keep-alive; default 60 s (tests shorten it). */
  realtimeKeepAliveMs?: number;
}

export interface LocalCloud {
  endpoint: string;
  port: number;
  dataDir: string;
  /** The instance's key pair (`<dataDir>/credentials.json`): sign every request with it. */
  credentials: LocalCloudCredentials;
  close(): Promise<void>;
}

const LOOPBACK = /^(127\.\d{1,3}\.\d{1,3}\.\d{1,3}|::1|localhost)$/;

/**
 * Starts the local cloud: opens the data directory, listens, then serves S3, STS and CloudFormation from one
 * endpoint. The port is bound first because the engine needs the endpoint (nested-stack `TemplateURL`s point at
 * it); requests that arrive while the services are still being set up wait for them.
 */
export async function startLocalCloud(options: LocalCloudOptions): Promise<LocalCloud> {
  const host = options.host ?? '127.0.0.1';
  if (!LOOPBACK.test(host)) {
    throw new AmplifyError('LocalCloudHostNotLoopback', `The local cloud listens on loopback addresses only, not on '${host}'.`, {
      resolution: 'Leave the host out (127.0.0.1) or give another loopback address such as ::1.',
    });
  }
  const dataDir = path.resolve(options.dataDir);
  const credentials = ensureInstanceCredentials(dataDir);
  const db = openDatabase(dataDir);
  let resolveRouter: (router: RouterOptions) => void = () => undefined;
  const router = new Promise<RouterOptions>((resolve) => {
    resolveRouter = resolve;
  });
  let server: HttpServer;
  let appsync: AppSyncService | undefined;
  try {
    server = await listenHttp(host, options.port ?? DEFAULT_PORT, async (request) => routeRequest(request, await router), {
      ...options.http,
      upgrade: (request, socket, head) => {
        if (appsync === undefined) socket.end('HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
        else appsync.handleUpgrade(request, socket, head);
      },
    });
  } catch (error) {
    db.close();
    throw error;
  }
  const endpoint = `http://${host.includes(':') ? `[${host}]` : host}:${server.port}`;
  let cloudformation: CloudFormationService;
  let dataPlane: import('./data-plane').DataPlane | undefined;
  const credentialStore = new LocalCredentialStore(credentials);
  try {
    const store = new S3Store(db, dataDir, endpoint);
    const cfnDataDir = path.join(dataDir, CLOUDFORMATION_DIR);
    const { DataPlane } = require('./data-plane') as typeof import('./data-plane');
    dataPlane = DataPlane.open({ dataDir, db, endpoint, accountId: LOCAL_ACCOUNT_ID, region: DEFAULT_REGION, credentials: credentialStore, buckets: store });
    const appsyncRegistry = new AppSyncRegistry(db);
    const distributions = new DistributionStore(db);
    // Required here: the engine and the resource specification it loads are the heaviest part of the package, and
    // the commands that only manage a server (status, stop, reset) must not pay for them.
    const { createCloudFormationService } = require('./cloudformation') as typeof import('./cloudformation');
    cloudformation = createCloudFormationService({
      db,
      buckets: store,
      endpoint,
      accountId: LOCAL_ACCOUNT_ID,
      dataDir: cfnDataDir,
      credentials: credentialStore,
      tables: dataPlane.dynamoDb,
      appsync: appsyncRegistry,
      cloudFront: { distributions, endpoint },
    });
    // Before any request is served: stacks a crash left IN_PROGRESS are settled first.
    await cloudformation.recover();
    const { functionCodeDirectory, layerContentDirectory, parseLayerVersionArn } = require('./cloudformation/resource-handlers/lambda-function-handler') as typeof import('./cloudformation/resource-handlers/lambda-function-handler');
    const dataPlaneRoutes = dataPlane.attach(cloudformation.deployed, {
      code: (name) => functionCodeDirectory(cfnDataDir, name),
      layer: (arn) => {
        const layer = parseLayerVersionArn(arn);
        return layer === undefined ? undefined : layerContentDirectory(cfnDataDir, layer.name, layer.version);
      },
      runtime: path.join(cfnDataDir, 'runtime'),
    });
    const streamingServices = new Map<string, StreamingServiceHandler>([['s3', createS3Handler({ store, endpoint })]]);
    const services = new Map<string, ServiceHandler>([
      ['sts', createStsHandler()],
      ['cloudformation', cloudformation.handle],
      ...dataPlaneRoutes.services,
      ['cloudfront', createCloudFrontHandler(distributions)],
    ]);
    const engagement = createEngagementServices(db, dataDir);
    for (const [name, handler] of engagement.services) services.set(name, handler);
    if (cloudformation.iam !== undefined) {
      // The engine answers IAM calls about the roles its stacks made (custom resources of Amplify's root stack).
      services.set('iam', cloudformation.iam);
    }
    const { AppSyncService: Service } = require('./appsync/appsync-service') as typeof import('./appsync/appsync-service');
    const appsyncService = new Service(
      appsyncRegistry,
      { ...options.dataPlane, signingKeys: credentialStore, accountId: LOCAL_ACCOUNT_ID },
      { keepAliveMs: options.realtimeKeepAliveMs },
    );
    appsync = appsyncService;
    const startedAt = new Date().toISOString();
    const { CONSOLE_PATH, CONSOLE_SERVICE, createConsolePages } = require('./console/console-pages') as typeof import('./console/console-pages');
    const { StackStore } = require('./cloudformation/stack-store') as typeof import('./cloudformation/stack-store');
    const consolePages = createConsolePages({ stacks: new StackStore(db), isInstanceKey: (key) => credentialStore.principalOf(key).type === 'instance' });
    services.set(CONSOLE_SERVICE, (request) => consolePages.issueLink(request));
    resolveRouter({
      services,
      streamingServices,
      // Pinpoint and Lex claim their own paths; S3 answers every other preflight (a path-style bucket).
      browserAccess: new Map([...engagement.browserAccess, ['s3', createS3BrowserAccess(store)]]),
      credentials: credentialStore,
      publicPaths: [
        ...dataPlaneRoutes.publicPaths,
        { prefix: WEBSITE_PATH_PREFIX, handle: (request) => serveWebsite(store, request.method, request.path, request.headers) },
        // AppSync authorizes its callers itself (API keys, tokens, SigV4 for the `appsync` service) and answers CORS.
        { prefix: APPSYNC_PATH_PREFIX, handle: (request) => appsyncService.handleHttp(request) },
        { prefix: CLOUDFRONT_PATH_PREFIX, handle: (request) => serveDistribution(distributions, store, request.method, request.path, request.headers) },
        { prefix: `${CONSOLE_PATH}/`, handle: (request) => consolePages.servePage(request) },
        {
          prefix: HEALTH_PATH,
          handle: () => ({
            status: 200,
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify({ status: 'ok', pid: process.pid, dataDir, startedAt }),
          }),
        },
      ],
    });
  } catch (error) {
    await server.close();
    await dataPlane?.close();
    db.close();
    throw error;
  }
  let closing: Promise<void> | undefined;
  return {
    endpoint,
    port: server.port,
    dataDir,
    credentials: { ...credentials },
    close: () => {
      closing ??= (async () => {
        // Stop accepting connections, let stack operations in flight finish, then release the database.
        await appsync?.close();
        const serverClosed = server.close();
        await cloudformation.close();
        await serverClosed;
        await dataPlane?.close();
        db.close();
      })();
      return closing;
    },
  };
}
