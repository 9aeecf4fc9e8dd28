import { randomUUID } from 'crypto';
import type { DeployedResource, DeployedResources, ServiceResponse } from '../contracts';
import type { InvokeResult } from '../lambda';
import { functionName } from '../lambda/lambda-service';
import { BodyError } from '../server/body-error';
import type { LocalCredentialStore } from '../server/credential-store';
import type { RawRequest } from '../server/request-router';
import { readSigV4 } from '../server/sigv4';
import { verifySigV4 } from '../server/sigv4-verifier';
import { evaluateRolePolicies, roleName, wildcardMatch } from './iam-policy';
import { lambdaProxyEvent, type CallerIdentity } from './proxy-event';
import { REST_API_PATH_PREFIX } from '../well-known-paths';
import { matchRoute } from './swagger-routes';

type Json = Record<string, unknown>;

export interface RestApiServiceOptions {
  deployed: DeployedResources;
  invoke(functionReference: string, event: unknown): Promise<InvokeResult>;
  credentials: Pick<LocalCredentialStore, 'find' | 'principalOf'>;
  accountId: string;
}

/** API Gateway's largest request payload. */
const MAX_BODY_BYTES = 10 * 1024 * 1024;
const ANY_METHOD = 'x-amazon-apigateway-any-method';
const INTEGRATION = 'x-amazon-apigateway-integration';

/** A refusal by API Gateway itself, answered as `{"message": ...}` with the gateway response of its type. */
class GatewayError extends Error {
  constructor(
    readonly status: number,
    readonly errorType: string,
    readonly responseType: string,
    message: string,
    /** AWS writes `Message` (capitalised) in IAM refusals. */
    readonly messageKey: 'message' | 'Message' = 'message',
  ) {
    super(message);
  }
}

/**
 * API Gateway REST APIs of the local cloud: the Swagger `Body` of each deployed `AWS::ApiGateway::RestApi` answers
 * under its stages (from `AWS::ApiGateway::Deployment` and `AWS::ApiGateway::Stage`). Lambda proxy integrations get
 * the version 1 proxy event; mock integrations (the CORS preflights Amplify declares) answer their response
 * parameters; methods with `security: sigv4` need a SigV4 signature for `execute-api` by a principal whose IAM
 * policies allow `execute-api:Invoke` on the method ARN; other methods are open. Gateway refusals carry the headers
 * of the API's `AWS::ApiGateway::GatewayResponse`s (the CORS headers of Amplify's DEFAULT_4XX/5XX).
 */
export class RestApiService {
  constructor(private readonly options: RestApiServiceOptions) {}

  /** Every deployed REST API with its stages, for `status`. */
  list(): { id: string; name: string; stages: string[] }[] {
    return this.options.deployed.ofType('AWS::ApiGateway::RestApi').map((api) => ({ id: api.physicalId, name: String(api.properties.Name ?? api.logicalId), stages: this.stagesOf(api.physicalId) }));
  }

  async handle(request: RawRequest): Promise<ServiceResponse> {
    const [apiId = '', stage = '', ...rest] = request.path.slice(REST_API_PATH_PREFIX.length).split('/');
    const api = this.options.deployed.ofType('AWS::ApiGateway::RestApi').find((candidate) => candidate.physicalId === apiId);
    try {
      if (api === undefined || !this.stagesOf(apiId).includes(stage)) {
        throw new GatewayError(403, 'ForbiddenException', 'DEFAULT_4XX', 'Forbidden');
      }
      return await this.serve(request, api, stage, `/${rest.join('/')}`);
    } catch (error) {
      if (error instanceof GatewayError) return this.gatewayResponse(apiId, error);
      if (error instanceof BodyError) return this.gatewayResponse(apiId, new GatewayError(413, 'RequestTooLongException', 'REQUEST_TOO_LARGE', error.message));
      throw error;
    }
  }

