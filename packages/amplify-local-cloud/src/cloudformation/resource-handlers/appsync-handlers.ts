import type { AppSyncRegistry, AuthMode, AuthProvider, DataSourceRecord, SyncConfig } from '../../appsync/appsync-registry';
import { buildAppSyncSchema } from '../../appsync/appsync-schema';
import { appSyncUrls } from '../../appsync/appsync-urls';
import { ids } from '../physical-ids';
import { isTemplateObject, type TemplateObject, type TemplateValue } from '../template-value';
import { genericHandler, provisionGeneric, resourceName } from './generic-handler';
import type { ExistingResourceRequest, HandlerEnvironment, ResourceHandler, ResourceRequest } from './resource-handler';

function apiArn(request: ResourceRequest, apiId: string): string {
  return `arn:aws:appsync:${request.stack.region}:${request.stack.accountId}:apis/${apiId}`;
}

function text(value: TemplateValue | undefined): string | undefined {
  return typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : undefined;
}

function numberOf(value: TemplateValue | undefined): number | undefined {
  const parsed = Number(text(value));
  return text(value) === undefined || Number.isNaN(parsed) ? undefined : parsed;
}

function objectOf(value: TemplateValue | undefined): TemplateObject | undefined {
  return isTemplateObject(value) ? value : undefined;
}

function authProvider(type: string, source: TemplateObject, userPoolKey: string): AuthProvider {
  const provider: AuthProvider = { authenticationType: type as AuthMode };
  const userPool = objectOf(source[userPoolKey]);
  if (userPool !== undefined && text(userPool.UserPoolId) !== undefined) {
    provider.userPoolConfig = { userPoolId: text(userPool.UserPoolId)!, awsRegion: text(userPool.AwsRegion), appIdClientRegex: text(userPool.AppIdClientRegex) };
  }
  const oidc = objectOf(source.OpenIDConnectConfig);
  if (oidc !== undefined && text(oidc.Issuer) !== undefined) {
    provider.openIdConnectConfig = { issuer: text(oidc.Issuer)!, clientId: text(oidc.ClientId), iatTtl: numberOf(oidc.IatTTL), authTtl: numberOf(oidc.AuthTTL) };
  }
  const lambda = objectOf(source.LambdaAuthorizerConfig);
  if (lambda !== undefined && text(lambda.AuthorizerUri) !== undefined) {
    provider.lambdaAuthorizerConfig = {
      authorizerUri: text(lambda.AuthorizerUri)!,
      authorizerResultTtlInSeconds: numberOf(lambda.AuthorizerResultTtlInSeconds),
      identityValidationExpression: text(lambda.IdentityValidationExpression) || undefined,
    };
  }
  return provider;
}

/** The API's auth modes from its properties: the default one first. */
function authProviders(properties: Record<string, TemplateValue>): AuthProvider[] {
  const providers = [authProvider(text(properties.AuthenticationType) ?? 'API_KEY', properties as TemplateObject, 'UserPoolConfig')];
  const additional = properties.AdditionalAuthenticationProviders;
  for (const entry of Array.isArray(additional) ? additional : []) {
    if (isTemplateObject(entry) && text(entry.AuthenticationType) !== undefined) {
      providers.push(authProvider(text(entry.AuthenticationType)!, entry, 'UserPoolConfig'));
    }
  }
  return providers;
}

/** A template inline or at an `s3://bucket/key` location, read from the local S3 store as AppSync copies it at deploy. */
function templateOf(environment: HandlerEnvironment, properties: Record<string, TemplateValue>, inline: string, location: string): string | undefined {
  const given = text(properties[inline]);
  if (given !== undefined) return given;
  const address = text(properties[location]);
  if (address === undefined) return undefined;
  const match = /^s3:\/\/([^/]+)\/(.+)$/.exec(address);
  if (match === null) throw new Error(`${location} '${address}' is not an S3 location of the form s3://<bucket>/<key>.`);
  const body = environment.buckets.getObject(match[1], match[2]);
  if (body === undefined) throw new Error(`The ${location} '${address}' does not exist in the local S3 store: upload it before deploying the stack.`);
  return body.toString('utf8');
}

function syncConfigOf(properties: Record<string, TemplateValue>): SyncConfig | undefined {
  const sync = objectOf(properties.SyncConfig);
  if (sync === undefined) return undefined;
  return {
    conflictDetection: text(sync.ConflictDetection) === 'VERSION' ? 'VERSION' : 'NONE',
    conflictHandler: text(sync.ConflictHandler) as SyncConfig['conflictHandler'],
  };
}

