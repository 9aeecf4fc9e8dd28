import type { Database } from 'better-sqlite3';
import type { BucketStore, ServiceHandler, ServiceResponse } from '../contracts';
import type { RawRequest } from '../server/request-router';
import { AmplifyApps, createAmplifyHandler } from './amplify-api';
import { AmplifyBranches, SITE_PATH_PREFIX, UPLOAD_PATH_PREFIX } from './amplify-branches';
import { AmplifyStore } from './amplify-store';
import { DeploymentFiles } from './deployment-files';
import { APP_STATE_PATH_PREFIX, serveAppState, StudioServices } from './studio-services';

export { SITE_PATH_PREFIX } from './amplify-branches';

export interface AmplifyServiceDeps {
  db: Database;
  dataDir: string;
  /** The endpoint deployment URLs and served sites are given on. */
  endpoint: string;
  /** The local S3, where StartDeployment's `sourceUrl` zips are read. */
  buckets: Pick<BucketStore, 'bucketExists' | 'getObject'>;
}

export interface AmplifyService {
  /** The `amplify` SigV4 service. */
  handle: ServiceHandler;
  /** Amplify Studio's `amplifybackend` and `amplifyuibuilder`, answering as for an account without Studio. */
  studio: { amplifybackend: ServiceHandler; amplifyuibuilder: ServiceHandler };
  store: AmplifyStore;
  branches: AmplifyBranches;
  /**
   * Unauthenticated paths: deployed sites (public, as on amplifyapp.com), token-checked zip uploads, and the Studio
   * app state the original CLI fetches unsigned.
   */
  publicPaths: { prefix: string; handle: (request: RawRequest) => ServiceResponse | Promise<ServiceResponse> }[];
}

/** The AWS Amplify service over the local cloud's database, with deployed sites under `<dataDir>/amplify`. */
export function createAmplifyService(deps: AmplifyServiceDeps): AmplifyService {
  const store = new AmplifyStore(deps.db);
  const files = new DeploymentFiles(deps.dataDir);
  files.sweep(new Set(store.all('site').map((site) => String(site.siteId))), new Set(store.all('deployment').map((deployment) => String(deployment.uploadId))));
  let branches: AmplifyBranches | undefined;
  const apps = new AmplifyApps(store, (appId) => branches?.removeAppFiles(appId));
  branches = new AmplifyBranches(apps, files, deps.endpoint, deps.buckets);
  const served = branches;
  const studio = new StudioServices(apps);
  return {
    handle: createAmplifyHandler([...apps.routes(), ...branches.routes()]),
    studio: {
      amplifybackend: createAmplifyHandler(studio.backendRoutes(), 'Amplify Backend'),
      amplifyuibuilder: createAmplifyHandler(studio.uiBuilderRoutes(), 'Amplify UI Builder'),
    },
    store,
    branches,
    publicPaths: [
      { prefix: SITE_PATH_PREFIX, handle: (request) => served.serve(request.method, request.path) },
      { prefix: UPLOAD_PATH_PREFIX, handle: (request) => served.receiveUpload(request) },
      { prefix: APP_STATE_PATH_PREFIX, handle: (request) => serveAppState(request.method) },
    ],
  };
}
