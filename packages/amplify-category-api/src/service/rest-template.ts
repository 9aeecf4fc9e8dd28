import * as crypto from 'crypto';
import type { CrudOperation, RestPath } from './api-types';

type Json = Record<string, unknown>;

const ENV_STAGE = { 'Fn::If': ['ShouldNotCreateEnvResources', 'Prod', { Ref: 'env' }] };
const CORS_HEADERS = 'Content-Type,X-Amz-Date,Authorization,X-Api-Key,X-Amz-Security-Token,X-Amz-User-Agent';
const CORS_METHODS = 'DELETE,GET,HEAD,OPTIONS,PATCH,POST,PUT';

/** CRUD permissions as API Gateway methods (reference §3.4): all four is every method. */
export function methodsOf(operations: readonly CrudOperation[]): string[] {
  const unique = new Set(operations);
  if (unique.size === 4) return ['*'];
  const methods: string[] = [];
  if (unique.has('create')) methods.push('POST');
  if (unique.has('read')) methods.push('GET');
  if (unique.has('update')) methods.push('PUT', 'PATCH');
  if (unique.has('delete')) methods.push('DELETE');
  return methods;
}

/** Path parameters (`{isbn}`, `{proxy+}`) match anything in an execute-api ARN. */
export function arnPath(apiPath: string): string {
  return apiPath.replace(/\{[^}]+\}/g, '*');
}

function optionsMethod(): Json {
  return {
    consumes: ['application/json'],
    produces: ['application/json'],
    responses: {
      '200': {
        description: '200 response',
        headers: { 'Access-Control-Allow-Origin': { type: 'string' }, 'Access-Control-Allow-Methods': { type: 'string' }, 'Access-Control-Allow-Headers': { type: 'string' } },
      },
    },
    'x-amazon-apigateway-integration': {
      responses: {
        default: {
          statusCode: '200',
          responseParameters: {
            'method.response.header.Access-Control-Allow-Methods': `'${CORS_METHODS}'`,
            'method.response.header.Access-Control-Allow-Headers': `'${CORS_HEADERS}'`,
            'method.response.header.Access-Control-Allow-Origin': "'*'",
          },
        },
      },
      requestTemplates: { 'application/json': '{"statusCode": 200}' },
      passthroughBehavior: 'when_no_match',
      type: 'mock',
    },
  };
}

function anyMethod(functionName: string, secured: boolean): Json {
  return {
    consumes: ['application/json'],
    produces: ['application/json'],
    parameters: [{ in: 'body', name: 'RequestSchema', required: false, schema: { $ref: '#/definitions/RequestSchema' } }],
    responses: { '200': { description: '200 response', schema: { $ref: '#/definitions/ResponseSchema' } } },
    ...(secured ? { security: [{ sigv4: [] }] } : {}),
    'x-amazon-apigateway-integration': {
      responses: { default: { statusCode: '200' } },
      uri: {
        'Fn::Join': ['', ['arn:aws:apigateway:', { Ref: 'AWS::Region' }, ':lambda:path/2015-03-31/functions/', { Ref: `function${functionName}Arn` }, '/invocations']],
      },
      passthroughBehavior: 'when_no_match',
      httpMethod: 'POST',
      type: 'aws_proxy',
    },
  };
}

function gatewayResponse(apiName: string, type: 'DEFAULT_4XX' | 'DEFAULT_5XX'): Json {
  return {
    Type: 'AWS::ApiGateway::GatewayResponse',
    Properties: {
      ResponseParameters: {
        'gatewayresponse.header.Access-Control-Allow-Origin': "'*'",
        'gatewayresponse.header.Access-Control-Allow-Headers': `'${CORS_HEADERS}'`,
        'gatewayresponse.header.Access-Control-Allow-Methods': `'${CORS_METHODS}'`,
        'gatewayresponse.header.Access-Control-Expose-Headers': "'Date,X-Amzn-ErrorType'",
      },
      ResponseType: type,
      RestApiId: { Ref: apiName },
    },
  };
}

function groupPolicy(apiName: string, group: string, apiPath: string, operations: CrudOperation[]): Json {
  const resources = methodsOf(operations).flatMap((method) =>
    [arnPath(apiPath), `${arnPath(apiPath)}/*`].map((p) => ({
      'Fn::Join': ['', ['arn:aws:execute-api:', { Ref: 'AWS::Region' }, ':', { Ref: 'AWS::AccountId' }, ':', { Ref: apiName }, '/', ENV_STAGE, `/${method}${p}`]],
    })),
  );
  return {
    Type: 'AWS::IAM::Policy',
    Properties: {
      PolicyName: `${group.toLowerCase()}-group-policy-${apiPath.replace(/[^a-zA-Z0-9]/g, '')}`,
      Roles: [{ Ref: `authuserPoolGroups${group}GroupRole` }],
      PolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['execute-api:Invoke'], Resource: resources }] },
    },
  };
}

export interface RestTemplateInput {
  apiName: string;
  paths: Record<string, RestPath>;
  /** The project's Cognito resource; needed only when a path grants groups. */
  authResourceName?: string;
}

/** Stable suffixes: the same paths give the same template (a new deployment only when the API changes). */
function shortHash(input: RestTemplateInput): string {
  return crypto.createHash('sha256').update(JSON.stringify(input.paths)).digest('hex').slice(0, 8);
}