function dataSourceRecord(name: string, properties: Record<string, TemplateValue>): DataSourceRecord {
  const record: DataSourceRecord = { name, type: text(properties.Type) ?? 'NONE' };
  const dynamodb = objectOf(properties.DynamoDBConfig);
  if (dynamodb !== undefined) {
    const deltaSync = objectOf(dynamodb.DeltaSyncConfig);
    record.dynamodb = {
      tableName: text(dynamodb.TableName) ?? '',
      region: text(dynamodb.AwsRegion),
      versioned: text(dynamodb.Versioned) === 'true',
      deltaSyncTableName: text(deltaSync?.DeltaSyncTableName),
      deltaSyncTableTtl: numberOf(deltaSync?.DeltaSyncTableTTL),
      baseTableTtl: numberOf(deltaSync?.BaseTableTTL),
    };
  }
  const lambda = objectOf(properties.LambdaConfig);
  if (lambda !== undefined) record.lambda = { functionArn: text(lambda.LambdaFunctionArn) ?? '' };
  const http = objectOf(properties.HttpConfig);
  if (http !== undefined) record.http = { endpoint: text(http.Endpoint) ?? '' };
  return record;
}

/** A handler that keeps the generic identity and registers the resource with AppSync on create and update. */
function registering(
  identity: (request: ResourceRequest) => { physicalId: string; attributes: Record<string, TemplateValue> },
  register: (request: ResourceRequest, attributes: Record<string, TemplateValue>) => void,
  unregister: (request: ExistingResourceRequest) => void,
): ResourceHandler {
  return {
    async create(request) {
      const { physicalId, attributes } = identity(request);
      const provisioned = { physicalId, attributes: provisionGeneric(request, attributes).attributes };
      register(request, provisioned.attributes);
      return provisioned;
    },
    async update(request) {
      register(request, request.attributes);
      return { physicalId: request.physicalId, attributes: request.attributes };
    },
    async delete(request) {
      unregister(request);
    },
  };
}

/**
 * The AppSync resource handlers: each resource gets AWS's identifiers and is registered with the local AppSync
 * (`registry`), which serves the API at the `GraphQLUrl` and `RealtimeUrl` it reports.
 */
