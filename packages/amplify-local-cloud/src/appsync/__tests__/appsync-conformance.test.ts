import * as fs from 'fs';
import * as http from 'http';
import * as os from 'os';
import * as path from 'path';
import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import WebSocket from 'ws';
import { startTestCloud, signedHeaders, type TestCloud } from '../../__tests__/test-cloud';
import type { CallerIdentity } from '../ports';
import { startDynalite, type DynaliteExecutor } from './helpers/dynalite-executor';
import { AUTH_ROLE_NAME, deployTodoApi, IDENTITY_POOL_ID, type DeployedTodoApi } from './helpers/todo-api';
import { createTestUserPool } from './helpers/user-pool-tokens';

const CREATE = 'mutation Create($input: CreateTodoInput!) { createTodo(input: $input) { id name description priority owner createdAt updatedAt } }';
const UPDATE = 'mutation Update($input: UpdateTodoInput!) { updateTodo(input: $input) { id name owner } }';
const DELETE = 'mutation Delete($input: DeleteTodoInput!) { deleteTodo(input: $input) { id } }';
const GET = 'query Get($id: ID!) { getTodo(id: $id) { id name owner } }';
const LIST = 'query List($filter: ModelTodoFilterInput) { listTodos(filter: $filter) { items { id name owner } nextToken } }';
const ON_CREATE = 'subscription OnCreate($filter: ModelSubscriptionTodoFilterInput, $owner: String) { onCreateTodo(filter: $filter, owner: $owner) { id name owner } }';

interface GraphQlAnswer {
  status: number;
  body: { data?: Record<string, any> | null; errors?: { message: string; errorType: string | null; path?: unknown[] }[] };
}

const userPool = createTestUserPool();
const sessions = new Map<string, CallerIdentity>();
let dynamodb: DynaliteExecutor;
let dataDir: string;
let test: TestCloud;
let cfn: CloudFormationClient;
let api: DeployedTodoApi;

async function start(): Promise<void> {
  test = await startTestCloud(dataDir, {
    dataPlane: { dynamodb, userPools: userPool, callers: { lookup: (accessKeyId) => sessions.get(accessKeyId) } },
    realtimeKeepAliveMs: 200,
  });
  cfn = new CloudFormationClient(test.config);
}

async function stop(): Promise<void> {
  cfn.destroy();
  await test.stop();
}

async function graphql(url: string, query: string, variables: Record<string, unknown>, headers: Record<string, string>): Promise<GraphQlAnswer> {
  const response = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }) });
  return { status: response.status, body: (await response.json()) as GraphQlAnswer['body'] };
}

const withKey = (query: string, variables: Record<string, unknown> = {}, key = api.apiKey) => graphql(api.graphqlUrl, query, variables, { 'x-api-key': key });
const asUser = (user: string, query: string, variables: Record<string, unknown> = {}) =>
  graphql(api.graphqlUrl, query, variables, { Authorization: userPool.idToken(user) });

function iamHeaders(body: string): Record<string, string> {
  return signedHeaders(api.graphqlUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body }, { credentials: test.config.credentials, service: 'appsync' });
}

/** A real-time client: the messages it received, awaited one at a time. */
class RealtimeClient {
  private readonly received: any[] = [];
  private waiting: ((message: any) => void) | undefined;
  readonly socket: WebSocket;
  readonly opened: Promise<void>;

  constructor(url: string, protocols: string[]) {
    this.socket = new WebSocket(url, protocols);
    this.opened = new Promise((resolve, reject) => {
      this.socket.once('open', () => resolve());
      this.socket.once('error', reject);
    });
    this.socket.on('message', (data) => {
      const message = JSON.parse(String(data));
      if (message.type === 'ka') return;
      if (this.waiting !== undefined) {
        const resolve = this.waiting;
        this.waiting = undefined;
        resolve(message);
      } else this.received.push(message);
    });
  }

  send(message: unknown): void {
    this.socket.send(JSON.stringify(message));
  }

