import { randomUUID } from 'crypto';
import type { RoleSession } from '../server/credential-store';
import type { RawRequest } from '../server/request-router';
import type { RouteMatch } from './swagger-routes';

type Json = Record<string, unknown>;

/** The IAM caller of a signed request, as the proxy event's `requestContext.identity` shows it. */
export interface CallerIdentity {
  accessKey: string;
  userArn: string;
  caller: string;
  user: string;
  cognitoIdentity?: RoleSession['cognitoIdentity'];
}

export interface ProxyEventInput {
  request: RawRequest;
  body: Buffer;
  swagger: Json;
  route: RouteMatch;
  /** The request path under the stage, decoded. */
  path: string;
  stage: string;
  apiId: string;
  accountId: string;
  resourceId: string;
  caller: CallerIdentity | undefined;
}

/** The Lambda proxy integration event, payload format 1.0, for a request under a stage. */
export function lambdaProxyEvent(input: ProxyEventInput): Json {
  const { request, route, stage, caller, path } = input;
  const headers: Record<string, string> = {};
  const multiValueHeaders: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (value === undefined) continue;
    const values = Array.isArray(value) ? value : [value];
    multiValueHeaders[name] = values;
    headers[name] = values[values.length - 1];
  }
  const query: Record<string, string> = {};
  const multiValueQuery: Record<string, string[]> = {};
  for (const [name, value] of request.query) {
    query[name] = value;
    (multiValueQuery[name] ??= []).push(value);
  }
  const now = new Date();
  const binary = isBinary(input.swagger, String(request.headers['content-type'] ?? ''));
  const hasParameters = Object.keys(route.pathParameters).length > 0;
  return {
    resource: route.template,
    path,
    httpMethod: request.method.toUpperCase(),
    headers,
    multiValueHeaders,
    queryStringParameters: Object.keys(query).length > 0 ? query : null,
    multiValueQueryStringParameters: Object.keys(query).length > 0 ? multiValueQuery : null,
    pathParameters: hasParameters ? route.pathParameters : null,
    stageVariables: null,
    requestContext: {
      resourceId: input.resourceId,
      resourcePath: route.template,
      httpMethod: request.method.toUpperCase(),
      extendedRequestId: randomUUID(),
      requestTime: now.toUTCString(),
      path: `/${stage}${path}`,
      accountId: input.accountId,
      protocol: 'HTTP/1.1',
      stage,
      domainPrefix: input.apiId,
      requestTimeEpoch: now.getTime(),
      requestId: randomUUID(),
      identity: {
        cognitoIdentityPoolId: caller?.cognitoIdentity?.identityPoolId ?? null,
        accountId: caller === undefined ? null : input.accountId,
        cognitoIdentityId: caller?.cognitoIdentity?.identityId ?? null,
        caller: caller?.caller ?? null,
        sourceIp: '127.0.0.1',
        principalOrgId: null,
        accessKey: caller?.accessKey ?? null,
        cognitoAuthenticationType: caller?.cognitoIdentity?.authenticationType ?? null,
        cognitoAuthenticationProvider: caller?.cognitoIdentity?.authenticationProvider ?? null,
        userArn: caller?.userArn ?? null,
        userAgent: typeof request.headers['user-agent'] === 'string' ? request.headers['user-agent'] : null,
        user: caller?.user ?? null,
      },
      domainName: typeof request.headers.host === 'string' ? request.headers.host : '127.0.0.1',
      apiId: input.apiId,
    },
    body: input.body.length === 0 ? null : binary ? input.body.toString('base64') : input.body.toString('utf8'),
    isBase64Encoded: input.body.length > 0 && binary,
  };
}

/** Whether the content type is one of the API's binary media types (`x-amazon-apigateway-binary-media-types`). */
function isBinary(swagger: Json, contentType: string): boolean {
  const types = swagger['x-amazon-apigateway-binary-media-types'];
  if (!Array.isArray(types) || contentType === '') return false;
  const [type] = contentType.split(';');
  return types.some((pattern) => {
    const [major, minor] = String(pattern).split('/');
    const [givenMajor, givenMinor] = type.trim().split('/');
    return (major === '*' || major === givenMajor) && (minor === '*' || minor === givenMinor);
  });
}
