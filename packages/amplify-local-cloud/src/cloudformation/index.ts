import type { CloudFormationService, CloudFormationServiceDeps } from '../contracts';
import { NodeFunctionInvoker } from './custom-resources/node-function-invoker';
import { functionCodeDirectory } from './resource-handlers/lambda-function-handler';
import { isTemplateObject } from './template-value';
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
  const invoker = new NodeFunctionInvoker(deps.dataDir, deps.endpoint, deps.credentials, responses);
  engine.useHandlers(
    createHandlerRegistry(
      {
        buckets: deps.buckets,
        store,
        endpoint: deps.endpoint,
        accountId: deps.accountId,
        dataDir: deps.dataDir,
        cognito: deps.cognito,
        nestedStacks: {
          createChild: (parent, logicalId, body, parameters) => engine.createChild(parent, logicalId, body, parameters),
          childHasChanges: (childId, body, parameters) => engine.childHasChanges(childId, body, parameters),
          updateChild: (childId, body, parameters) => engine.updateChild(childId, body, parameters),
          deleteChild: (childId) => engine.deleteChild(childId),
        },
      },
      invoker,
    ),
  );
  const api = new QueryApi(engine, deps.buckets, deps.endpoint);
  return {
    handle: (request) => api.handle(request),
    iam: createIamHandler(store, deps.accountId),
    invokeFunction: (functionArn, event) => invokeFunction(store, invoker, deps.dataDir, functionArn, event),
    declaredResources: (type) =>
      store.liveResourcesOfType(type).map((resource) => ({
        physicalId: resource.physicalId as string,
        // Stack ids are ARNs: arn:aws:cloudformation:<region>:<account>:stack/<name>/<uuid>.
        region: resource.stackId.split(':')[3],
        properties: resource.properties,
        attributes: resource.attributes,
      })),
    recover: () => engine.recover(),
    async close() {
      // Functions still running are stopped first: one that never answers would otherwise hold the stop up to its
      // timeout (900 s at most); the operations waiting on them then fail and settle.
      invoker.close();
      await engine.close();
      await responses.close();
    },
  };
}

/** Runs a function this engine deployed (Node.js runtimes), by its ARN with or without a version or alias. */
async function invokeFunction(store: StackStore, invoker: NodeFunctionInvoker, dataDir: string, functionArn: string, event: Record<string, unknown>): Promise<unknown> {
  const unqualified = functionArn.split(':').slice(0, 7).join(':');
  const lambda = store.lambdaByArn(unqualified);
  if (lambda === undefined || lambda.physicalId === undefined) {
    throw new Error(`ResourceNotFoundException: Function not found: ${functionArn}`);
  }
  const runtime = String(lambda.properties.Runtime ?? '');
  if (!runtime.startsWith('nodejs')) {
    throw new Error(`Runtime ${runtime || '(none)'} of ${lambda.physicalId} cannot run in the local cloud: only nodejs runtimes are invoked locally`);
  }
  const variables = isTemplateObject(lambda.properties.Environment) ? lambda.properties.Environment.Variables : undefined;
  return invoker.invokeForResult({
    codeDirectory: functionCodeDirectory(dataDir, lambda.physicalId),
    handler: String(lambda.properties.Handler ?? 'index.handler'),
    functionName: lambda.physicalId,
    functionArn: unqualified,
    timeoutSeconds: Number(lambda.properties.Timeout ?? 3),
    environment: isTemplateObject(variables) ? Object.fromEntries(Object.entries(variables).map(([key, value]) => [key, String(value)])) : {},
    event,
    region: unqualified.split(':')[3] ?? 'us-east-1',
  });
}
