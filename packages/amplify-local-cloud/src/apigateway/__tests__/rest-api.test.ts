import { CognitoIdentityClient, GetCredentialsForIdentityCommand, GetIdCommand } from '@aws-sdk/client-cognito-identity';
import { CreateStackCommand, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { strToU8, zipSync } from 'fflate';
import { useCfnTestCloud } from '../../cloudformation/__tests__/helpers/cfn-test-cloud';
import { signedRequest } from '../../__tests__/test-cloud';

const cloud = useCfnTestCloud({ buckets: ['code'] });

const HANDLERS = `
exports.api = async (event) => ({
  statusCode: event.queryStringParameters && event.queryStringParameters.status ? Number(event.queryStringParameters.status) : 200,
  headers: { 'Access-Control-Allow-Origin': '*', 'Content-Type': 'application/json' },
  multiValueHeaders: { 'X-Seen': ['one', 'two'] },
  body: JSON.stringify({
    resource: event.resource, path: event.path, method: event.httpMethod, query: event.multiValueQueryStringParameters,
    pathParameters: event.pathParameters, body: event.body, userArn: event.requestContext.identity.userArn,
    cognitoIdentityId: event.requestContext.identity.cognitoIdentityId, cognitoAuthenticationType: event.requestContext.identity.cognitoAuthenticationType,
    stage: event.requestContext.stage, contentType: event.headers['content-type'] || null,
  }),
});
exports.broken = async () => 'not a proxy response';
exports.keys = async () => ({ accessKeyId: process.env.AWS_ACCESS_KEY_ID, secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY, sessionToken: process.env.AWS_SESSION_TOKEN });
`;

const CORS_OPTIONS = {
  consumes: ['application/json'],
  produces: ['application/json'],
  responses: { '200': { description: '200 response', headers: { 'Access-Control-Allow-Origin': { type: 'string' }, 'Access-Control-Allow-Methods': { type: 'string' }, 'Access-Control-Allow-Headers': { type: 'string' } } } },
  'x-amazon-apigateway-integration': {
    responses: {
      default: {
        statusCode: '200',
        responseParameters: {
          'method.response.header.Access-Control-Allow-Methods': "'DELETE,GET,HEAD,OPTIONS,PATCH,POST,PUT'",
          'method.response.header.Access-Control-Allow-Headers': "'Content-Type,X-Amz-Date,Authorization,X-Api-Key,X-Amz-Security-Token,X-Amz-User-Agent'",
          'method.response.header.Access-Control-Allow-Origin': "'*'",
        },
      },
    },
    requestTemplates: { 'application/json': '{"statusCode": 200}' },
    passthroughBehavior: 'when_no_match',
    type: 'mock',
  },
};

/** A path pair as Amplify's REST template writes it: the path and its `{proxy+}`, CORS mock, Lambda proxy. */
function amplifyPaths(pathName: string, functionLogicalId: string, secured: boolean) {
  const method = {
    consumes: ['application/json'],
    produces: ['application/json'],
    parameters: [{ in: 'body', name: 'RequestSchema', required: false, schema: { $ref: '#/definitions/RequestSchema' } }],
    responses: { '200': { description: '200 response', schema: { $ref: '#/definitions/ResponseSchema' } } },
    ...(secured ? { security: [{ sigv4: [] }] } : {}),
    'x-amazon-apigateway-integration': {
      responses: { default: { statusCode: '200' } },
      uri: { 'Fn::Join': ['', ['arn:aws:apigateway:', { Ref: 'AWS::Region' }, ':lambda:path/2015-03-31/functions/', { 'Fn::GetAtt': [functionLogicalId, 'Arn'] }, '/invocations']] },
      passthroughBehavior: 'when_no_match',
      httpMethod: 'POST',
      type: 'aws_proxy',
    },
  };
  return { [pathName]: { options: CORS_OPTIONS, 'x-amazon-apigateway-any-method': method }, [`${pathName}/{proxy+}`]: { options: CORS_OPTIONS, 'x-amazon-apigateway-any-method': method } };
}

const role = (extra: Record<string, unknown> = {}) => ({
  Type: 'AWS::IAM::Role',
  Properties: { AssumeRolePolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }] }, ...extra },
});

const lambdaFunction = (handler: string, roleId: string) => ({
  Type: 'AWS::Lambda::Function',
  Properties: { Runtime: 'nodejs20.x', Handler: `index.${handler}`, Role: { 'Fn::GetAtt': [roleId, 'Arn'] }, Code: { S3Bucket: 'code', S3Key: 'api.zip' } },
});

