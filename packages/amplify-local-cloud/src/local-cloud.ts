import * as path from 'path';
import { AmplifyError } from 'amplify-cli-core';
import { createAmplifyService } from './amplify';
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
import { identityPoolS3Authorizer } from './s3/s3-authorization';
import { S3Store } from './s3/s3-store';
import { serveWebsite } from './s3/website-server';
import { WEBSITE_PATH_PREFIX } from './s3/website-path';
import { LocalCredentialStore, type RoleSession } from './server/credential-store';
import { listenHttp, type HttpServer, type HttpServerOptions } from './server/http-server';
import { logCallsOf } from './server/call-log';
import { createParameterStoreHandler } from './ssm/parameter-store';
import { routeRequest, type RouterOptions } from './server/request-router';
import { adoptDeclaredCognitoResources, cognitoResources } from './cognito/cognito-resources';
import { JWKS_PATH, serveJwks, USER_POOLS_TARGET, userPoolsApi } from './cognito/cognito-api';
import { jsonBrowserAccess, jsonServiceHandler } from './cognito/json-service';
import { recordMessage } from './cognito/message-log';
import { UserPoolService } from './cognito/user-pool-service';
import { UserPoolStore } from './cognito/user-pool-store';
import { IDENTITY_POOLS_TARGET, identityPoolsApi } from './cognito-identity/identity-api';
import { IdentityPoolService } from './cognito-identity/identity-pool-service';
import { IdentityPoolStore } from './cognito-identity/identity-pool-store';
import { caCertificateFile, ensureTlsMaterial } from './tls/certificate-authority';
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
   * Replaces the data-plane services AppSync resolvers and authorizers call (default: this local cloud's DynamoDB,
   * Lambda, user pools and credential store); tests give fakes.
   */
  dataPlane?: Omit<AppSyncPorts, 'signingKeys' | 'accountId'>;
  /** How often real-time connections get a keep-alive; default 60 s (tests shorten it). */
  realtimeKeepAliveMs?: number;
  /** A file each call the services answer is appended to, one JSON line each (`server/call-log.ts`). */
  callLog?: string;
}

export interface LocalCloud {
  endpoint: string;
  port: number;
  dataDir: string;
  /** The instance's key pair (`<dataDir>/credentials.json`): sign every request with it. */
  credentials: LocalCloudCredentials;
  close(): Promise<void>;
}

/** The local cloud `startLocalCloud` runs in this process, with what only its process knows. */
export interface StartedLocalCloud extends LocalCloud {
  /** The same port over TLS (`wss://` subscriptions and `https://` Storage need it). */
  httpsEndpoint: string;
  /** The PEM file of the data directory's CA, which signed the server's certificate. */
  caCertificate: string;
  /** Who holds temporary keys (role, session name, Cognito identity); `undefined` for the instance's key and unknown keys. */
  roleSessionOf(accessKeyId: string): RoleSession | undefined;
}

const LOOPBACK = /^(127\.\d{1,3}\.\d{1,3}\.\d{1,3}|::1|localhost)$/;

/**
 * Starts the local cloud: opens the data directory, listens (HTTP and, on the same port, HTTPS with the data
 * directory's CA), then
 * serves S3, STS, CloudFormation and Cognito (user pools, identity pools) from one endpoint. The ports are bound
 * first because the engine needs the endpoint (nested-stack `TemplateURL`s point at it); requests that arrive while
 * the services are still being set up wait for them.
 */
