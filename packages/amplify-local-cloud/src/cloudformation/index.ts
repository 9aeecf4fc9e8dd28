import * as path from 'path';
import type { CloudFormationService, CloudFormationServiceDeps } from '../contracts';
import { NodeRuntime } from '../lambda/node-runtime';
import { NodeFunctionInvoker } from './custom-resources/node-function-invoker';
import { ResponseCollector } from './custom-resources/response-collector';
import { createIamHandler } from './iam-api';
import { QueryApi } from './query-api';
import { createHandlerRegistry } from './resource-handlers/handler-registry';
import { StackEngine } from './stack-engine';
import { StackStore } from './stack-store';

export { StackEngine } from './stack-engine';
export type { StackStatus, ResourceStatus } from './stack-status';
export { isComplete, isFailure, isInProgress } from './stack-status';

/**
 * The CloudFormation service of the local cloud: the query API over the engine, its tables in `deps.db`, resource
 * handlers with side effects in `deps.buckets` and `deps.dataDir`.
 */
export function createCloudFormationService(deps: CloudFormationServiceDeps): CloudFormationService {
  const store = new StackStore(deps.db);
  const engine = new StackEngine(deps, store);
  const responses = new ResponseCollector();
  const runtime = new NodeRuntime(path.join(deps.dataDir, 'runtime'), deps.endpoint);
  const invoker = new NodeFunctionInvoker(runtime, deps.credentials, responses);
  engine.useHandlers(
    createHandlerRegistry(
      {
        buckets: deps.buckets,
        store,
        endpoint: deps.endpoint,
        accountId: deps.accountId,
        dataDir: deps.dataDir,
        tables: deps.tables,
        cloudFront: deps.cloudFront,
        cognito: deps.cognito,
        amplify: deps.amplify,
        nestedStacks: {
          createChild: (parent, logicalId, body, parameters) => engine.createChild(parent, logicalId, body, parameters),
          childHasChanges: (childId, body, parameters) => engine.childHasChanges(childId, body, parameters),
          updateChild: (childId, body, parameters) => engine.updateChild(childId, body, parameters),
          deleteChild: (childId) => engine.deleteChild(childId),
        },
      },
      invoker,
      deps.appsync,
    ),
  );
  const api = new QueryApi(engine, deps.buckets, deps.endpoint);
  return {
    handle: (request) => api.handle(request),
    iam: createIamHandler(store, deps.accountId),
    deployed: {
      ofType: (type) =>
        store.liveResourcesOfType(type).map((resource) => ({
          stackId: resource.stackId,
          logicalId: resource.logicalId,
          physicalId: resource.physicalId as string,
          type: resource.type,
          region: resource.stackId.split(':')[3],
          properties: resource.properties,
          attributes: resource.attributes,
        })),
    },
    recover: () => engine.recover(),
    async close() {
      // Functions still running are stopped first: one that never answers would otherwise hold the stop up to its
      // timeout (900 s at most); the operations waiting on them then fail and settle.
      invoker.close();
      runtime.close();
      await engine.close();
      await responses.close();
    },
  };
}
