import { GraphQLSchema, introspectionFromSchema, printSchema, specifiedDirectives } from 'graphql';
import type { ServiceHandler, ServiceRequest, ServiceResponse } from '../contracts';
import type { AppSyncApiState, AppSyncRegistry, AuthProvider } from './appsync-registry';
import { APPSYNC_SCALARS, buildAppSyncSchema } from './appsync-schema';
import { appSyncUrls } from './appsync-urls';

/** An AppSync control-plane failure, in the REST-JSON shape the SDK reads (`x-amzn-ErrorType`, `message`). */
class ControlPlaneError extends Error {
  constructor(
    readonly status: number,
    readonly errorType: string,
    message: string,
  ) {
    super(message);
  }
}

const API_PATH = /^\/v1\/apis\/([A-Za-z0-9]+)(\/schema|\/apikeys)?\/?$/;

/**
 * AppSync's control plane (REST-JSON under `/v1/apis`, SigV4 service `appsync`) over the APIs the stacks deployed:
 * ListGraphqlApis, GetGraphqlApi, GetIntrospectionSchema (SDL or JSON, from the deployed schema) and ListApiKeys,
 * the reads the original CLI makes for status, codegen and pull. APIs change only through CloudFormation here.
 */
export function createAppSyncControlPlane(registry: AppSyncRegistry, endpoint: string): ServiceHandler {
  return async (request) => {
    try {
      return answer(registry, endpoint, request);
    } catch (error) {
      if (error instanceof ControlPlaneError) {
        return { status: error.status, headers: { 'Content-Type': 'application/json', 'x-amzn-ErrorType': error.errorType }, body: JSON.stringify({ message: error.message }) };
      }
      throw error;
    }
  };
}

function answer(registry: AppSyncRegistry, endpoint: string, request: ServiceRequest): ServiceResponse {
  const path = request.path.split('?')[0];
  if (request.method === 'GET' && (path === '/v1/apis' || path === '/v1/apis/')) {
    const apis = registry.apiIds().flatMap((apiId) => {
      const state = registry.state(apiId);
      return state === undefined ? [] : [describeApi(state, endpoint)];
    });
    return json({ graphqlApis: apis });
  }
  const match = API_PATH.exec(path);
  if (match === null || request.method !== 'GET') {
    throw new ControlPlaneError(404, 'UnknownOperationException', `The local cloud's AppSync control plane answers ListGraphqlApis, GetGraphqlApi, GetIntrospectionSchema and ListApiKeys, not ${request.method} ${path}.`);
  }
  const [, apiId, sub] = match;
  const state = registry.state(apiId);
  if (state === undefined) {
    throw new ControlPlaneError(404, 'NotFoundException', `GraphQL API ${apiId} not found.`);
  }
  switch (sub) {
    case undefined:
      return json({ graphqlApi: describeApi(state, endpoint) });
    case '/apikeys':
      return json({ apiKeys: state.apiKeys.map((key) => ({ id: key.key, expires: key.expires, deletes: key.expires + 60 * 24 * 3600 })) });
    default:
      return introspectionSchema(state, request.query);
  }
}

function introspectionSchema(state: AppSyncApiState, query: URLSearchParams): ServiceResponse {
  const format = query.get('format');
  if (format !== 'SDL' && format !== 'JSON') {
    throw new ControlPlaneError(400, 'BadRequestException', `format must be SDL or JSON, not '${format ?? ''}'.`);
  }
  if (state.schema === undefined) {
    throw new ControlPlaneError(404, 'NotFoundException', `GraphQL API ${state.api.apiId} has no schema yet.`);
  }
  const schema = buildAppSyncSchema(state.schema);
  if (format === 'JSON') {
    return { status: 200, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ data: introspectionFromSchema(schema) }, null, 2) };
  }
  // With directives (the default), the schema as deployed, its @aws_* directives included; without, the types only.
  const sdl = query.get('includeDirectives') === 'false' ? printSchema(withoutAppSyncDirectives(schema)) : state.schema;
  return { status: 200, headers: { 'Content-Type': 'application/octet-stream' }, body: sdl };
}

/** The schema without AppSync's directive definitions and the AppSync scalars no field uses. */
function withoutAppSyncDirectives(schema: GraphQLSchema): GraphQLSchema {
  const appSyncScalars = new Set(APPSYNC_SCALARS.map((scalar) => scalar.name));
  const config = schema.toConfig();
  // The schema adds back every type its fields reference, so only the unused AppSync scalars go.
  return new GraphQLSchema({ ...config, types: config.types.filter((type) => !appSyncScalars.has(type.name)), directives: specifiedDirectives });
}

/** A `GraphqlApi` as AppSync describes it: the default mode at the top, the others as additional providers. */
function describeApi(state: AppSyncApiState, endpoint: string): Record<string, unknown> {
  const { api } = state;
  const [primary, ...additional] = api.authProviders;
  const urls = appSyncUrls(endpoint, api.apiId);
  return {
    name: api.name,
    apiId: api.apiId,
    ...providerFields(primary, true),
    arn: `arn:aws:appsync:${api.region}:${api.accountId}:apis/${api.apiId}`,
    uris: { GRAPHQL: urls.graphql, REALTIME: urls.realtime },
    dns: { GRAPHQL: urls.host, REALTIME: urls.host },
    tags: {},
    additionalAuthenticationProviders: additional.map((provider) => providerFields(provider, false)),
    xrayEnabled: false,
    visibility: 'GLOBAL',
    apiType: 'GRAPHQL',
    owner: api.accountId,
    introspectionConfig: 'ENABLED',
    queryDepthLimit: 0,
    resolverCountLimit: 0,
  };
}

function providerFields(provider: AuthProvider | undefined, isDefault: boolean): Record<string, unknown> {
  if (provider === undefined) return {};
  const { userPoolConfig, openIdConnectConfig, lambdaAuthorizerConfig } = provider;
  return {
    authenticationType: provider.authenticationType,
    userPoolConfig:
      userPoolConfig === undefined
        ? undefined
        : {
            userPoolId: userPoolConfig.userPoolId,
            awsRegion: userPoolConfig.awsRegion,
            // Only the default provider has a default action; additional user pool providers have none.
            defaultAction: isDefault ? 'ALLOW' : undefined,
            appIdClientRegex: userPoolConfig.appIdClientRegex,
          },
    openIDConnectConfig:
      openIdConnectConfig === undefined
        ? undefined
        : { issuer: openIdConnectConfig.issuer, clientId: openIdConnectConfig.clientId, iatTTL: openIdConnectConfig.iatTtl, authTTL: openIdConnectConfig.authTtl },
    lambdaAuthorizerConfig:
      lambdaAuthorizerConfig === undefined
        ? undefined
        : {
            authorizerUri: lambdaAuthorizerConfig.authorizerUri,
            authorizerResultTtlInSeconds: lambdaAuthorizerConfig.authorizerResultTtlInSeconds,
            identityValidationExpression: lambdaAuthorizerConfig.identityValidationExpression,
          },
  };
}

function json(body: unknown): ServiceResponse {
  return { status: 200, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) };
}