const permission = (functionId: string) => ({
  Type: 'AWS::Lambda::Permission',
  Properties: {
    FunctionName: { Ref: functionId },
    Action: 'lambda:InvokeFunction',
    Principal: 'apigateway.amazonaws.com',
    SourceArn: { 'Fn::Join': ['', ['arn:aws:execute-api:', { Ref: 'AWS::Region' }, ':', { Ref: 'AWS::AccountId' }, ':', { Ref: 'api' }, '/*/*/*']] },
  },
});

function template(endpoint: string) {
  const invokeArn = (suffix: string) => ({ 'Fn::Join': ['', ['arn:aws:execute-api:', { Ref: 'AWS::Region' }, ':', { Ref: 'AWS::AccountId' }, ':', { Ref: 'api' }, `/dev/*${suffix}`]] });
  return {
    Resources: {
      FunctionRole: role(),
      AuthRole: role({ RoleName: 'amplify-auth-role' }),
      UnauthRole: role({ RoleName: 'amplify-unauth-role' }),
      AuthPolicy: {
        Type: 'AWS::IAM::ManagedPolicy',
        Properties: {
          Roles: [{ Ref: 'AuthRole' }],
          PolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['execute-api:Invoke'], Resource: [invokeArn('/items'), invokeArn('/items/*')] }] },
        },
      },
      // App users' guest credentials stand for the role with the Invoke policy.
      Identities: { Type: 'AWS::Cognito::IdentityPool', Properties: { IdentityPoolName: 'rest_guests', AllowUnauthenticatedIdentities: true } },
      IdentityRoles: {
        Type: 'AWS::Cognito::IdentityPoolRoleAttachment',
        Properties: { IdentityPoolId: { Ref: 'Identities' }, Roles: { unauthenticated: { 'Fn::GetAtt': ['AuthRole', 'Arn'] }, authenticated: { 'Fn::GetAtt': ['AuthRole', 'Arn'] } } },
      },
      ApiFunction: lambdaFunction('api', 'FunctionRole'),
      BrokenFunction: lambdaFunction('broken', 'FunctionRole'),
      AuthKeys: { ...lambdaFunction('keys', 'AuthRole'), Properties: { ...lambdaFunction('keys', 'AuthRole').Properties, FunctionName: 'auth-keys' } },
      GuestKeys: { ...lambdaFunction('keys', 'UnauthRole'), Properties: { ...lambdaFunction('keys', 'UnauthRole').Properties, FunctionName: 'guest-keys' } },
      api: {
        Type: 'AWS::ApiGateway::RestApi',
        Properties: {
          Name: 'myapi',
          Description: '',
          FailOnWarnings: true,
          Body: {
            swagger: '2.0',
            info: { version: '2018-05-24T17:52:00Z', title: 'myapi' },
            host: { 'Fn::Join': ['', ['apigateway.', { Ref: 'AWS::Region' }, '.amazonaws.com']] },
            basePath: '/dev',
            schemes: ['https'],
            paths: { ...amplifyPaths('/items', 'ApiFunction', true), ...amplifyPaths('/public', 'ApiFunction', false), ...amplifyPaths('/broken', 'BrokenFunction', false) },
            securityDefinitions: { sigv4: { type: 'apiKey', name: 'Authorization', in: 'header', 'x-amazon-apigateway-authtype': 'awsSigv4' } },
            definitions: {
              RequestSchema: { type: 'object', required: ['request'], properties: { request: { type: 'string' } }, title: 'Request Schema' },
              ResponseSchema: { type: 'object', required: ['response'], properties: { response: { type: 'string' } }, title: 'Response Schema' },
            },
          },
        },
      },
      ApiPermission: permission('ApiFunction'),
      BrokenPermission: permission('BrokenFunction'),
      Default4XX: {
        Type: 'AWS::ApiGateway::GatewayResponse',
        Properties: {
          ResponseType: 'DEFAULT_4XX',
          RestApiId: { Ref: 'api' },
          ResponseParameters: {
            'gatewayresponse.header.Access-Control-Allow-Origin': "'*'",
            'gatewayresponse.header.Access-Control-Expose-Headers': "'Date,X-Amzn-ErrorType'",
          },
        },
      },
      Deployment: { Type: 'AWS::ApiGateway::Deployment', DependsOn: ['Default4XX'], Properties: { RestApiId: { Ref: 'api' }, StageName: 'dev', Description: 'The Development stage deployment of your API.' } },
    },
    Outputs: {
      // How a template written for the local cloud computes its RootUrl: the endpoint, /_restapis/, the id, the stage.
      RootUrl: { Value: { 'Fn::Join': ['', [`${endpoint}/_restapis/`, { Ref: 'api' }, '/dev']] } },
      ApiId: { Value: { Ref: 'api' } },
      IdentityPoolId: { Value: { Ref: 'Identities' } },
    },
  };
}