  private async serve(request: RawRequest, api: DeployedResource, stage: string, rawPath: string): Promise<ServiceResponse> {
    const swagger = api.properties.Body;
    if (!isObject(swagger) || !isObject(swagger.paths)) {
      throw new GatewayError(500, 'InternalServerErrorException', 'DEFAULT_5XX', `The REST API ${api.physicalId} has no Swagger Body with paths: the local cloud serves APIs defined by their Body.`);
    }
    const requestPath = decodePath(rawPath);
    const route = matchRoute(swagger.paths, requestPath);
    const method = request.method.toUpperCase();
    const operation = route === undefined ? undefined : (route.pathItem[method.toLowerCase()] ?? route.pathItem[ANY_METHOD]);
    if (route === undefined || !isObject(operation)) {
      throw new GatewayError(403, 'MissingAuthenticationTokenException', 'MISSING_AUTHENTICATION_TOKEN', 'Missing Authentication Token');
    }
    const region = api.stackId.split(':')[3] ?? 'us-east-1';
    const methodArn = `arn:aws:execute-api:${region}:${this.options.accountId}:${api.physicalId}/${stage}/${method}${requestPath}`;
    const body = await request.body.read(MAX_BODY_BYTES);
    const caller = this.authorize(request, body, swagger, operation, methodArn);
    const integration = operation[INTEGRATION];
    if (!isObject(integration)) {
      throw new GatewayError(500, 'InternalServerErrorException', 'DEFAULT_5XX', `No integration defined for method ${method} ${route.template}`);
    }
    switch (String(integration.type).toLowerCase()) {
      case 'mock':
        return mockResponse(integration);
      case 'aws_proxy': {
        const functionArn = /\/functions\/(.+)\/invocations$/.exec(String(integration.uri ?? ''))?.[1];
        if (functionArn === undefined) {
          throw new GatewayError(500, 'InternalServerErrorException', 'DEFAULT_5XX', `The integration of ${method} ${route.template} is not a Lambda function URI`);
        }
        this.checkInvokePermission(functionArn, methodArn);
        const event = lambdaProxyEvent({ request, body, swagger, route, path: requestPath, stage, apiId: api.physicalId, accountId: this.options.accountId, caller, resourceId: api.physicalId.slice(0, 6) });
        return proxyResponse(await this.options.invoke(functionArn, event));
      }
      default:
        throw new GatewayError(500, 'InternalServerErrorException', 'DEFAULT_5XX', `The local cloud serves Lambda proxy and mock integrations, not '${String(integration.type)}' (${method} ${route.template})`);
    }
  }

