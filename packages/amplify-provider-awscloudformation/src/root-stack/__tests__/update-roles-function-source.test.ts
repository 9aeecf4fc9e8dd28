import * as iamModule from '@aws-sdk/client-iam';
import { GetRoleCommand, IAMClient, UpdateAssumeRolePolicyCommand } from '@aws-sdk/client-iam';
import { mockClient } from 'aws-sdk-client-mock';
import { UPDATE_ROLES_FUNCTION_SOURCE } from '../update-roles-function-source';

/**
 * The inline function run as Lambda runs it: CommonJS with the SDK's IAM client on its module path, `fetch` for
 * the response. IAM is mocked; the response PUT is captured.
 */

type Handler = (event: Record<string, unknown>, context: { logStreamName: string }) => Promise<void>;

function loadHandler(): Handler {
  const module = { exports: {} as { handler?: Handler } };
  const load = new Function('require', 'exports', 'module', UPDATE_ROLES_FUNCTION_SOURCE) as (r: (name: string) => unknown, e: unknown, m: unknown) => void;
  load(
    (name) => {
      if (name === '@aws-sdk/client-iam') return iamModule;
      throw new Error(`unexpected require of ${name}`);
    },
    module.exports,
    module,
  );
  return module.exports.handler!;
}

const iam = mockClient(IAMClient);
let responses: Array<{ url: string; body: Record<string, unknown> }>;
const context = { logStreamName: '2026/11/26/[$LATEST]abc' };

function event(requestType: 'Create' | 'Update' | 'Delete', idpId = 'us-east-1:pool-1', extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    RequestType: requestType,
    ResponseURL: 'https://cloudformation-custom-resource-response.example/response?sig=1',
    StackId: 'arn:aws:cloudformation:us-east-1:123456789012:stack/root/1',
    RequestId: 'req-1',
    LogicalResourceId: 'UpdateRolesWithIDPFunctionOutputs',
    ResourceProperties: { ServiceToken: 'arn', region: 'us-east-1', idpId, authRoleName: 'app-authRole', unauthRoleName: 'app-unauthRole' },
    ...extra,
  };
}

function trustUpdates(): Array<{ role?: string; document: { Statement: Array<Record<string, unknown>> } }> {
  return iam.commandCalls(UpdateAssumeRolePolicyCommand).map((call) => ({ role: call.args[0].input.RoleName, document: JSON.parse(call.args[0].input.PolicyDocument!) }));
}

beforeEach(() => {
  iam.reset();
  responses = [];
  jest.spyOn(globalThis, 'fetch').mockImplementation(async (url, init) => {
    responses.push({ url: String(url), body: JSON.parse(String(init?.body)) });
    return new Response(null, { status: 200 });
  });
});

afterEach(() => jest.restoreAllMocks());

it('fits in an inline ZipFile (4096 bytes)', () => {
  expect(Buffer.byteLength(UPDATE_ROLES_FUNCTION_SOURCE)).toBeLessThanOrEqual(4096);
});

it('on create, makes the auth role trust authenticated and the unauth role guest identities of the pool', async () => {
  iam.on(UpdateAssumeRolePolicyCommand).resolves({});
  await loadHandler()(event('Create'), context);
  const updates = trustUpdates();
  expect(updates.map((u) => u.role)).toEqual(['app-authRole', 'app-unauthRole']);
  expect(updates[0].document.Statement).toEqual([
    {
      Effect: 'Allow',
      Principal: { Federated: 'cognito-identity.amazonaws.com' },
      Action: 'sts:AssumeRoleWithWebIdentity',
      Condition: {
        StringEquals: { 'cognito-identity.amazonaws.com:aud': 'us-east-1:pool-1' },
        'ForAnyValue:StringLike': { 'cognito-identity.amazonaws.com:amr': 'authenticated' },
      },
    },
  ]);
  expect(updates[1].document.Statement[0].Condition).toEqual({
    StringEquals: { 'cognito-identity.amazonaws.com:aud': 'us-east-1:pool-1' },
    'ForAnyValue:StringLike': { 'cognito-identity.amazonaws.com:amr': 'unauthenticated' },
  });
  expect(responses).toEqual([
    {
      url: 'https://cloudformation-custom-resource-response.example/response?sig=1',
      body: expect.objectContaining({ Status: 'SUCCESS', RequestId: 'req-1', LogicalResourceId: 'UpdateRolesWithIDPFunctionOutputs', PhysicalResourceId: 'UpdateRolesWithIDP-app-authRole' }),
    },
  ]);
});

