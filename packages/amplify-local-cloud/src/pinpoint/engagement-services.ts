import type { Database } from 'better-sqlite3';
import type { BrowserAccess, ServiceHandler } from '../contracts';
import { createKinesisHandler } from '../kinesis/kinesis-api';
import type { CodeHookInvoker } from '../lex/fulfilment';
import { createLexRuntimeHandler, isLexPath } from '../lex/lex-runtime';
import { DeployedResources } from './deployed-resources';
import { PinpointEventLog } from './event-log';
import { openBrowserAccess } from './json-service';
import { createPinpointHandler, isPinpointPath } from './pinpoint-api';

/**
 * The data plane apps call for analytics and chat: Pinpoint (`mobiletargeting`), the Lex runtime (`lex`) and Kinesis
 * records (`kinesis`), answering from the resources the stacks declared. Pinpoint and Lex are callable from web
 * pages; a Kinesis preflight (POST `/` like the JSON services) cannot be told apart from theirs, so it is not.
 * `functions` runs the Lambda code hooks that fulfil Lex intents.
 */
export function createEngagementServices(db: Database, dataDir: string, functions: CodeHookInvoker): { services: Array<[string, ServiceHandler]>; browserAccess: Array<[string, BrowserAccess]> } {
  const resources = new DeployedResources(db);
  return {
    services: [
      ['mobiletargeting', createPinpointHandler(resources, new PinpointEventLog(dataDir))],
      ['lex', createLexRuntimeHandler(resources, functions)],
      ['kinesis', createKinesisHandler(resources, dataDir)],
    ],
    browserAccess: [
      ['mobiletargeting', openBrowserAccess(isPinpointPath)],
      ['lex', openBrowserAccess(isLexPath)],
    ],
  };
}