let rootUrl: string;
let identityPoolId: string;
let lambda: LambdaClient;

beforeAll(async () => {
  await cloud.upload('code', 'api.zip', Buffer.from(zipSync({ 'index.js': strToU8(HANDLERS) })));
  await cloud.cfn.send(new CreateStackCommand({ StackName: 'rest', TemplateBody: JSON.stringify(template(cloud.endpoint)), Capabilities: ['CAPABILITY_NAMED_IAM'] }));
  expect((await cloud.waitForStack('rest')).StackStatus).toBe('CREATE_COMPLETE');
  const { Stacks } = await cloud.cfn.send(new DescribeStacksCommand({ StackName: 'rest' }));
  rootUrl = Stacks![0].Outputs!.find((output) => output.OutputKey === 'RootUrl')!.OutputValue!;
  identityPoolId = Stacks![0].Outputs!.find((output) => output.OutputKey === 'IdentityPoolId')!.OutputValue!;
  lambda = new LambdaClient(cloud.config);
});

afterAll(() => lambda?.destroy());

async function roleKeys(functionName: string) {
  const result = await lambda.send(new InvokeCommand({ FunctionName: functionName }));
  return JSON.parse(Buffer.from(result.Payload!).toString('utf8')) as { accessKeyId: string; secretAccessKey: string; sessionToken: string };
}

test('an open path answers without a signature through the Lambda proxy integration, with the v1 event', async () => {
  expect(rootUrl).toMatch(new RegExp(`^${cloud.endpoint}/_restapis/[a-z0-9]+/dev$`));
  const response = await fetch(`${rootUrl}/public/books/42?tag=a&tag=b`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"title":"x"}' });
  expect(response.status).toBe(200);
  expect(response.headers.get('access-control-allow-origin')).toBe('*');
  expect(response.headers.get('x-seen')).toBe('one, two');
  expect(await response.json()).toEqual({
    resource: '/public/{proxy+}',
    path: '/public/books/42',
    method: 'POST',
    query: { tag: ['a', 'b'] },
    pathParameters: { proxy: 'books/42' },
    body: '{"title":"x"}',
    userArn: null,
    cognitoIdentityId: null,
    cognitoAuthenticationType: null,
    stage: 'dev',
    contentType: 'application/json',
  });
  const root = await fetch(`${rootUrl}/public?status=201`);
  expect(root.status).toBe(201);
  expect(await root.json()).toMatchObject({ resource: '/public', pathParameters: null });
});

test('the CORS preflight is answered by the mock integration', async () => {
  const response = await fetch(`${rootUrl}/items`, { method: 'OPTIONS', headers: { Origin: 'http://localhost:3000', 'Access-Control-Request-Method': 'GET' } });
  expect(response.status).toBe(200);
  expect(response.headers.get('access-control-allow-origin')).toBe('*');
  expect(response.headers.get('access-control-allow-methods')).toBe('DELETE,GET,HEAD,OPTIONS,PATCH,POST,PUT');
});

test('a sigv4 path refuses a request without a signature, with the gateway response CORS headers', async () => {
  const response = await fetch(`${rootUrl}/items`);
  expect(response.status).toBe(403);
  expect(response.headers.get('x-amzn-errortype')).toBe('MissingAuthenticationTokenException');
  expect(response.headers.get('access-control-allow-origin')).toBe('*');
  expect(await response.json()).toEqual({ message: 'Missing Authentication Token' });
});

