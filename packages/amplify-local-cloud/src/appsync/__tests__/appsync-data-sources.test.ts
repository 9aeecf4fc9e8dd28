import * as crypto from 'crypto';
import * as http from 'http';
import type { AddressInfo } from 'net';
import { CloudFormationClient, CreateStackCommand, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import WebSocket from 'ws';
import { signedHeaders, startTestCloud, type TestCloud } from '../../__tests__/test-cloud';
import type { LambdaInvoker } from '../ports';
import { createTestUserPool } from './helpers/user-pool-tokens';

const SCHEMA = `
type Echo @aws_lambda @aws_oidc @aws_iam {
  message: String
  caller: AWSJSON
  stamp: AWSTimestamp
}
type Author @aws_lambda {
  id: ID!
  name: String
}
type Post @aws_lambda {
  id: ID!
  author: Author
}
type Query {
  posts: [Post] @aws_lambda
  echo(message: String!): Echo @aws_lambda @aws_oidc @aws_iam
  fetchPath(path: String!): AWSJSON @aws_lambda
  constant: String @aws_lambda
  adminsOnly: String @aws_cognito_user_pools(cognito_groups: ["admins"])
  inspect(tag: String): Echo @aws_lambda
}
type Mutation {
  ping(message: String!): Echo @aws_iam @aws_lambda
}
type Subscription {
  onPing: Echo @aws_subscribe(mutations: ["ping"]) @aws_iam @aws_lambda
}
`;

const AUTHORIZER_ARN = 'arn:aws:lambda:us-east-1:123456789012:function:authorizer-dev';
const ECHO_ARN = 'arn:aws:lambda:us-east-1:123456789012:function:echo-dev';
const AUTHORS_ARN = 'arn:aws:lambda:us-east-1:123456789012:function:authors-dev';
const USER_POOL = createTestUserPool('us-east-1_MiscPool1');

/** A Lambda service for the test: the authorizer and the echo function, recording what they were sent. */
const invocations: { arn: string; payload: any }[] = [];
const lambda: LambdaInvoker = {
  async invoke(arn, payload: any) {
    invocations.push({ arn, payload });
    if (arn === AUTHORIZER_ARN) {
      if (payload.authorizationToken === 'allow-me') return { isAuthorized: true, resolverContext: { user: 'lambda-user' } };
      if (payload.authorizationToken === 'limited') return { isAuthorized: true, resolverContext: {}, deniedFields: ['Query.fetchPath'] };
      return { isAuthorized: false };
    }
    if (arn === AUTHORS_ARN) return (payload as { authorId: string }[]).map(({ authorId }) => ({ id: authorId, name: `Author ${authorId}` }));
    if (arn === ECHO_ARN) {
      if (payload.message === 'boom') throw Object.assign(new Error('the echo function failed'), { name: 'EchoError' });
      return { message: payload.message, caller: payload.identity };
    }
    throw new Error(`no function ${arn}`);
  },
};

/** An OpenID Connect provider on loopback: discovery document, JWKS and RS256 tokens. */
const oidcKeys = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
let oidcServer: http.Server;
let oidcIssuer: string;
function oidcToken(claims: Record<string, unknown>, key = oidcKeys.privateKey): string {
  const now = Math.floor(Date.now() / 1000);
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const input = `${encode({ alg: 'RS256', kid: 'oidc-1' })}.${encode({ iss: oidcIssuer, sub: 'oidc-user', aud: 'web-client', iat: now, exp: now + 600, ...claims })}`;
  return `${input}.${crypto.sign('RSA-SHA256', Buffer.from(input), key).toString('base64url')}`;
}

/** The HTTP data source's endpoint. */
let backend: http.Server;
let backendUrl: string;
const backendRequests: { url: string; headers: http.IncomingHttpHeaders }[] = [];

let test: TestCloud;
let graphqlUrl: string;
let realtimeUrl: string;

function unit(typeName: string, fieldName: string, dataSource: string, request: string, response: string) {
  return {
    Type: 'AWS::AppSync::Resolver',
    DependsOn: ['Schema'],
    Properties: {
      ApiId: { 'Fn::GetAtt': ['Api', 'ApiId'] },
      TypeName: typeName,
      FieldName: fieldName,
      DataSourceName: { 'Fn::GetAtt': [dataSource, 'Name'] },
      RequestMappingTemplate: request,
      ResponseMappingTemplate: response,
    },
  };
}

function withProperties(resource: ReturnType<typeof unit>, properties: Record<string, unknown>) {
  return { ...resource, Properties: { ...resource.Properties, ...properties } };
}

const PASS_THROUGH = '#if($ctx.error) $util.error($ctx.error.message, $ctx.error.type) #end $util.toJson($ctx.result)';

async function post(body: unknown, headers: Record<string, string>) {
  const response = await fetch(graphqlUrl, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return { status: response.status, body: (await response.json()) as any };
}

beforeAll(async () => {
  oidcServer = http.createServer((request, response) => {
    const jwk = { ...oidcKeys.publicKey.export({ format: 'jwk' }), kid: 'oidc-1', alg: 'RS256' };
    const body = request.url === '/.well-known/openid-configuration' ? { issuer: oidcIssuer, jwks_uri: `${oidcIssuer}/jwks` } : { keys: [jwk] };
    response.setHeader('content-type', 'application/json');
    response.end(JSON.stringify(body));
  });
  await new Promise<void>((resolve) => oidcServer.listen(0, '127.0.0.1', () => resolve()));
  oidcIssuer = `http://127.0.0.1:${(oidcServer.address() as AddressInfo).port}`;
  backend = http.createServer((request, response) => {
    backendRequests.push({ url: request.url ?? '', headers: request.headers });
    response.statusCode = request.url?.startsWith('/missing') ? 404 : 200;
    response.setHeader('content-type', 'application/json');
    response.end(JSON.stringify({ path: request.url }));
  });
  await new Promise<void>((resolve) => backend.listen(0, '127.0.0.1', () => resolve()));
  backendUrl = `http://127.0.0.1:${(backend.address() as AddressInfo).port}`;

  test = await startTestCloud(undefined, { dataPlane: { lambda, userPools: USER_POOL } });
  const cfn = new CloudFormationClient(test.config);
  const template = {
    Resources: {
      Api: {
        Type: 'AWS::AppSync::GraphQLApi',
        Properties: {
          Name: 'misc',
          AuthenticationType: 'AWS_LAMBDA',
          LambdaAuthorizerConfig: { AuthorizerUri: AUTHORIZER_ARN, AuthorizerResultTtlInSeconds: 0 },
          AdditionalAuthenticationProviders: [
            { AuthenticationType: 'OPENID_CONNECT', OpenIDConnectConfig: { Issuer: oidcIssuer, ClientId: 'web-client' } },
            { AuthenticationType: 'AWS_IAM' },
            { AuthenticationType: 'AMAZON_COGNITO_USER_POOLS', UserPoolConfig: { UserPoolId: USER_POOL.userPoolId, AwsRegion: 'us-east-1' } },
          ],
        },
      },
      Schema: { Type: 'AWS::AppSync::GraphQLSchema', Properties: { ApiId: { 'Fn::GetAtt': ['Api', 'ApiId'] }, Definition: SCHEMA } },
      EchoSource: { Type: 'AWS::AppSync::DataSource', Properties: { ApiId: { 'Fn::GetAtt': ['Api', 'ApiId'] }, Name: 'EchoLambda', Type: 'AWS_LAMBDA', LambdaConfig: { LambdaFunctionArn: ECHO_ARN } } },
      Authors: { Type: 'AWS::AppSync::DataSource', Properties: { ApiId: { 'Fn::GetAtt': ['Api', 'ApiId'] }, Name: 'AuthorsLambda', Type: 'AWS_LAMBDA', LambdaConfig: { LambdaFunctionArn: AUTHORS_ARN } } },
      Posts: unit('Query', 'posts', 'Nothing', '{"version": "2018-05-29", "payload": [{"id": "p1", "authorId": "a1"}, {"id": "p2", "authorId": "a2"}, {"id": "p3", "authorId": "a1"}]}', '$util.toJson($ctx.result)'),
      PostAuthor: withProperties(unit('Post', 'author', 'Authors', '{"version": "2018-05-29", "operation": "BatchInvoke", "payload": {"authorId": $util.toJson($ctx.source.authorId)}}', PASS_THROUGH), {
        MaxBatchSize: 2,
      }),
      Backend: { Type: 'AWS::AppSync::DataSource', Properties: { ApiId: { 'Fn::GetAtt': ['Api', 'ApiId'] }, Name: 'Backend', Type: 'HTTP', HttpConfig: { Endpoint: backendUrl } } },
      Nothing: { Type: 'AWS::AppSync::DataSource', Properties: { ApiId: { 'Fn::GetAtt': ['Api', 'ApiId'] }, Name: 'NONE_DS', Type: 'NONE' } },
      Echo: unit('Query', 'echo', 'EchoSource', '{"version": "2018-05-29", "operation": "Invoke", "payload": {"message": $util.toJson($ctx.args.message), "identity": $util.toJson($ctx.identity)}}', PASS_THROUGH),
      Fetch: unit(
        'Query',
        'fetchPath',
        'Backend',
        '{"version": "2018-05-29", "method": "GET", "resourcePath": "/$ctx.args.path", "params": {"query": {"q": "v"}, "headers": {"x-test": "1"}}}',
        '#if($ctx.result.statusCode != 200) $util.error("Backend answered $ctx.result.statusCode", "BackendError") #end $util.toJson($util.parseJson($ctx.result.body))',
      ),
      Constant: unit('Query', 'constant', 'Nothing', '{"version": "2018-05-29", "payload": "fixed"}', '$util.toJson($ctx.result)'),
      Inspect: unit(
        'Query',
        'inspect',
        'Nothing',
        '{"version": "2018-05-29", "payload": {"message": $util.toJson($ctx.info.selectionSetGraphQL), "caller": $util.toJson({"info": $ctx.info, "headers": $ctx.request.headers, "args": $ctx.args})}}',
        '$util.toJson($ctx.result)',
      ),
      Admins: unit('Query', 'adminsOnly', 'Nothing', '{"version": "2018-05-29", "payload": "for admins"}', '$util.toJson($ctx.result)'),
      Ping: unit(
        'Mutation',
        'ping',
        'Nothing',
        '{"version": "2018-05-29", "payload": {"message": $util.toJson($ctx.args.message), "stamp": $util.time.nowEpochSeconds()}}',
        '$util.toJson($ctx.result)',
      ),
    },
    Outputs: {
      Url: { Value: { 'Fn::GetAtt': ['Api', 'GraphQLUrl'] } },
      Realtime: { Value: { 'Fn::GetAtt': ['Api', 'RealtimeUrl'] } },
    },
  };
  await cfn.send(new CreateStackCommand({ StackName: 'misc-api', TemplateBody: JSON.stringify(template) }));
  for (;;) {
    const stack = (await cfn.send(new DescribeStacksCommand({ StackName: 'misc-api' }))).Stacks![0];
    if (!stack.StackStatus!.endsWith('IN_PROGRESS')) {
      expect(stack.StackStatus).toBe('CREATE_COMPLETE');
      graphqlUrl = stack.Outputs!.find((output) => output.OutputKey === 'Url')!.OutputValue!;
      realtimeUrl = stack.Outputs!.find((output) => output.OutputKey === 'Realtime')!.OutputValue!;
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  cfn.destroy();
}, 60_000);

afterAll(async () => {
  await test.dispose();
  await new Promise((resolve) => oidcServer.close(resolve));
  await new Promise((resolve) => backend.close(resolve));
});

describe('a Lambda authorizer as the default mode', () => {
  it('is invoked with the token and the request, and its resolver context reaches the resolvers', async () => {
    const answer = await post({ query: 'query Q { echo(message: "hi") { message caller } }', operationName: 'Q' }, { Authorization: 'allow-me' });
    expect(answer.body.errors).toBeUndefined();
    expect(answer.body.data.echo.message).toBe('hi');
    expect(JSON.parse(answer.body.data.echo.caller)).toEqual({ resolverContext: { user: 'lambda-user' } });
    const authorization = invocations.find((call) => call.arn === AUTHORIZER_ARN && call.payload.authorizationToken === 'allow-me')!;
    expect(authorization.payload.requestContext).toMatchObject({ accountId: '123456789012', operationName: 'Q', queryString: 'query Q { echo(message: "hi") { message caller } }' });
    expect(authorization.payload.requestHeaders).toMatchObject({ authorization: 'allow-me', 'content-type': 'application/json' });
  });

  it('refuses what the authorizer refuses, and the fields it denies', async () => {
    expect((await post({ query: '{ constant }' }, { Authorization: 'nope' })).status).toBe(401);
    const limited = await post({ query: '{ constant fetchPath(path: "a") }' }, { Authorization: 'limited' });
    expect(limited.body.data).toEqual({ constant: 'fixed', fetchPath: null });
    expect(limited.body.errors[0]).toMatchObject({ errorType: 'Unauthorized', message: 'Not Authorized to access fetchPath on type Query' });
  });
});

describe('data sources', () => {
  it('batches the BatchInvoke calls of a list\'s items, at most MaxBatchSize at a time', async () => {
    const before = invocations.filter((call) => call.arn === AUTHORS_ARN).length;
    const answer = await post({ query: '{ posts { id author { id name } } }' }, { Authorization: 'allow-me' });
    expect(answer.body).toEqual({
      data: {
        posts: [
          { id: 'p1', author: { id: 'a1', name: 'Author a1' } },
          { id: 'p2', author: { id: 'a2', name: 'Author a2' } },
          { id: 'p3', author: { id: 'a1', name: 'Author a1' } },
        ],
      },
    });
    const batches = invocations.filter((call) => call.arn === AUTHORS_ARN).slice(before);
    expect(batches.map((call) => call.payload)).toEqual([[{ authorId: 'a1' }, { authorId: 'a2' }], [{ authorId: 'a1' }]]);
  });

  it('gives templates $ctx.info, the request headers and the arguments', async () => {
    const answer = await post(
      { query: 'query I($tag: String) { inspect(tag: $tag) { caller ... on Echo { message } } }', variables: { tag: 't1' } },
      { Authorization: 'allow-me', 'x-custom': 'yes' },
    );
    expect(answer.body.data.inspect.message).toBe('{\n  caller\n  ... on Echo {\n    message\n  }\n}');
    const seen = JSON.parse(answer.body.data.inspect.caller);
    expect(seen.info).toEqual({ fieldName: 'inspect', parentTypeName: 'Query', variables: { tag: 't1' }, selectionSetList: ['caller', 'message'], selectionSetGraphQL: answer.body.data.inspect.message });
    expect(seen.headers).toMatchObject({ 'x-custom': 'yes', authorization: 'allow-me' });
    expect(seen.args).toEqual({ tag: 't1' });
  });

  it('passes a Lambda function\'s error to the response template as $ctx.error', async () => {
    const failed = await post({ query: '{ echo(message: "boom") { message } }' }, { Authorization: 'allow-me' });
    expect(failed.body.data.echo).toBeNull();
    expect(failed.body.errors[0]).toMatchObject({ message: 'the echo function failed', errorType: 'Lambda:Unhandled' });
  });

  it('calls an HTTP endpoint with the path, query and headers the template gives', async () => {
    const answer = await post({ query: '{ fetchPath(path: "items/7") }' }, { Authorization: 'allow-me' });
    expect(JSON.parse(answer.body.data.fetchPath)).toEqual({ path: '/items/7?q=v' });
    expect(backendRequests.at(-1)!.headers['x-test']).toBe('1');
    const missing = await post({ query: '{ fetchPath(path: "missing") }' }, { Authorization: 'allow-me' });
    expect(missing.body.errors[0]).toMatchObject({ message: 'Backend answered 404', errorType: 'BackendError' });
  });
});

describe('OpenID Connect and user pool groups', () => {
  it('verifies tokens against the issuer\'s keys', async () => {
    const answer = await post({ query: '{ echo(message: "oidc") { caller } }' }, { Authorization: oidcToken({}) });
    expect(answer.body.errors).toBeUndefined();
    expect(JSON.parse(answer.body.data.echo.caller)).toMatchObject({ sub: 'oidc-user', issuer: oidcIssuer });
    const forged = await post({ query: '{ echo(message: "x") { message } }' }, { Authorization: oidcToken({}, crypto.generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey) });
    expect(forged.status).toBe(401);
    const otherClient = await post({ query: '{ echo(message: "x") { message } }' }, { Authorization: oidcToken({ aud: 'another-client' }) });
    expect(otherClient.status).toBe(401);
    // constant allows the Lambda mode only.
    const wrongMode = await post({ query: '{ constant }' }, { Authorization: oidcToken({}) });
    expect(wrongMode.body.errors[0]).toMatchObject({ errorType: 'Unauthorized', message: 'Not Authorized to access constant on type Query' });
  });

  it('lets only the groups a field names through', async () => {
    const admin = await post({ query: '{ adminsOnly }' }, { Authorization: USER_POOL.idToken('ann', { groups: ['admins'] }) });
    expect(admin.body).toEqual({ data: { adminsOnly: 'for admins' } });
    const other = await post({ query: '{ adminsOnly }' }, { Authorization: USER_POOL.idToken('olly', { groups: ['editors'] }) });
    expect(other.body.errors[0]).toMatchObject({ errorType: 'Unauthorized' });
  });
});

describe('IAM over the real-time protocol', () => {
  it('accepts a handshake signed for /connect and a start signed over its data, then delivers a mutation', async () => {
    const credentials = { credentials: test.config.credentials, service: 'appsync' };
    const connectHeaders = signedHeaders(`${graphqlUrl}/connect`, { method: 'POST', headers: { accept: 'application/json, text/javascript', 'content-type': 'application/json; charset=UTF-8' }, body: '{}' }, credentials);
    const socket = new WebSocket(realtimeUrl, ['graphql-ws', `header-${Buffer.from(JSON.stringify(connectHeaders)).toString('base64url')}`]);
    const messages: any[] = [];
    const next = () =>
      new Promise<any>((resolve) => {
        const poll = () => {
          const index = messages.findIndex((message) => message.type !== 'ka');
          if (index >= 0) resolve(messages.splice(index, 1)[0]);
          else setTimeout(poll, 5);
        };
        poll();
      });
    socket.on('message', (data) => messages.push(JSON.parse(String(data))));
    await new Promise((resolve) => socket.once('open', resolve));
    socket.send(JSON.stringify({ type: 'connection_init' }));
    expect((await next()).type).toBe('connection_ack');

    const data = JSON.stringify({ query: 'subscription { onPing { message stamp } }', variables: {} });
    const startHeaders = signedHeaders(graphqlUrl, { method: 'POST', headers: { 'content-type': 'application/json; charset=UTF-8' }, body: data }, credentials);
    socket.send(JSON.stringify({ id: 'ping-sub', type: 'start', payload: { data, extensions: { authorization: startHeaders } } }));
    expect(await next()).toEqual({ type: 'start_ack', id: 'ping-sub' });
    const forged = signedHeaders(graphqlUrl, { method: 'POST', headers: { 'content-type': 'application/json; charset=UTF-8' }, body: `${data} ` }, credentials);
    socket.send(JSON.stringify({ id: 'forged', type: 'start', payload: { data, extensions: { authorization: forged } } }));
    expect(await next()).toMatchObject({ type: 'error', id: 'forged', payload: { errors: [{ errorType: 'InvalidSignatureException', errorCode: 403 }] } });

    const body = JSON.stringify({ query: 'mutation { ping(message: "pong") { message stamp } }' });
    const pinged = (await (await fetch(graphqlUrl, { method: 'POST', headers: signedHeaders(graphqlUrl, { method: 'POST', body }, credentials), body })).json()) as any;
    expect(pinged.data.ping.message).toBe('pong');
    expect(await next()).toEqual({ id: 'ping-sub', type: 'data', payload: { data: { onPing: { message: 'pong', stamp: pinged.data.ping.stamp } } } });
    socket.close();
  });
});
