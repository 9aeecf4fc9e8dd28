import { ids } from '../physical-ids';
import type { TemplateValue } from '../template-value';
import { genericHandler, provisionGeneric, resourceName, withFixedIdentity } from './generic-handler';
import type { ResourceHandler, ResourceRequest } from './resource-handler';

function apiArn(request: ResourceRequest, apiId: string): string {
  return `arn:aws:appsync:${request.stack.region}:${request.stack.accountId}:apis/${apiId}`;
}

/** `AWS::AppSync::GraphQLApi`: a 26-character api id, its ARN (what Ref returns) and the endpoint URLs clients use. */
export const graphQlApiHandler: ResourceHandler = {
  ...genericHandler,
  async create(request) {
    const apiId = ids.lowerAlnum(26);
    const graphQlDns = `${apiId}.appsync-api.${request.stack.region}.amazonaws.com`;
    const realtimeDns = `${apiId}.appsync-realtime-api.${request.stack.region}.amazonaws.com`;
    const fixed: Record<string, TemplateValue> = {
      ApiId: apiId,
      Arn: apiArn(request, apiId),
      GraphQLDns: graphQlDns,
      GraphQLUrl: `https://${graphQlDns}/graphql`,
      RealtimeDns: realtimeDns,
      RealtimeUrl: `wss://${realtimeDns}/graphql`,
      GraphQLEndpointArn: `${apiArn(request, apiId)}/endpoints/graphql`,
    };
    return { physicalId: apiArn(request, apiId), attributes: provisionGeneric(request, fixed).attributes };
  },
};

/** `AWS::AppSync::ApiKey`: keys look like `da2-` and 26 characters; Ref is the key's ARN. */
export const apiKeyHandler: ResourceHandler = {
  ...genericHandler,
  async create(request) {
    const key = `da2-${ids.lowerAlnum(26)}`;
    const arn = `${apiArn(request, String(request.properties.ApiId))}/apikeys/${key.slice(4)}`;
    return { physicalId: arn, attributes: provisionGeneric(request, { ApiKey: key, ApiKeyId: key.slice(4), Arn: arn }).attributes };
  },
};

/** `AWS::AppSync::FunctionConfiguration`: a 26-character function id under its API's ARN. */
export const functionConfigurationHandler: ResourceHandler = withFixedIdentity((request) => {
  const functionId = ids.lowerAlnum(26);
  const arn = `${apiArn(request, String(request.properties.ApiId))}/functions/${functionId}`;
  return { physicalId: arn, attributes: { FunctionId: functionId, FunctionArn: arn } };
});

/** `AWS::AppSync::DataSource`: its ARN names the API and the data source. */
export const dataSourceHandler: ResourceHandler = withFixedIdentity((request) => {
  const name = resourceName(request);
  const arn = `${apiArn(request, String(request.properties.ApiId))}/datasources/${name}`;
  return { physicalId: arn, attributes: { DataSourceArn: arn, Name: name } };
});

/** `AWS::AppSync::Resolver`: its ARN names the API, the type and the field. */
export const resolverHandler: ResourceHandler = withFixedIdentity((request) => {
  const arn = `${apiArn(request, String(request.properties.ApiId))}/types/${String(request.properties.TypeName)}/resolvers/${String(request.properties.FieldName)}`;
  return { physicalId: arn, attributes: { ResolverArn: arn, TypeName: String(request.properties.TypeName), FieldName: String(request.properties.FieldName) } };
});