it('on update, keeps its physical id (never a replacement) and names the new pool', async () => {
  iam.on(UpdateAssumeRolePolicyCommand).resolves({});
  await loadHandler()(event('Update', 'us-east-1:pool-2', { PhysicalResourceId: 'first-id' }), context);
  expect(JSON.stringify(trustUpdates()[0].document)).toContain('us-east-1:pool-2');
  expect(responses[0].body).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: 'first-id' });
});

it('reports a failed update as FAILED with the roles and the reason', async () => {
  iam.on(UpdateAssumeRolePolicyCommand).rejects(Object.assign(new Error('User is not authorized to perform iam:UpdateAssumeRolePolicy'), { name: 'AccessDenied' }));
  jest.spyOn(console, 'error').mockImplementation(() => undefined);
  await loadHandler()(event('Create'), context);
  expect(responses[0].body).toMatchObject({
    Status: 'FAILED',
    Reason: expect.stringMatching(/app-authRole and app-unauthRole failed: User is not authorized/),
  });
});

it('on delete, puts the Deny policy back only on roles that still trust this pool', async () => {
  const trusting = encodeURIComponent(JSON.stringify({ Statement: [{ Condition: { StringEquals: { 'cognito-identity.amazonaws.com:aud': 'us-east-1:pool-1' } } }] }));
  const other = encodeURIComponent(JSON.stringify({ Statement: [{ Condition: { StringEquals: { 'cognito-identity.amazonaws.com:aud': 'us-east-1:pool-9' } } }] }));
  iam.on(GetRoleCommand, { RoleName: 'app-authRole' }).resolves({ Role: { RoleName: 'app-authRole', Path: '/', Arn: 'a', RoleId: 'r', CreateDate: new Date(), AssumeRolePolicyDocument: trusting } });
  iam.on(GetRoleCommand, { RoleName: 'app-unauthRole' }).resolves({ Role: { RoleName: 'app-unauthRole', Path: '/', Arn: 'b', RoleId: 's', CreateDate: new Date(), AssumeRolePolicyDocument: other } });
  iam.on(UpdateAssumeRolePolicyCommand).resolves({});
  await loadHandler()(event('Delete', 'us-east-1:pool-1', { PhysicalResourceId: 'first-id' }), context);
  const updates = trustUpdates();
  expect(updates.map((u) => u.role)).toEqual(['app-authRole']);
  expect(updates[0].document.Statement).toEqual([{ Sid: '', Effect: 'Deny', Principal: { Federated: 'cognito-identity.amazonaws.com' }, Action: 'sts:AssumeRoleWithWebIdentity' }]);
  expect(responses[0].body).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: 'first-id' });
});

it('on delete, succeeds when the roles are gone or IAM refuses, so the stack can always be deleted', async () => {
  jest.spyOn(console, 'error').mockImplementation(() => undefined);
  iam.on(GetRoleCommand, { RoleName: 'app-authRole' }).rejects(Object.assign(new Error('The role cannot be found'), { name: 'NoSuchEntityException' }));
  iam.on(GetRoleCommand, { RoleName: 'app-unauthRole' }).rejects(Object.assign(new Error('denied'), { name: 'AccessDenied' }));
  await loadHandler()(event('Delete', 'us-east-1:pool-1', { PhysicalResourceId: 'first-id' }), context);
  expect(trustUpdates()).toEqual([]);
  expect(responses[0].body).toMatchObject({ Status: 'SUCCESS' });
});