  /** The caller, once the method's authorization lets the request through. */
  private authorize(request: RawRequest, body: Buffer, swagger: Json, operation: Json, methodArn: string): CallerIdentity | undefined {
    const security = Array.isArray(operation.security) ? operation.security.filter(isObject) : [];
    if (security.length === 0) return undefined;
    const definitions = isObject(swagger.securityDefinitions) ? swagger.securityDefinitions : {};
    const schemes = security.flatMap((requirement) => Object.keys(requirement));
    const sigv4 = schemes.some((name) => {
      const definition = definitions[name];
      return isObject(definition) && String(definition['x-amazon-apigateway-authtype']).toLowerCase() === 'awssigv4';
    });
    if (!sigv4) {
      throw new GatewayError(401, 'UnauthorizedException', 'UNAUTHORIZED', `Unauthorized: the local cloud authorizes REST methods by IAM (sigv4) only, not by ${schemes.join(', ')}`);
    }
    const auth = readSigV4(request.headers, request.query);
    switch (auth.type) {
      case 'missing':
        throw new GatewayError(403, 'MissingAuthenticationTokenException', 'MISSING_AUTHENTICATION_TOKEN', 'Missing Authentication Token');
      case 'malformed':
        throw new GatewayError(403, 'IncompleteSignatureException', 'INVALID_SIGNATURE', auth.message);
      case 'expired':
        throw new GatewayError(403, 'InvalidSignatureException', 'EXPIRED_TOKEN', auth.message);
      case 'signed':
        break;
    }
    if (auth.scope.service !== 'execute-api') {
      throw new GatewayError(403, 'InvalidSignatureException', 'INVALID_SIGNATURE', "Credential should be scoped to correct service: 'execute-api'. ");
    }
    const verified = verifySigV4({ ...request, body }, auth, this.options.credentials);
    switch (verified.type) {
      case 'unknown-key':
        throw new GatewayError(403, 'UnrecognizedClientException', 'UNAUTHORIZED', 'The security token included in the request is invalid.');
      case 'skewed':
        throw new GatewayError(403, 'InvalidSignatureException', 'INVALID_SIGNATURE', verified.message);
      case 'mismatch':
        throw new GatewayError(
          403,
          'InvalidSignatureException',
          'INVALID_SIGNATURE',
          'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.',
        );
      case 'verified':
        break;
    }
    const accessKey = auth.scope.accessKeyId;
    const principal = this.options.credentials.principalOf(accessKey);
    if (principal.type === 'instance') {
      // The instance's own key is the developer's, the account's administrator.
      return { accessKey, userArn: `arn:aws:iam::${this.options.accountId}:user/local`, caller: 'local', user: 'local' };
    }
    const session = (principal.type === 'role' ? principal.sessionName : undefined) ?? `local-${accessKey.slice(-8)}`;
    const userArn = principal.type === 'role' ? `arn:aws:sts::${this.options.accountId}:assumed-role/${roleName(principal.roleArn)}/${session}` : `arn:aws:sts::${this.options.accountId}:federated-user/${session}`;
    const decision = principal.type === 'role' ? evaluateRolePolicies(this.options.deployed, principal.roleArn, 'execute-api:Invoke', methodArn) : 'implicit-deny';
    if (decision !== 'allow') {
      const reason = decision === 'explicit-deny' ? ' with an explicit deny' : '';
      throw new GatewayError(403, 'AccessDeniedException', 'ACCESS_DENIED', `User: ${userArn} is not authorized to perform: execute-api:Invoke on resource: ${methodArn}${reason}`, 'Message');
    }
    const identity: CallerIdentity = { accessKey, userArn, caller: `${accessKey}:${session}`, user: `${accessKey}:${session}` };
    return principal.type === 'role' && principal.cognitoIdentity !== undefined ? { ...identity, cognitoIdentity: principal.cognitoIdentity } : identity;
  }

  /** A Lambda integration needs a resource policy letting API Gateway invoke the function for this method. */
  private checkInvokePermission(functionArn: string, methodArn: string): void {
    const target = functionName(functionArn);
    const allowed = this.options.deployed.ofType('AWS::Lambda::Permission').some((permission) => {
      const properties = permission.properties;
      if (functionName(String(properties.FunctionName ?? '')) !== target) return false;
      if (properties.Principal !== 'apigateway.amazonaws.com') return false;
      if (!['lambda:InvokeFunction', 'lambda:*'].includes(String(properties.Action))) return false;
      return properties.SourceArn === undefined || wildcardMatch(String(properties.SourceArn), methodArn);
    });
    if (!allowed) {
      process.stderr.write(`local-cloud: ${methodArn}: Execution failed due to configuration error: Invalid permissions on Lambda function ${target}\n`);
      throw new GatewayError(500, 'InternalServerErrorException', 'DEFAULT_5XX', 'Internal server error');
    }
  }

  private stagesOf(apiId: string): string[] {
    const { deployed } = this.options;
    const stages = [...deployed.ofType('AWS::ApiGateway::Deployment'), ...deployed.ofType('AWS::ApiGateway::Stage')]
      .filter((resource) => resource.properties.RestApiId === apiId && typeof resource.properties.StageName === 'string')
      .map((resource) => String(resource.properties.StageName));
    return [...new Set(stages)];
  }