/** `build/<api>-cloudformation-template.json` of a REST API (reference §3.3). */
export function restTemplate(input: RestTemplateInput): Json {
  const { apiName } = input;
  const suffix = shortHash(input);
  const functions = [...new Set(Object.values(input.paths).map((p) => p.lambdaFunction))];
  const groups = [...new Set(Object.values(input.paths).flatMap((p) => Object.keys(p.permissions.groups ?? {})))];
  const parameters: Json = {};
  for (const fn of functions) {
    parameters[`function${fn}Name`] = { Type: 'String', Default: `function${fn}Name` };
    parameters[`function${fn}Arn`] = { Type: 'String', Default: `function${fn}Arn` };
  }
  parameters.env = { Type: 'String' };
  if (groups.length > 0 && input.authResourceName) {
    parameters[`auth${input.authResourceName}UserPoolId`] = { Type: 'String', Default: `auth${input.authResourceName}UserPoolId` };
    for (const group of groups) parameters[`authuserPoolGroups${group}GroupRole`] = { Type: 'String', Default: `authuserPoolGroups${group}GroupRole` };
  }
  const swaggerPaths: Json = {};
  for (const [apiPath, config] of Object.entries(input.paths)) {
    const secured = config.permissions.setting !== 'open';
    for (const p of [apiPath, `${apiPath === '/' ? '' : apiPath}/{proxy+}`]) {
      swaggerPaths[p] = { options: optionsMethod(), 'x-amazon-apigateway-any-method': anyMethod(config.lambdaFunction, secured) };
    }
  }
  const response4xx = `${apiName}Default4XXResponse${suffix}`;
  const response5xx = `${apiName}Default5XXResponse${suffix}`;
  const resources: Json = {
    [apiName]: {
      Type: 'AWS::ApiGateway::RestApi',
      Properties: {
        Description: '',
        Name: apiName,
        Body: {
          swagger: '2.0',
          info: { version: '2018-05-24T17:52:00Z', title: apiName },
          host: { 'Fn::Join': ['', ['apigateway.', { Ref: 'AWS::Region' }, '.amazonaws.com']] },
          basePath: { 'Fn::If': ['ShouldNotCreateEnvResources', '/Prod', { 'Fn::Join': ['', ['/', { Ref: 'env' }]] }] },
          schemes: ['https'],
          paths: swaggerPaths,
          securityDefinitions: { sigv4: { type: 'apiKey', name: 'Authorization', in: 'header', 'x-amazon-apigateway-authtype': 'awsSigv4' } },
          definitions: {
            RequestSchema: { type: 'object', required: ['request'], properties: { request: { type: 'string' } }, title: 'Request Schema' },
            ResponseSchema: { type: 'object', required: ['response'], properties: { response: { type: 'string' } }, title: 'Response Schema' },
          },
        },
        FailOnWarnings: true,
      },
    },
  };
  for (const fn of functions) {
    resources[`function${fn}Permission${apiName}`] = {
      Type: 'AWS::Lambda::Permission',
      Properties: {
        FunctionName: { Ref: `function${fn}Name` },
        Action: 'lambda:InvokeFunction',
        Principal: 'apigateway.amazonaws.com',
        SourceArn: { 'Fn::Join': ['', ['arn:aws:execute-api:', { Ref: 'AWS::Region' }, ':', { Ref: 'AWS::AccountId' }, ':', { Ref: apiName }, '/*/*/*']] },
      },
    };
  }
  resources[response4xx] = gatewayResponse(apiName, 'DEFAULT_4XX');
  resources[response5xx] = gatewayResponse(apiName, 'DEFAULT_5XX');
  resources[`DeploymentAPIGW${apiName}${suffix}`] = {
    Type: 'AWS::ApiGateway::Deployment',
    Properties: { Description: 'The Development stage deployment of your API.', StageName: ENV_STAGE, RestApiId: { Ref: apiName } },
    DependsOn: [response4xx, response5xx],
  };
  if (input.authResourceName) {
    for (const [apiPath, config] of Object.entries(input.paths)) {
      for (const [group, operations] of Object.entries(config.permissions.groups ?? {})) {
        resources[`${group}Group${apiPath.replace(/[^a-zA-Z0-9]/g, '')}Policy`] = groupPolicy(apiName, group, apiPath, operations);
      }
    }
  }
  return {
    AWSTemplateFormatVersion: '2010-09-09',
    Description: 'API Gateway Resource for AWS Amplify CLI',
    Parameters: parameters,
    Conditions: { ShouldNotCreateEnvResources: { 'Fn::Equals': [{ Ref: 'env' }, 'NONE'] } },
    Resources: resources,
    Outputs: {
      RootUrl: {
        Description: 'Root URL of the API gateway',
        Value: { 'Fn::Join': ['', ['https://', { Ref: apiName }, '.execute-api.', { Ref: 'AWS::Region' }, '.amazonaws.com/', ENV_STAGE]] },
      },
      ApiName: { Description: 'API Friendly name', Value: apiName },
      ApiId: { Description: 'API ID (prefix of API URL)', Value: { Ref: apiName } },
    },
  };
}
