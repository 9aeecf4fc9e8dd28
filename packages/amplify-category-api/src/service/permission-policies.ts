import { AmplifyError, type PermissionPolicies } from 'amplify-cli-core';
import { apiResources } from './api-resource';

const OPERATION_TYPES = new Set(['Query', 'Mutation', 'Subscription']);

/**
 * `appsync:GraphQL` on the chosen root types of each API (reference §2.5), and the outputs a function then gets as
 * environment: the API's id and endpoint.
 */
export function apiPermissionPolicies(projectRoot: string, resourceOpsMapping: Record<string, string[]>): PermissionPolicies {
  const apis = apiResources(projectRoot, 'AppSync');
  const permissionPolicies: unknown[] = [];
  const resourceAttributes: PermissionPolicies['resourceAttributes'] = [];
  for (const [apiName, operations] of Object.entries(resourceOpsMapping)) {
    if (!apis.includes(apiName)) {
      throw new AmplifyError('ResourceNotFound', `No GraphQL API named ${apiName} in this project`, { resolution: 'Run "amplify status" to see the api resources' });
    }
    const bad = operations.find((op) => !OPERATION_TYPES.has(op));
    if (bad !== undefined) {
      throw new AmplifyError('InvalidInput', `"${bad}" is not a GraphQL operation type`, { resolution: 'Use Query, Mutation or Subscription' });
    }
    permissionPolicies.push({
      Effect: 'Allow',
      Action: ['appsync:GraphQL'],
      Resource: operations.map((type) => ({
        'Fn::Join': ['', ['arn:aws:appsync:', { Ref: 'AWS::Region' }, ':', { Ref: 'AWS::AccountId' }, ':apis/', { Ref: `api${apiName}GraphQLAPIIdOutput` }, `/types/${type}/*`]],
      })),
    });
    resourceAttributes.push({ resourceName: apiName, attributes: ['GraphQLAPIIdOutput', 'GraphQLAPIEndpointOutput'], category: 'api' });
  }
  return { permissionPolicies, resourceAttributes };
}