  /** A refusal with the headers of the API's gateway response for its type (else DEFAULT_4XX / DEFAULT_5XX). */
  private gatewayResponse(apiId: string, error: GatewayError): ServiceResponse {
    const responses = this.options.deployed.ofType('AWS::ApiGateway::GatewayResponse').filter((response) => response.properties.RestApiId === apiId);
    const fallback = error.status >= 500 ? 'DEFAULT_5XX' : 'DEFAULT_4XX';
    const chosen = responses.find((response) => response.properties.ResponseType === error.responseType) ?? responses.find((response) => response.properties.ResponseType === fallback);
    const headers: Record<string, string> = {
      'Content-Type': 'application/json',
      'x-amzn-ErrorType': error.errorType,
      'x-amzn-RequestId': randomUUID(),
    };
    const parameters = chosen?.properties.ResponseParameters;
    if (isObject(parameters)) {
      for (const [name, value] of Object.entries(parameters)) {
        const header = /^gatewayresponse\.header\.(.+)$/.exec(name)?.[1];
        if (header !== undefined) headers[header] = unquote(String(value));
      }
    }
    const status = chosen?.properties.StatusCode !== undefined ? Number(chosen.properties.StatusCode) : error.status;
    return { status, headers, body: JSON.stringify({ [error.messageKey]: error.message }) };
  }
}

/** A mock integration's default response: its status and the header values its response parameters give. */
function mockResponse(integration: Json): ServiceResponse {
  const responses = isObject(integration.responses) ? integration.responses : {};
  const response = isObject(responses.default) ? responses.default : {};
  const headers: Record<string, string> = {};
  const parameters = isObject(response.responseParameters) ? response.responseParameters : {};
  for (const [name, value] of Object.entries(parameters)) {
    const header = /^method\.response\.header\.(.+)$/.exec(name)?.[1];
    if (header !== undefined) headers[header] = unquote(String(value));
  }
  const templates = isObject(response.responseTemplates) ? response.responseTemplates : {};
  const body = typeof templates['application/json'] === 'string' ? templates['application/json'] : '';
  if (body !== '') headers['Content-Type'] = 'application/json';
  return { status: Number(response.statusCode ?? 200), headers, body };
}

/** The HTTP answer of a Lambda proxy integration; a failed function or a malformed result is a 502. */
function proxyResponse(result: InvokeResult): ServiceResponse {
  const malformed = new GatewayError(502, 'InternalServerErrorException', 'DEFAULT_5XX', 'Internal server error');
  if (result.functionError !== undefined) throw malformed;
  let parsed: unknown;
  try {
    parsed = JSON.parse(result.payload);
  } catch {
    throw malformed;
  }
  if (!isObject(parsed) || !Number.isInteger(Number(parsed.statusCode))) throw malformed;
  const headers: Record<string, string> = {};
  if (isObject(parsed.multiValueHeaders)) {
    for (const [name, values] of Object.entries(parsed.multiValueHeaders)) headers[name] = (Array.isArray(values) ? values : [values]).map(String).join(', ');
  }
  if (isObject(parsed.headers)) {
    for (const [name, value] of Object.entries(parsed.headers)) headers[name] = String(value);
  }
  const text = parsed.body === undefined || parsed.body === null ? '' : String(parsed.body);
  const body = parsed.isBase64Encoded === true ? Buffer.from(text, 'base64') : text;
  if (!Object.keys(headers).some((name) => name.toLowerCase() === 'content-type')) headers['Content-Type'] = 'application/json';
  return { status: Number(parsed.statusCode), headers, body };
}

function decodePath(rawPath: string): string {
  return rawPath
    .split('/')
    .map((segment) => {
      try {
        return decodeURIComponent(segment);
      } catch {
        return segment;
      }
    })
    .join('/');
}

/** `'*'` in response parameters is the literal `*`. */
function unquote(value: string): string {
  return value.length >= 2 && value.startsWith("'") && value.endsWith("'") ? value.slice(1, -1) : value;
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