  next(timeoutMs = 3000): Promise<any> {
    const queued = this.received.shift();
    if (queued !== undefined) return Promise.resolve(queued);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no message within the timeout')), timeoutMs);
      this.waiting = (message) => {
        clearTimeout(timer);
        resolve(message);
      };
    });
  }

  /** Resolves false when no message arrives within `ms`. */
  async silentFor(ms: number): Promise<boolean> {
    try {
      const message = await this.next(ms);
      this.received.unshift(message);
      return false;
    } catch {
      return true;
    }
  }

  close(): void {
    this.socket.close();
  }
}

function apiKeyAuthorization(): Record<string, string> {
  return { host: new URL(api.graphqlUrl).host, 'x-amz-date': new Date().toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, ''), 'x-api-key': api.apiKey };
}

/** Connects with the subprotocol header form (aws-amplify ≥ 6.6) and completes the connection handshake. */
async function connect(authorization: Record<string, string>, form: 'subprotocol' | 'query' = 'subprotocol'): Promise<RealtimeClient> {
  const encoded = Buffer.from(JSON.stringify(authorization));
  const client =
    form === 'subprotocol'
      ? new RealtimeClient(api.realtimeUrl, ['graphql-ws', `header-${encoded.toString('base64url')}`])
      : new RealtimeClient(`${api.realtimeUrl}?header=${encodeURIComponent(encoded.toString('base64'))}&payload=e30=`, ['graphql-ws']);
  await client.opened;
  client.send({ type: 'connection_init' });
  return client;
}

async function subscribe(client: RealtimeClient, id: string, variables: Record<string, unknown>, authorization: Record<string, string>): Promise<any> {
  client.send({ id, type: 'start', payload: { data: JSON.stringify({ query: ON_CREATE, variables }), extensions: { authorization } } });
  return client.next();
}

beforeAll(async () => {
  dynamodb = await startDynalite();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'appsync-test-'));
  await start();
  api = await deployTodoApi({ cfn, s3: test.s3 }, { stackName: 'todo-api', userPoolId: userPool.userPoolId, apiKeyExpires: Math.floor(Date.now() / 1000) + 7 * 86400 });
  // The DynamoDB service creates deployed tables; this test's DynamoDB is its own, so it creates the table itself.
  await dynamodb.createTable(api.tableName);
}, 60_000);