test("a sigv4 path answers the credentials of a role whose policy allows execute-api:Invoke, and refuses another role's", async () => {
  const allowed = await signedRequest(`${rootUrl}/items/7`, { method: 'GET' }, { credentials: await roleKeys('auth-keys'), service: 'execute-api' });
  expect(allowed.status).toBe(200);
  expect(JSON.parse(allowed.body)).toMatchObject({ resource: '/items/{proxy+}', pathParameters: { proxy: '7' }, userArn: expect.stringMatching(/^arn:aws:sts::123456789012:assumed-role\/amplify-auth-role\//) });

  const refused = await signedRequest(`${rootUrl}/items`, { method: 'GET' }, { credentials: await roleKeys('guest-keys'), service: 'execute-api' });
  expect(refused.status).toBe(403);
  expect(refused.headers['x-amzn-errortype']).toBe('AccessDeniedException');
  expect(JSON.parse(refused.body).Message).toMatch(/^User: arn:aws:sts::123456789012:assumed-role\/amplify-unauth-role\/.* is not authorized to perform: execute-api:Invoke on resource: arn:aws:execute-api:us-east-1:123456789012:[a-z0-9]+\/dev\/GET\/items$/);
});

test("identity pool credentials are authorised by the role they were issued for, and the proxy event names the Cognito identity", async () => {
  const identity = new CognitoIdentityClient({ endpoint: cloud.endpoint, region: 'us-east-1', credentials: cloud.config.credentials });
  try {
    const { IdentityId } = await identity.send(new GetIdCommand({ IdentityPoolId: identityPoolId }));
    const { Credentials } = await identity.send(new GetCredentialsForIdentityCommand({ IdentityId }));
    const credentials = { accessKeyId: Credentials!.AccessKeyId!, secretAccessKey: Credentials!.SecretKey!, sessionToken: Credentials!.SessionToken! };
    const answer = await signedRequest(`${rootUrl}/items/9`, { method: 'GET' }, { credentials, service: 'execute-api' });
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toMatchObject({
      userArn: 'arn:aws:sts::123456789012:assumed-role/amplify-auth-role/CognitoIdentityCredentials',
      cognitoIdentityId: IdentityId,
      cognitoAuthenticationType: 'unauthenticated',
    });
  } finally {
    identity.destroy();
  }
});

test('a wrong signature or an unknown key is refused', async () => {
  const keys = await roleKeys('auth-keys');
  const forged = await signedRequest(`${rootUrl}/items`, { method: 'GET' }, { credentials: { ...keys, secretAccessKey: 'wrong' }, service: 'execute-api' });
  expect(forged.status).toBe(403);
  expect(forged.headers['x-amzn-errortype']).toBe('InvalidSignatureException');
  const stranger = await signedRequest(`${rootUrl}/items`, { method: 'GET' }, { credentials: { accessKeyId: 'ASIAUNKNOWN000000000', secretAccessKey: 'x', sessionToken: 't' }, service: 'execute-api' });
  expect(stranger.headers['x-amzn-errortype']).toBe('UnrecognizedClientException');
});

test('unknown paths, stages and APIs are refused as API Gateway refuses them; a malformed proxy result is a 502', async () => {
  const unknownPath = await fetch(`${rootUrl}/nowhere`);
  expect(unknownPath.status).toBe(403);
  expect(await unknownPath.json()).toEqual({ message: 'Missing Authentication Token' });
  expect((await fetch(`${rootUrl.replace(/\/dev$/, '/prod')}/public`)).status).toBe(403);
  expect((await fetch(`${cloud.endpoint}/_restapis/nope/dev/public`)).status).toBe(403);
  const broken = await fetch(`${rootUrl}/broken`);
  expect(broken.status).toBe(502);
  expect(await broken.json()).toEqual({ message: 'Internal server error' });
});

test('`status` lists the deployed functions and REST APIs with their root URLs', async () => {
  const { executeAmplifyCommand } = await import('../../execute-amplify-command');
  const { writeServerInfo } = await import('../../instance/server-info');
  writeServerInfo({ pid: process.pid, port: Number(new URL(cloud.endpoint).port), endpoint: cloud.endpoint, dataDir: cloud.dataDir, startedAt: new Date().toISOString() });
  const lines: string[] = [];
  const print = { info: (line: string) => lines.push(line), success: (line: string) => lines.push(line), warning: (line: string) => lines.push(line) };
  await executeAmplifyCommand({ input: { argv: [], plugin: 'local-cloud', command: 'status', options: { 'data-dir': cloud.dataDir } }, print });
  expect(lines).toContain('tables: none');
  expect(lines.find((line) => line.startsWith('functions: '))).toMatch(/auth-keys \(nodejs20\.x\)/);
  expect(lines).toContain(`REST APIs: myapi at ${rootUrl}`);
  expect(lines).toContain('user pools: none');
  expect(lines).toContain(`identity pools: rest_guests (${identityPoolId})`);
  expect(lines).toContain('GraphQL APIs: none');

  lines.length = 0;
  await executeAmplifyCommand({ input: { argv: [], plugin: 'local-cloud', command: 'status', options: { 'data-dir': cloud.dataDir, json: true } }, print });
  const json = JSON.parse(lines.join('\n')) as Record<string, unknown>;
  expect(json).toMatchObject({ status: 'running', endpoint: cloud.endpoint, tables: [], userPools: [], identityPools: [{ id: identityPoolId, name: 'rest_guests' }], graphqlApis: [], restApis: [{ name: 'myapi', rootUrls: [rootUrl] }] });
  expect(json.functions).toEqual(expect.arrayContaining([expect.objectContaining({ name: expect.stringMatching(/auth-keys/) })]));
  expect(Array.isArray(json.buckets)).toBe(true);
});
