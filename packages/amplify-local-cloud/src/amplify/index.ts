import type { Database } from 'better-sqlite3';
import type { ServiceHandler } from '../contracts';
import { AmplifyApps, createAmplifyHandler } from './amplify-api';
import { AmplifyStore } from './amplify-store';

export interface AmplifyService {
  /** The `amplify` SigV4 service. */
  handle: ServiceHandler;
  store: AmplifyStore;
}

/** The AWS Amplify service over the local cloud's database. */
export function createAmplifyService(db: Database): AmplifyService {
  const store = new AmplifyStore(db);
  const apps = new AmplifyApps(store);
  return { handle: createAmplifyHandler(apps.routes()), store };
}