afterAll(async () => {
  await stop();
  await dynamodb.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('the deployed API', () => {
  it('reports local URLs: the GraphQL endpoint and the real-time URL the client derives from it', () => {
    expect(api.graphqlUrl).toBe(`${test.cloud.endpoint}/appsync/${api.apiId}/graphql`);
    expect(api.realtimeUrl).toBe(`${test.cloud.endpoint.replace('http://', 'ws://')}/appsync/${api.apiId}/graphql/realtime`);
  });

  it('runs queries and mutations with the API key through the pipeline resolvers and DynamoDB', async () => {
    const created = await withKey(CREATE, { input: { name: 'write tests', description: 'conformance', priority: 2 } });
    expect(created.status).toBe(200);
    expect(created.body.errors).toBeUndefined();
    const todo = created.body.data!.createTodo;
    expect(todo).toMatchObject({ name: 'write tests', description: 'conformance', priority: 2, owner: null });
    expect(todo.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(todo.createdAt).toBe(todo.updatedAt);

    const stored = await dynamodb.execute('GetItem', { TableName: api.tableName, Key: { id: { S: todo.id } } });
    expect(stored.Item).toMatchObject({ name: { S: 'write tests' }, priority: { N: '2' }, __typename: { S: 'Todo' } });

    expect((await withKey(GET, { id: todo.id })).body).toEqual({ data: { getTodo: { id: todo.id, name: 'write tests', owner: null } } });
    const updated = await withKey(UPDATE, { input: { id: todo.id, name: 'write more tests' } });
    expect(updated.body.data!.updateTodo).toEqual({ id: todo.id, name: 'write more tests', owner: null });
    const listed = await withKey(LIST, { filter: { name: { beginsWith: 'write more' } } });
    expect(listed.body.data!.listTodos.items).toEqual([{ id: todo.id, name: 'write more tests', owner: null }]);
    expect((await withKey(DELETE, { input: { id: todo.id } })).body.data!.deleteTodo).toEqual({ id: todo.id });
    expect((await withKey(GET, { id: todo.id })).body.data!.getTodo).toBeNull();
  });

  it('answers errors in AppSync shape: a failed condition, an invalid query, a missing argument', async () => {
    const missing = await withKey(UPDATE, { input: { id: 'no-such-todo', name: 'x' } });
    expect(missing.body.data!.updateTodo).toBeNull();
    expect(missing.body.errors).toEqual([
      {
        errorType: 'DynamoDB:ConditionalCheckFailedException',
        message: expect.stringMatching(/^The conditional request failed \(Service: DynamoDb, Status Code: 400, Request ID: [0-9a-f-]{36}\)$/),
        path: ['updateTodo'],
        locations: [{ line: 1, column: 45, sourceName: null }],
        data: null,
        errorInfo: null,
      },
    ]);
    const invalid = await withKey('query { getTodo(id: "1") { nope } }');
    expect(invalid.body.data).toBeNull();
    expect(invalid.body.errors![0].message).toContain('Cannot query field "nope" on type "Todo"');
    const noInput = await withKey(CREATE, {});
    expect(noInput.body.errors![0].message).toContain('Variable "$input" of required type "CreateTodoInput!" was not provided');
  });

  it('refuses a wrong key, a missing authorization and an expired key', async () => {
    const wrong = await withKey(GET, { id: '1' }, 'da2-notakeyofthisapi');
    expect(wrong.status).toBe(401);
    expect(wrong.body).toEqual({ errors: [{ errorType: 'UnauthorizedException', message: 'You are not authorized to make this call.' }] });
    const none = await graphql(api.graphqlUrl, GET, { id: '1' }, {});
    expect(none.status).toBe(401);
    expect(none.body.errors![0].message).toBe('Missing authorization header');

    const expiring = await deployTodoApi({ cfn, s3: test.s3 }, { stackName: 'expiring-api', userPoolId: userPool.userPoolId, apiKeyExpires: Math.floor(Date.now() / 1000) + 86400 });
    await dynamodb.createTable(expiring.tableName);
    expect((await graphql(expiring.graphqlUrl, LIST, {}, { 'x-api-key': expiring.apiKey })).status).toBe(200);
    await deployTodoApi({ cfn, s3: test.s3 }, { stackName: 'expiring-api', userPoolId: userPool.userPoolId, apiKeyExpires: Math.floor(Date.now() / 1000) - 1, update: true });
    const expired = await graphql(expiring.graphqlUrl, LIST, {}, { 'x-api-key': expiring.apiKey });
    expect(expired.status).toBe(401);
    expect(expired.body.errors![0].errorType).toBe('UnauthorizedException');
  }, 30_000);

  it('answers CORS for web pages', async () => {
    const preflight = await fetch(api.graphqlUrl, {
      method: 'OPTIONS',
      headers: { Origin: 'http://localhost:3000', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type,x-api-key' },
    });
    expect(preflight.status).toBe(200);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    expect(preflight.headers.get('access-control-allow-headers')).toBe('content-type,x-api-key');
    const response = await fetch(api.graphqlUrl, {
      method: 'POST',
      headers: { Origin: 'http://localhost:3000', 'Content-Type': 'application/json', 'x-api-key': api.apiKey },
      body: JSON.stringify({ query: LIST }),
    });
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
  });
});

describe('user pool authorization with an owner rule', () => {
  it('stores the owner, shows users their own items only and refuses another user\'s item', async () => {
    const alices = await asUser('alice', CREATE, { input: { name: 'alice todo' } });
    expect(alices.body.errors).toBeUndefined();
    const aliceTodo = alices.body.data!.createTodo;
    expect(aliceTodo.owner).toBe('alice');
    const bobs = await asUser('bob', CREATE, { input: { name: 'bob todo' } });
    expect(bobs.body.data!.createTodo.owner).toBe('bob');

    const bobList = await asUser('bob', LIST);
    expect(bobList.body.data!.listTodos.items.map((item: { owner: string }) => item.owner)).toEqual(['bob']);
    const aliceGet = await asUser('alice', GET, { id: aliceTodo.id });
    expect(aliceGet.body.data!.getTodo).toEqual({ id: aliceTodo.id, name: 'alice todo', owner: 'alice' });

    const bobGet = await asUser('bob', GET, { id: aliceTodo.id });
    expect(bobGet.body.data!.getTodo).toBeNull();
    expect(bobGet.body.errors).toEqual([expect.objectContaining({ errorType: 'Unauthorized', message: 'Not Authorized to access getTodo on type Query', path: ['getTodo'] })]);
    const bobUpdate = await asUser('bob', UPDATE, { input: { id: aliceTodo.id, name: 'taken over' } });
    expect(bobUpdate.body.errors![0]).toMatchObject({ errorType: 'Unauthorized', message: 'Not Authorized to access updateTodo on type Mutation' });
    const bobCreatesForAlice = await asUser('bob', CREATE, { input: { name: 'x', owner: 'alice' } } as never);
    expect(bobCreatesForAlice.body.errors).toBeDefined();
  });

  it('refuses expired, forged and unknown-pool tokens', async () => {
    const expired = await graphql(api.graphqlUrl, LIST, {}, { Authorization: userPool.idToken('alice', { lifetimeSeconds: -10 }) });
    expect(expired.status).toBe(401);
    expect(expired.body.errors![0]).toEqual({ errorType: 'UnauthorizedException', message: 'Token has expired.' });
    const forged = await graphql(api.graphqlUrl, LIST, {}, { Authorization: createTestUserPool(userPool.userPoolId).idToken('alice') });
    expect(forged.status).toBe(401);
    expect(forged.body.errors![0].message).toBe('Valid authorization header not provided.');
    const otherPool = await graphql(api.graphqlUrl, LIST, {}, { Authorization: createTestUserPool('us-east-1_OtherPool').idToken('alice') });
    expect(otherPool.status).toBe(401);
  });
});

describe('IAM authorization', () => {
  it('verifies the SigV4 signature and gives resolvers the caller\'s role session', async () => {
    sessions.set(test.config.credentials.accessKeyId, {
      roleArn: `arn:aws:iam::123456789012:role/${AUTH_ROLE_NAME}`,
      identityPoolId: IDENTITY_POOL_ID,
      identityId: 'us-east-1:11111111-2222-3333-4444-555555555555',
      authType: 'authenticated',
    });
    try {
      const body = JSON.stringify({ query: CREATE, variables: { input: { name: 'signed' } } });
      const response = await fetch(api.graphqlUrl, { method: 'POST', headers: iamHeaders(body), body });
      const answer = (await response.json()) as GraphQlAnswer['body'];
      expect(answer.errors).toBeUndefined();
      expect(answer.data!.createTodo).toMatchObject({ name: 'signed', owner: null });

      const tampered = await fetch(api.graphqlUrl, { method: 'POST', headers: iamHeaders(body), body: body.replace('signed', 'forged') });
      expect(tampered.status).toBe(403);
      expect(((await tampered.json()) as GraphQlAnswer['body']).errors![0].errorType).toBe('InvalidSignatureException');
    } finally {
      sessions.clear();
    }
    // A key of no role session is the local IAM user: the private IAM rule does not cover it.
    const body = JSON.stringify({ query: CREATE, variables: { input: { name: 'not a role' } } });
    const refused = (await (await fetch(api.graphqlUrl, { method: 'POST', headers: iamHeaders(body), body })).json()) as GraphQlAnswer['body'];
    expect(refused.errors![0]).toMatchObject({ errorType: 'Unauthorized', message: 'Not Authorized to access createTodo on type Mutation' });
  });
});

describe('real-time subscriptions', () => {
  it('delivers a mutation to a subscriber connected with the subprotocol header form, as its filter allows', async () => {
    const client = await connect(apiKeyAuthorization());
    const ack = await client.next();
    expect(ack).toEqual({ type: 'connection_ack', payload: { connectionTimeoutMs: 300000 } });
    expect(client.socket.protocol).toBe('graphql-ws');
    expect(await subscribe(client, 'sub-1', { filter: { name: { beginsWith: 'wanted' } } }, apiKeyAuthorization())).toEqual({ type: 'start_ack', id: 'sub-1' });

    await withKey(CREATE, { input: { name: 'unwanted' } });
    const created = (await withKey(CREATE, { input: { name: 'wanted item' } })).body.data!.createTodo;
    expect(await client.next()).toEqual({ id: 'sub-1', type: 'data', payload: { data: { onCreateTodo: { id: created.id, name: 'wanted item', owner: null } } } });

    client.send({ id: 'sub-1', type: 'stop' });
    expect(await client.next()).toEqual({ type: 'complete', id: 'sub-1' });
    await withKey(CREATE, { input: { name: 'wanted again' } });
    expect(await client.silentFor(300)).toBe(true);
    client.close();
  });

  it('sends subscribers what the mutation selected, under the mutation\'s aliases too', async () => {
    const client = await connect(apiKeyAuthorization());
    expect((await client.next()).type).toBe('connection_ack');
    expect((await subscribe(client, 'narrow', { filter: { name: { eq: 'narrow' } } }, apiKeyAuthorization())).type).toBe('start_ack');
    const created = await withKey('mutation C($input: CreateTodoInput!) { made: createTodo(input: $input) { id name } }', { input: { name: 'narrow' } });
    expect(await client.next()).toEqual({ id: 'narrow', type: 'data', payload: { data: { onCreateTodo: { id: created.body.data!.made.id, name: 'narrow', owner: null } } } });
    // A filter on a field the mutation did not select cannot hold.
    await withKey('mutation C($input: CreateTodoInput!) { createTodo(input: $input) { id } }', { input: { name: 'narrow' } });
    expect(await client.silentFor(200)).toBe(true);
    client.close();
  });

  it('serves the older ?header= form and keeps the connection alive', async () => {
    const encoded = Buffer.from(JSON.stringify(apiKeyAuthorization())).toString('base64');
    const socket = new WebSocket(`${api.realtimeUrl}?header=${encodeURIComponent(encoded)}&payload=e30=`, ['graphql-ws']);
    const messages: string[] = [];
    socket.on('message', (data) => messages.push(JSON.parse(String(data)).type));
    await new Promise((resolve) => socket.once('open', resolve));
    socket.send(JSON.stringify({ type: 'connection_init' }));
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(messages[0]).toBe('connection_ack');
    expect(messages.filter((type) => type === 'ka').length).toBeGreaterThanOrEqual(2);
    socket.close();
  });

  it('restricts an owner\'s subscription to the owner\'s items and refuses another owner argument', async () => {
    const bobAuth = { Authorization: userPool.idToken('bob'), host: new URL(api.graphqlUrl).host };
    const client = await connect(bobAuth, 'query');
    expect((await client.next()).type).toBe('connection_ack');
    expect(await subscribe(client, 'mine', {}, bobAuth)).toEqual({ type: 'start_ack', id: 'mine' });
    const refused = await subscribe(client, 'theirs', { owner: 'alice' }, bobAuth);
    expect(refused).toMatchObject({ type: 'error', id: 'theirs', payload: { errors: [{ errorType: 'Unauthorized', message: 'Not Authorized to access onCreateTodo on type Subscription' }] } });

    await asUser('alice', CREATE, { input: { name: 'alice secret' } });
    const bobs = (await asUser('bob', CREATE, { input: { name: 'bob note' } })).body.data!.createTodo;
    expect(await client.next()).toEqual({ id: 'mine', type: 'data', payload: { data: { onCreateTodo: { id: bobs.id, name: 'bob note', owner: 'bob' } } } });
    expect(await client.silentFor(200)).toBe(true);
    client.close();
  });

  it('refuses WebSocket upgrades for other host names and other paths', async () => {
    const upgrade = (path: string, host: string) =>
      new Promise<number>((resolve, reject) => {
        const request = http.request(`${test.cloud.endpoint}${path}`, {
          headers: { Host: host, Connection: 'Upgrade', Upgrade: 'websocket', 'Sec-WebSocket-Version': '13', 'Sec-WebSocket-Key': 'dGhlIHNhbXBsZSBub25jZQ==', 'Sec-WebSocket-Protocol': 'graphql-ws' },
        });
        request.on('response', (response) => resolve(response.statusCode ?? 0));
        request.on('upgrade', () => reject(new Error('upgraded')));
        request.on('error', reject);
        request.end();
      });
    expect(await upgrade(`/appsync/${api.apiId}/graphql/realtime`, 'attacker.example:80')).toBe(403);
    expect(await upgrade('/appsync/nosuchapi/graphql/realtime', new URL(test.cloud.endpoint).host)).toBe(404);
    expect(await upgrade('/some/other/path', new URL(test.cloud.endpoint).host)).toBe(404);
  });

  it('refuses a connection whose handshake is not authorized', async () => {
    const client = await connect({ ...apiKeyAuthorization(), 'x-api-key': 'da2-wrong' });
    expect(await client.next()).toEqual({
      type: 'connection_error',
      payload: { errors: [{ errorType: 'UnauthorizedException', message: 'You are not authorized to make this call.', errorCode: 401 }] },
    });
  });
});

describe('aws-amplify 6 in Node', () => {
  it('runs generateClient().graphql queries and mutations against the endpoint the stack reports', async () => {
    const { Amplify } = await import('aws-amplify');
    const { generateClient } = await import('aws-amplify/api');
    Amplify.configure({ API: { GraphQL: { endpoint: api.graphqlUrl, region: 'us-east-1', defaultAuthMode: 'apiKey', apiKey: api.apiKey } } });
    const client = generateClient();
    const created = (await client.graphql({ query: CREATE, variables: { input: { name: 'from aws-amplify' } } })) as { data: { createTodo: { id: string; name: string } } };
    expect(created.data.createTodo.name).toBe('from aws-amplify');
    const fetched = (await client.graphql({ query: GET, variables: { id: created.data.createTodo.id } })) as { data: { getTodo: { name: string } } };
    expect(fetched.data.getTodo.name).toBe('from aws-amplify');
    // A 401 is what makes the client report "Unauthorized" with its hint about authMode, as with AppSync.
    const refused = await Promise.resolve(client.graphql({ query: GET, variables: { id: '1' }, apiKey: 'da2-wrong' } as never)).catch((error: unknown) => error);
    expect(refused).toMatchObject({ errors: [expect.objectContaining({ message: 'Unauthorized' })] });
  });
  it('signs with its own SigV4 signer (iam) and sends user pool tokens (userPool), as configured by its auth providers', async () => {
    const { Amplify } = await import('aws-amplify');
    const { generateClient } = await import('aws-amplify/api');
    const { decodeJWT } = await import('aws-amplify/auth');
    const token = userPool.idToken('carol');
    Amplify.configure(
      { API: { GraphQL: { endpoint: api.graphqlUrl, region: 'us-east-1', defaultAuthMode: 'iam' } } },
      {
        Auth: {
          credentialsProvider: {
            getCredentialsAndIdentityId: async () => ({ credentials: test.config.credentials, identityId: 'us-east-1:11111111-2222-3333-4444-555555555555' }),
            clearCredentialsAndIdentityId: () => undefined,
          },
          tokenProvider: { getTokens: async () => ({ accessToken: decodeJWT(token), idToken: decodeJWT(token) }) },
        },
      },
    );
    sessions.set(test.config.credentials.accessKeyId, { roleArn: `arn:aws:iam::123456789012:role/${AUTH_ROLE_NAME}`, identityPoolId: IDENTITY_POOL_ID, authType: 'authenticated' });
    try {
      const client = generateClient();
      const signed = (await client.graphql({ query: CREATE, variables: { input: { name: 'amplify iam' } } })) as { data: { createTodo: { owner: string | null } } };
      expect(signed.data.createTodo.owner).toBeNull();
      const pooled = (await client.graphql({ query: CREATE, variables: { input: { name: 'amplify pool' } }, authMode: 'userPool' })) as { data: { createTodo: { owner: string } } };
      expect(pooled.data.createTodo.owner).toBe('carol');
    } finally {
      sessions.clear();
    }
  });

  it('receives mutations through generateClient().graphql subscriptions with each auth mode (header subprotocol, wss://)', async () => {
    // Node 20 has no WebSocket: the app's polyfill is ws, here trusting the data directory's CA. The client rewrites
    // the http:// endpoint to wss:// on the same port, which answers TLS too.
    const ca = fs.readFileSync(test.cloud.caCertificate);
    const globals = globalThis as { WebSocket?: unknown };
    const previous = globals.WebSocket;
    const opened: WebSocket[] = [];
    // The client arms a 15 s connection_init timer it never clears; unreferenced, it does not hold the test run open.
    const realSetTimeout = globalThis.setTimeout;
    globalThis.setTimeout = ((callback: () => void, ms?: number) => realSetTimeout(callback, ms).unref()) as typeof setTimeout;
    globals.WebSocket = class extends WebSocket {
      constructor(url: string, protocols?: string | string[]) {
        super(url, protocols, { ca });
        opened.push(this);
      }
    };
    sessions.set(test.config.credentials.accessKeyId, { roleArn: `arn:aws:iam::123456789012:role/${AUTH_ROLE_NAME}`, identityPoolId: IDENTITY_POOL_ID, authType: 'authenticated' });
    try {
      const { Amplify } = await import('aws-amplify');
      const { generateClient } = await import('aws-amplify/api');
      const { decodeJWT } = await import('aws-amplify/auth');
      const token = userPool.idToken('dave');
      const endpoint = `http://127.0.0.1:${test.cloud.port}/appsync/${api.apiId}/graphql`;
      Amplify.configure(
        { API: { GraphQL: { endpoint, region: 'us-east-1', defaultAuthMode: 'apiKey', apiKey: api.apiKey } } },
        {
          Auth: {
            credentialsProvider: {
              getCredentialsAndIdentityId: async () => ({ credentials: test.config.credentials, identityId: 'us-east-1:11111111-2222-3333-4444-555555555555' }),
              clearCredentialsAndIdentityId: () => undefined,
            },
            tokenProvider: { getTokens: async () => ({ accessToken: decodeJWT(token), idToken: decodeJWT(token) }) },
          },
        },
      );
      const client = generateClient();
      for (const authMode of ['apiKey', 'iam', 'userPool'] as const) {
        const name = `via amplify ${authMode}`;
        const received: unknown[] = [];
        const failures: unknown[] = [];
        const subscription = (client.graphql({ query: ON_CREATE, variables: { filter: { name: { eq: name } } }, authMode }) as unknown as {
          subscribe(observer: { next(value: unknown): void; error(error: unknown): void }): { unsubscribe(): void };
        }).subscribe({ next: (value) => received.push(value), error: (error) => failures.push(error) });
        // The client reports no start_ack: mutate until the server holds the subscription.
        for (let attempt = 0; attempt < 100 && received.length === 0 && failures.length === 0; attempt += 1) {
          await (authMode === 'userPool' ? asUser('dave', CREATE, { input: { name } }) : withKey(CREATE, { input: { name } }));
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
        subscription.unsubscribe();
        expect({ authMode, failures }).toEqual({ authMode, failures: [] });
        expect(received[0]).toMatchObject({ data: { onCreateTodo: { name, owner: authMode === 'userPool' ? 'dave' : null } } });
      }
      expect(opened[0].protocol).toBe('graphql-ws');
      // With its last subscription stopped, the client closes its connection.
      await Promise.all(opened.map((socket) => (socket.readyState === WebSocket.CLOSED ? undefined : new Promise((resolve) => socket.once('close', resolve)))));
    } finally {
      sessions.clear();
      globals.WebSocket = previous;
      globalThis.setTimeout = realSetTimeout;
    }
  }, 30_000);
});

describe('persistence', () => {
  it('serves the same API, key and resolvers after a restart', async () => {
    const before = (await withKey(CREATE, { input: { name: 'survives' } })).body.data!.createTodo;
    await stop();
    await start();
    api = { ...api, graphqlUrl: `${test.cloud.endpoint}/appsync/${api.apiId}/graphql` };
    expect((await withKey(GET, { id: before.id })).body).toEqual({ data: { getTodo: { id: before.id, name: 'survives', owner: null } } });
  }, 30_000);
});
