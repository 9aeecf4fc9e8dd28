import { CustomResourceResponse, NodeFunctionInvoker } from '../custom-resources/node-function-invoker';
import { isTemplateObject, TemplateValue } from '../template-value';
import { functionCodeDirectory } from './lambda-function-handler';
import type { ExistingResourceRequest, HandlerEnvironment, ProvisionedResource, ResourceHandler, ResourceRequest } from './resource-handler';

type RequestType = 'Create' | 'Update' | 'Delete';

/**
 * Lambda-backed custom resources (`Custom::*`, `AWS::CloudFormation::CustomResource`): the ServiceToken must be the ARN
 * of a Lambda function of this cloud with a Node.js runtime; it is invoked with the standard event and its response
 * (Status, Reason, PhysicalResourceId, Data) decides the outcome.
 */
export function customResourceHandler(environment: HandlerEnvironment, invoker: NodeFunctionInvoker): ResourceHandler {
  const invoke = async (
    requestType: RequestType,
    request: ResourceRequest,
    existing?: { physicalId: string; previousProperties?: Record<string, TemplateValue> },
  ): Promise<ProvisionedResource> => {
    const serviceToken = request.properties.ServiceToken;
    if (typeof serviceToken !== 'string') throw new Error('Properties validation failed: ServiceToken is required');
    const lambda = environment.store.lambdaByArn(serviceToken);
    if (lambda === undefined || lambda.physicalId === undefined) {
      throw new Error(`Invalid service token ${serviceToken}: it must be the ARN of a Lambda function created in the local cloud`);
    }
    const runtime = String(lambda.properties.Runtime ?? '');
    if (!runtime.startsWith('nodejs')) {
      throw new Error(`Runtime ${runtime || '(none)'} of ${lambda.physicalId} cannot run in the local cloud: only nodejs runtimes are invoked locally`);
    }
    const variables = isTemplateObject(lambda.properties.Environment) ? lambda.properties.Environment.Variables : undefined;
    const event: Record<string, unknown> = {
      RequestType: requestType,
      ServiceToken: serviceToken,
      StackId: request.stack.stackId,
      LogicalResourceId: request.logicalId,
      ResourceType: request.type,
      ResourceProperties: request.properties,
    };
    if (existing) event.PhysicalResourceId = existing.physicalId;
    if (existing?.previousProperties) event.OldResourceProperties = existing.previousProperties;
    const response = await invoker.invoke({
      codeDirectory: functionCodeDirectory(environment.dataDir, lambda.physicalId),
      handler: String(lambda.properties.Handler ?? 'index.handler'),
      functionName: lambda.physicalId,
      functionArn: serviceToken,
      timeoutSeconds: Number(lambda.properties.Timeout ?? 3),
      environment: isTemplateObject(variables) ? Object.fromEntries(Object.entries(variables).map(([key, value]) => [key, String(value)])) : {},
      event,
      stackId: request.stack.stackId,
      logicalId: request.logicalId,
      region: request.stack.region,
    });
    return toResult(response, existing?.physicalId);
  };
  return {
    create: (request) => invoke('Create', request),
    update: (request) => invoke('Update', request, { physicalId: request.physicalId, previousProperties: request.previousProperties }),
    async delete(request: ExistingResourceRequest) {
      await invoke('Delete', request, { physicalId: request.physicalId });
    },
  };
}

function toResult(response: CustomResourceResponse, previousPhysicalId: string | undefined): ProvisionedResource {
  if (response.Status !== 'SUCCESS') {
    throw new Error(`Received response status [${response.Status ?? 'undefined'}] from custom resource. Message returned: ${response.Reason ?? ''}`);
  }
  const physicalId = response.PhysicalResourceId ?? previousPhysicalId;
  if (!physicalId) throw new Error('Invalid PhysicalResourceId: the custom resource response did not contain one');
  const attributes: Record<string, TemplateValue> = {};
  for (const [key, value] of Object.entries(response.Data ?? {})) {
    attributes[key] = typeof value === 'object' && value !== null ? (value as TemplateValue) : String(value);
  }
  return { physicalId, attributes };
}
