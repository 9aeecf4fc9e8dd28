import type { Database } from 'better-sqlite3';
import type { BrowserAccess, ServiceHandler } from '../contracts';
import { createLexRuntimeHandler, isLexPath } from '../lex/lex-runtime';
import { DeployedResources } from './deployed-resources';
import { PinpointEventLog } from './event-log';
import { openBrowserAccess } from './json-service';
import { createPinpointHandler, isPinpointPath } from './pinpoint-api';

/**
 * The data plane apps call for analytics and chat: Pinpoint (`mobiletargeting`) and the Lex runtime (`lex`), both
 * answering from the resources the stacks declared and both callable from web pages, as on AWS.
 */
export function createEngagementServices(db: Database, dataDir: string): { services: Array<[string, ServiceHandler]>; browserAccess: Array<[string, BrowserAccess]> } {
  const resources = new DeployedResources(db);
  return {
    services: [
      ['mobiletargeting', createPinpointHandler(resources, new PinpointEventLog(dataDir))],
      ['lex', createLexRuntimeHandler(resources)],
    ],
    browserAccess: [
      ['mobiletargeting', openBrowserAccess(isPinpointPath)],
      ['lex', openBrowserAccess(isLexPath)],
    ],
  };
}
