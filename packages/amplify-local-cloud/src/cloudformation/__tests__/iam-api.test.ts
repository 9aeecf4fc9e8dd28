import Database from 'better-sqlite3';
import type { ServiceRequest } from '../../contracts';
import { createIamHandler } from '../iam-api';
import { StackStore } from '../stack-store';

const store = new StackStore(new Database(':memory:'));
store.putResource('arn:aws:cloudformation:us-east-1:123456789012:stack/s/1', {
  logicalId: 'AuthRole',
  physicalId: 'app-authRole',
  type: 'AWS::IAM::Role',
  status: 'CREATE_COMPLETE',
  properties: { RoleName: 'app-authRole', AssumeRolePolicyDocument: { Statement: [{ Effect: 'Deny' }] } },
  attributes: { Arn: 'arn:aws:iam::123456789012:role/app-authRole', RoleId: 'AROAEXAMPLE' },
  lastUpdated: '2026-01-01T00:00:00.000Z',
});
const iam = createIamHandler(store, '123456789012');

const call = (params: Record<string, string>) => {
  const request: ServiceRequest = {
    service: 'iam',
    region: 'us-east-1',
    accessKeyId: 'local',
    method: 'POST',
    path: '/',
    query: new URLSearchParams(),
    headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
    body: Buffer.from(new URLSearchParams({ Version: '2010-05-08', ...params }).toString()),
  };
  return iam(request);
};

test('GetRole answers the role CloudFormation made, with its trust policy URL-encoded', async () => {
  const response = await call({ Action: 'GetRole', RoleName: 'app-authRole' });
  expect(response.status).toBe(200);
  expect(response.body).toContain('<Arn>arn:aws:iam::123456789012:role/app-authRole</Arn>');
  expect(response.body).toContain(`<AssumeRolePolicyDocument>${encodeURIComponent(JSON.stringify({ Statement: [{ Effect: 'Deny' }] }))}</AssumeRolePolicyDocument>`);
});

test('UpdateAssumeRolePolicy replaces the trust policy GetRole reports; unknown roles and bad JSON are refused', async () => {
  const policy = JSON.stringify({ Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRoleWithWebIdentity' }] });
  expect((await call({ Action: 'UpdateAssumeRolePolicy', RoleName: 'app-authRole', PolicyDocument: policy })).status).toBe(200);
  expect((await call({ Action: 'GetRole', RoleName: 'app-authRole' })).body).toContain(encodeURIComponent(policy));
  const missing = await call({ Action: 'GetRole', RoleName: 'nobody' });
  expect(missing.status).toBe(404);
  expect(missing.body).toContain('<Code>NoSuchEntity</Code>');
  const malformed = await call({ Action: 'UpdateAssumeRolePolicy', RoleName: 'app-authRole', PolicyDocument: '{' });
  expect(malformed.body).toContain('<Code>MalformedPolicyDocument</Code>');
  expect((await call({ Action: 'CreateUser', UserName: 'x' })).body).toContain('<Code>InvalidAction</Code>');
});

test('the SDK v3 IAM client reads the answers over HTTP', async () => {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  const { listenHttp } = await import('../../server/http-server');
  const { routeRequest } = await import('../../server/request-router');
  const { IAMClient, GetRoleCommand, UpdateAssumeRolePolicyCommand } = await import('@aws-sdk/client-iam');
  const { LocalCredentialStore } = await import('../../server/credential-store');
  const credentials = { accessKeyId: 'AKIAIAMTEST000000001', secretAccessKey: 'iam-test-secret' };
  const router = { services: new Map([['iam', iam]]), browserAccess: new Map(), credentials: new LocalCredentialStore(credentials), publicPaths: [] };
  const server = await listenHttp('127.0.0.1', 0, async (request) => routeRequest(request, router));
  const client = new IAMClient({ endpoint: `http://127.0.0.1:${server.port}`, region: 'us-east-1', credentials });
  try {
    await client.send(new UpdateAssumeRolePolicyCommand({ RoleName: 'app-authRole', PolicyDocument: '{"Version":"2012-10-17","Statement":[]}' }));
    const { Role } = await client.send(new GetRoleCommand({ RoleName: 'app-authRole' }));
    expect(Role).toMatchObject({ RoleName: 'app-authRole', RoleId: 'AROAEXAMPLE', Path: '/', MaxSessionDuration: 3600 });
    expect(decodeURIComponent(Role!.AssumeRolePolicyDocument!)).toBe('{"Version":"2012-10-17","Statement":[]}');
    await expect(client.send(new GetRoleCommand({ RoleName: 'ghost' }))).rejects.toMatchObject({ name: 'NoSuchEntityException' });
  } finally {
    client.destroy();
    await server.close();
  }
});
