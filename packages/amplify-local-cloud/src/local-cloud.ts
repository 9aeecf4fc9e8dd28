import * as path from 'path';
import { AmplifyError } from 'amplify-cli-core';
import { DEFAULT_PORT, LOCAL_ACCOUNT_ID, type CloudFormationService, type ServiceHandler, type StreamingServiceHandler } from './contracts';
import { ensureInstanceCredentials, type LocalCloudCredentials } from './instance/instance-credentials';
import { createS3BrowserAccess } from './s3/bucket-cors';
import { createS3Handler } from './s3/s3-api';
import { S3Store } from './s3/s3-store';
import { serveWebsite } from './s3/website-server';
import { WEBSITE_PATH_PREFIX } from './s3/website-path';
import { LocalCredentialStore, type AssumedRole } from './server/credential-store';
import { listenHttp, type HttpServer, type HttpServerOptions } from './server/http-server';
import { routeRequest, type RawRequest, type RouterOptions } from './server/request-router';
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
import { createStsHandler } from './sts/sts-api';
import { CLOUDFORMATION_DIR, HEALTH_PATH } from './well-known-paths';

export interface LocalCloudOptions {
  /** Default 4581; 0 picks a free port. */
  port?: number;
  dataDir: string;
  /** A loopback address; default 127.0.0.1. The local cloud runs deployed code as the developer: it never leaves the machine. */
  host?: string;
  /** The HTTPS listener's port; default the HTTP port + 1 (4582), or a free port when `port` is 0. */
  httpsPort?: number;
  /** Body and header timeouts (tests shorten them). */
  http?: HttpServerOptions;
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
  /** The same services over TLS (`wss://` subscriptions and `https://` Storage need it). */
  httpsEndpoint: string;
  /** The PEM file of the data directory's CA, which signed the HTTPS listener's certificate. */
  caCertificate: string;
  /** The role temporary keys from an identity pool stand for; `undefined` for any other key. */
  assumedRole(accessKeyId: string): AssumedRole | undefined;
}

const LOOPBACK = /^(127\.\d{1,3}\.\d{1,3}\.\d{1,3}|::1|localhost)$/;

/**
 * Starts the local cloud: opens the data directory, listens (HTTP, and HTTPS with the data directory's CA), then
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
  let httpsServer: HttpServer;
  const port = options.port ?? DEFAULT_PORT;
  const handle = async (request: RawRequest) => routeRequest(request, await router);
  try {
    const tls = ensureTlsMaterial(dataDir);
    server = await listenHttp(host, port, handle, options.http);
    try {
      httpsServer = await listenHttp(host, options.httpsPort ?? (port === 0 ? 0 : port + 1), handle, options.http, tls);
    } catch (error) {
      await server.close();
      throw error;
    }
  } catch (error) {
    db.close();
    throw error;
  }
  const hostName = host.includes(':') ? `[${host}]` : host;
  const endpoint = `http://${hostName}:${server.port}`;
  const httpsEndpoint = `https://${hostName}:${httpsServer.port}`;
  let cloudformation: CloudFormationService;
  const credentialStore = new LocalCredentialStore(credentials);
  try {
    const store = new S3Store(db, dataDir, endpoint);
    const userPools = new UserPoolService(
      new UserPoolStore(db),
      // Triggers run the functions the engine deployed; the engine is made just below.
      { invoke: (functionArn, event) => cloudformation.invokeFunction(functionArn, event) },
      (message) => recordMessage(dataDir, message),
    );
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
      dataDir: path.join(dataDir, CLOUDFORMATION_DIR),
      credentials: credentialStore,
      cognito,
    });
    // Before any request is served: stacks a crash left IN_PROGRESS are settled first.
    await cloudformation.recover();
    await adoptDeclaredCognitoResources((type) => cloudformation.declaredResources(type), cognito);
    const streamingServices = new Map<string, StreamingServiceHandler>([['s3', createS3Handler({ store, endpoint })]]);
    const services = new Map<string, ServiceHandler>([
      ['sts', createStsHandler()],
      ['cloudformation', cloudformation.handle],
    ]);
    const userPoolsDefinition = userPoolsApi(userPools, (accessKeyId, operation) => {
      const role = credentialStore.assumedRole(accessKeyId);
      return role === undefined ? undefined : `User: ${role.roleArn} (an identity pool's credentials) is not authorized to perform: cognito-idp:${operation}`;
    });
    const identityPoolsDefinition = identityPoolsApi(identityPools);
    services.set('cognito-idp', jsonServiceHandler(userPoolsDefinition));
    services.set('cognito-identity', jsonServiceHandler(identityPoolsDefinition));
    const cognitoBrowserAccess = jsonBrowserAccess([userPoolsDefinition, identityPoolsDefinition]);
    if (cloudformation.iam !== undefined) {
      // The engine answers IAM calls about the roles its stacks made (custom resources of Amplify's root stack).
      services.set('iam', cloudformation.iam);
    }
    const startedAt = new Date().toISOString();
    resolveRouter({
      services,
      streamingServices,
      browserAccess: new Map([
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
        { prefix: JWKS_PATH, handle: (request) => serveJwks(userPools, request) },
        { prefix: WEBSITE_PATH_PREFIX, handle: (request) => serveWebsite(store, request.method, request.path, request.headers) },
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
    await Promise.all([server.close(), httpsServer.close()]);
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
    assumedRole: (accessKeyId) => credentialStore.assumedRole(accessKeyId),
    close: () => {
      closing ??= (async () => {
        // Stop accepting connections, let stack operations in flight finish, then release the database.
        const serversClosed = Promise.all([server.close(), httpsServer.close()]);
        await cloudformation.close();
        await serversClosed;
        db.close();
      })();
      return closing;
    },
  };
}