export async function startLocalCloud(options: LocalCloudOptions): Promise<StartedLocalCloud> {
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
    server = await listenHttp(
      host,
      options.port ?? DEFAULT_PORT,
      async (request) => routeRequest(request, await router),
      {
        ...options.http,
        upgrade: (request, socket, head) => {
          if (appsync === undefined) socket.end('HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
          else appsync.handleUpgrade(request, socket, head);
        },
      },
      ensureTlsMaterial(dataDir),
    );
  } catch (error) {
    db.close();
    throw error;
  }
  const hostName = host.includes(':') ? `[${host}]` : host;
  const endpoint = `http://${hostName}:${server.port}`;
  const httpsEndpoint = `https://${hostName}:${server.port}`;
  let cloudformation: CloudFormationService;
  let dataPlane: import('./data-plane').DataPlane | undefined;
  const credentialStore = new LocalCredentialStore(credentials);
  try {
    const store = new S3Store(db, dataDir, endpoint);
    const amplify = createAmplifyService({ db, dataDir, endpoint, buckets: store });
    const cfnDataDir = path.join(dataDir, CLOUDFORMATION_DIR);
    const { DataPlane } = require('./data-plane') as typeof import('./data-plane');
    const ports = require('./data-plane-ports') as typeof import('./data-plane-ports');
    dataPlane = DataPlane.open({
      dataDir,
      db,
      endpoint,
      accountId: LOCAL_ACCOUNT_ID,
      region: DEFAULT_REGION,
      credentials: credentialStore,
      buckets: store,
      amplifyApps: () => amplify.branches.summary(),
    });
    const functions = dataPlane;
    const appsyncRegistry = new AppSyncRegistry(db);
    const distributions = new DistributionStore(db);
    // Triggers run through the Lambda data plane, attached once the engine below can tell what is deployed.
    const userPools = new UserPoolService(new UserPoolStore(db), ports.functionInvoker(() => functions.functions), (message) => recordMessage(dataDir, message));
    const identityPools = new IdentityPoolService(new IdentityPoolStore(db), userPools, credentialStore);
    const cognito = cognitoResources(userPools, identityPools);
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
      cognito,
      amplify: amplify.branches,
    });
    // Before any request is served: stacks a crash left IN_PROGRESS are settled first.
    await cloudformation.recover();
    await adoptDeclaredCognitoResources((type) => cloudformation.deployed.ofType(type), cognito);
    const { functionCodeDirectory } = require('./cloudformation/resource-handlers/lambda-function-handler') as typeof import('./cloudformation/resource-handlers/lambda-function-handler');
    const { layerStore } = require('./cloudformation/resource-handlers/layer-version-handler') as typeof import('./cloudformation/resource-handlers/layer-version-handler');
    const dataPlaneRoutes = dataPlane.attach(cloudformation.deployed, {
      code: (name) => functionCodeDirectory(cfnDataDir, name),
      layers: layerStore(cfnDataDir),
      runtime: path.join(cfnDataDir, 'runtime'),
    });
    const streamingServices = new Map<string, StreamingServiceHandler>([['s3', createS3Handler({ store, endpoint, authorize: identityPoolS3Authorizer(cloudformation.deployed, (key) => credentialStore.roleSessionOf(key), LOCAL_ACCOUNT_ID) })]]);
    const services = new Map<string, ServiceHandler>([
      ['sts', createStsHandler()],
      ['cloudformation', cloudformation.handle],
      ...dataPlaneRoutes.services,
      ['cloudfront', createCloudFrontHandler(distributions)],
      ['amplify', amplify.handle],
      ['amplifybackend', amplify.studio.amplifybackend],
      ['amplifyuibuilder', amplify.studio.amplifyuibuilder],
      ['ssm', createParameterStoreHandler(db, LOCAL_ACCOUNT_ID)],
    ]);
    const engagement = createEngagementServices(db, dataDir, ports.functionInvoker(() => functions.functions));
    for (const [name, handler] of engagement.services) services.set(name, handler);
    const userPoolsDefinition = userPoolsApi(userPools, (accessKeyId, operation) => {
      const session = credentialStore.roleSessionOf(accessKeyId);
      return session?.cognitoIdentity === undefined ? undefined : `User: ${session.roleArn} (an identity pool's credentials) is not authorized to perform: cognito-idp:${operation}`;
    });
    const identityPoolsDefinition = identityPoolsApi(identityPools);
    services.set('cognito-idp', jsonServiceHandler(userPoolsDefinition));
    services.set('cognito-identity', jsonServiceHandler(identityPoolsDefinition));
    const cognitoBrowserAccess = jsonBrowserAccess([userPoolsDefinition, identityPoolsDefinition]);
    if (cloudformation.iam !== undefined) {
      // The engine answers IAM calls about the roles its stacks made (custom resources of Amplify's root stack).
      services.set('iam', cloudformation.iam);
    }
    const { AppSyncService: Service } = require('./appsync/appsync-service') as typeof import('./appsync/appsync-service');
    const appsyncService = new Service(
      appsyncRegistry,
      {
        ...(options.dataPlane ?? ports.appSyncPorts({ dynamoDb: dataPlane.dynamoDb, functions: () => functions.functions, userPools }, credentialStore)),
        signingKeys: credentialStore,
        accountId: LOCAL_ACCOUNT_ID,
      },
      { keepAliveMs: options.realtimeKeepAliveMs },
    );
    appsync = appsyncService;
    const { createAppSyncControlPlane } = require('./appsync/control-plane') as typeof import('./appsync/control-plane');
    services.set('appsync', createAppSyncControlPlane(appsyncRegistry, endpoint));
    const startedAt = new Date().toISOString();
    const { CONSOLE_PATH, CONSOLE_SERVICE, createConsolePages } = require('./console/console-pages') as typeof import('./console/console-pages');
    const { StackStore } = require('./cloudformation/stack-store') as typeof import('./cloudformation/stack-store');
    const consolePages = createConsolePages({ stacks: new StackStore(db), isInstanceKey: (key) => credentialStore.principalOf(key).type === 'instance' });
    services.set(CONSOLE_SERVICE, (request) => consolePages.issueLink(request));
    resolveRouter({
      services: options.callLog === undefined ? services : logCallsOf(services, options.callLog),
      streamingServices: options.callLog === undefined ? streamingServices : logCallsOf(streamingServices, options.callLog),
      // Pinpoint and Lex claim their own paths; S3 answers every other preflight (a path-style bucket).
      browserAccess: new Map([
        ...engagement.browserAccess,
        ['s3', createS3BrowserAccess(store)],
        ['cognito-idp', cognitoBrowserAccess],
        ['cognito-identity', cognitoBrowserAccess],
      ]),
      credentials: credentialStore,
      unsignedTargets: new Map([
        [USER_POOLS_TARGET, 'cognito-idp'],
        [IDENTITY_POOLS_TARGET, 'cognito-identity'],
      ]),
      publicPaths: [
        ...dataPlaneRoutes.publicPaths,
        { prefix: JWKS_PATH, handle: (request) => serveJwks(userPools, request) },
        { prefix: WEBSITE_PATH_PREFIX, handle: (request) => serveWebsite(store, request.method, request.path, request.headers) },
        // AppSync authorizes its callers itself (API keys, tokens, SigV4 for the `appsync` service) and answers CORS.
        { prefix: APPSYNC_PATH_PREFIX, handle: (request) => appsyncService.handleHttp(request) },
        ...amplify.publicPaths,
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
    httpsEndpoint,
    caCertificate: caCertificateFile(dataDir),
    dataDir,
    credentials: { ...credentials },
    roleSessionOf: (accessKeyId) => credentialStore.roleSessionOf(accessKeyId),
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