export function appSyncHandlers(environment: HandlerEnvironment, registry: AppSyncRegistry): Record<string, ResourceHandler> {
  const apiIdOf = (request: ResourceRequest) => String(request.properties.ApiId);

  const graphQlApi: ResourceHandler = {
    ...genericHandler,
    async create(request) {
      const apiId = ids.lowerAlnum(26);
      const urls = appSyncUrls(environment.endpoint, apiId);
      const fixed: Record<string, TemplateValue> = {
        ApiId: apiId,
        Arn: apiArn(request, apiId),
        GraphQLDns: urls.host,
        GraphQLUrl: urls.graphql,
        RealtimeDns: urls.host,
        RealtimeUrl: urls.realtime,
        GraphQLEndpointArn: `${apiArn(request, apiId)}/endpoints/graphql`,
      };
      registry.putApi({ apiId, name: resourceName(request), region: request.stack.region, accountId: request.stack.accountId, authProviders: authProviders(request.properties) });
      return { physicalId: apiArn(request, apiId), attributes: provisionGeneric(request, fixed).attributes };
    },
    async update(request) {
      const apiId = String(request.attributes.ApiId);
      registry.putApi({ apiId, name: resourceName(request), region: request.stack.region, accountId: request.stack.accountId, authProviders: authProviders(request.properties) });
      return { physicalId: request.physicalId, attributes: request.attributes };
    },
    async delete(request) {
      registry.removeApi(String(request.attributes.ApiId));
    },
  };

  const schema = registering(
    (request) => ({ physicalId: `${apiIdOf(request)}GraphQLSchema`, attributes: {} }),
    (request) => {
      const definition = templateOf(environment, request.properties, 'Definition', 'DefinitionS3Location');
      if (definition === undefined) throw new Error('The GraphQLSchema has neither Definition nor DefinitionS3Location: give one of them.');
      buildAppSyncSchema(definition);
      registry.putSchema(apiIdOf(request), definition);
    },
    (request) => registry.remove(apiIdOf(request), 'schema'),
  );

  const apiKey = registering(
    (request) => {
      const key = `da2-${ids.lowerAlnum(26)}`;
      const arn = `${apiArn(request, apiIdOf(request))}/apikeys/${key.slice(4)}`;
      return { physicalId: arn, attributes: { ApiKey: key, ApiKeyId: key.slice(4), Arn: arn } };
    },
    (request, attributes) => {
      // AppSync's default lifetime is 7 days, rounded down to the hour.
      const defaultExpiry = Math.floor(Date.now() / 3_600_000) * 3600 + 7 * 86400;
      registry.putApiKey(apiIdOf(request), { id: String(attributes.ApiKeyId), key: String(attributes.ApiKey), expires: numberOf(request.properties.Expires) ?? defaultExpiry });
    },
    (request) => registry.remove(apiIdOf(request), 'apikey', String(request.attributes.ApiKeyId)),
  );

  const dataSource = registering(
    (request) => {
      const name = resourceName(request);
      const arn = `${apiArn(request, apiIdOf(request))}/datasources/${name}`;
      return { physicalId: arn, attributes: { DataSourceArn: arn, Name: name } };
    },
    (request, attributes) => registry.putDataSource(apiIdOf(request), dataSourceRecord(String(attributes.Name), request.properties)),
    (request) => registry.remove(apiIdOf(request), 'datasource', String(request.attributes.Name)),
  );

  const functionConfiguration = registering(
    (request) => {
      const functionId = ids.lowerAlnum(26);
      const arn = `${apiArn(request, apiIdOf(request))}/functions/${functionId}`;
      return { physicalId: arn, attributes: { FunctionId: functionId, FunctionArn: arn } };
    },
    (request, attributes) =>
      registry.putFunction(apiIdOf(request), {
        functionId: String(attributes.FunctionId),
        name: text(request.properties.Name) ?? request.logicalId,
        dataSourceName: text(request.properties.DataSourceName) ?? '',
        requestTemplate: templateOf(environment, request.properties, 'RequestMappingTemplate', 'RequestMappingTemplateS3Location'),
        responseTemplate: templateOf(environment, request.properties, 'ResponseMappingTemplate', 'ResponseMappingTemplateS3Location'),
        runtime: text(objectOf(request.properties.Runtime)?.Name),
        syncConfig: syncConfigOf(request.properties),
        maxBatchSize: numberOf(request.properties.MaxBatchSize),
      }),
    (request) => registry.remove(apiIdOf(request), 'function', String(request.attributes.FunctionId)),
  );

  const resolver = registering(
    (request) => {
      const arn = `${apiArn(request, apiIdOf(request))}/types/${String(request.properties.TypeName)}/resolvers/${String(request.properties.FieldName)}`;
      return { physicalId: arn, attributes: { ResolverArn: arn, TypeName: String(request.properties.TypeName), FieldName: String(request.properties.FieldName) } };
    },
    (request) => {
      const pipeline = objectOf(request.properties.PipelineConfig)?.Functions;
      registry.putResolver(apiIdOf(request), {
        typeName: String(request.properties.TypeName),
        fieldName: String(request.properties.FieldName),
        kind: text(request.properties.Kind) === 'PIPELINE' ? 'PIPELINE' : 'UNIT',
        dataSourceName: text(request.properties.DataSourceName),
        functionIds: Array.isArray(pipeline) ? pipeline.map((id) => String(id)) : [],
        requestTemplate: templateOf(environment, request.properties, 'RequestMappingTemplate', 'RequestMappingTemplateS3Location'),
        responseTemplate: templateOf(environment, request.properties, 'ResponseMappingTemplate', 'ResponseMappingTemplateS3Location'),
        runtime: text(objectOf(request.properties.Runtime)?.Name),
        syncConfig: syncConfigOf(request.properties),
        maxBatchSize: numberOf(request.properties.MaxBatchSize),
      });
    },
    (request) => registry.remove(apiIdOf(request), 'resolver', `${String(request.properties.TypeName)}.${String(request.properties.FieldName)}`),
  );

  return {
    'AWS::AppSync::GraphQLApi': graphQlApi,
    'AWS::AppSync::GraphQLSchema': schema,
    'AWS::AppSync::ApiKey': apiKey,
    'AWS::AppSync::DataSource': dataSource,
    'AWS::AppSync::FunctionConfiguration': functionConfiguration,
    'AWS::AppSync::Resolver': resolver,
  };
}
