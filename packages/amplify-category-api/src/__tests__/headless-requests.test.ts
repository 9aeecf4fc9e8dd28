import { validateHeadlessRequest } from 'amplify-cli-core';
import { thrownAmplifyError } from 'amplify-test-support';
import { authConfigOf } from '../service/auth-config';
import { addApiRequestSchema, updateApiRequestSchema } from '../service/headless-schemas';

const add = (serviceConfiguration: unknown) => ({ version: 1, serviceConfiguration });
const appSync = (extra: Record<string, unknown> = {}) => add({ serviceName: 'AppSync', apiName: 'shopapi', transformSchema: 'type Todo @model { id: ID! }', defaultAuthType: { mode: 'API_KEY' }, ...extra });
const validAdd = (payload: unknown) => validateHeadlessRequest(addApiRequestSchema, JSON.stringify(payload), 'AddApiRequest');
const addError = (payload: unknown): string => thrownAmplifyError(() => validAdd(payload)).message;

describe('AddApiRequest (AppSync)', () => {
  test('accepts the original payloads: every auth mode, additional modes, conflict resolution', () => {
    const payload = appSync({
      defaultAuthType: { mode: 'AMAZON_COGNITO_USER_POOLS', cognitoUserPoolId: 'authshop' },
      additionalAuthTypes: [
        { mode: 'API_KEY', expirationTime: 30, keyDescription: 'public' },
        { mode: 'AWS_IAM' },
        { mode: 'OPENID_CONNECT', openIDProviderName: 'okta', openIDIssuerURL: 'https://example.okta.com/', openIDClientID: 'abc', openIDAuthTTL: '3600', openIDIatTTL: '0' },
        { mode: 'AWS_LAMBDA', lambdaFunction: 'authorizer', ttlSeconds: '300' },
      ],
      conflictResolution: {
        defaultResolutionStrategy: { type: 'AUTOMERGE' },
        perModelResolutionStrategy: [{ entityName: 'Todo', resolutionStrategy: { type: 'LAMBDA', resolver: { type: 'EXISTING', name: 'resolver' } } }],
      },
    });
    expect(validAdd(payload)).toEqual(payload);
  });

  test.each([
    [appSync({ apiName: 'bad-name' }), 'serviceConfiguration.apiName must match pattern'],
    [add({ serviceName: 'AppSync', apiName: 'shopapi', defaultAuthType: { mode: 'API_KEY' } }), 'serviceConfiguration.transformSchema is required'],
    [add({ serviceName: 'AppSync', apiName: 'shopapi', transformSchema: 'x' }), 'serviceConfiguration.defaultAuthType is required'],
    [appSync({ defaultAuthType: { mode: 'API_KEYS' } }), 'serviceConfiguration.defaultAuthType.mode must be one of "API_KEY"'],
    [appSync({ defaultAuthType: { mode: 'API_KEY', expirationTime: 400 } }), 'serviceConfiguration.defaultAuthType.expirationTime must be <= 365'],
    [appSync({ defaultAuthType: { mode: 'AWS_IAM', keyDescription: 'x' } }), 'serviceConfiguration.defaultAuthType.keyDescription is not a known field'],
    [appSync({ additionalAuthTypes: [{ mode: 'AWS_IAM' }, { mode: 'OPENID_CONNECT', openIDProviderName: 'okta' }] }), 'serviceConfiguration.additionalAuthTypes[1].openIDIssuerURL is required'],
    [appSync({ additionalAuthTypes: [{ mode: 'OPENID_CONNECT', openIDProviderName: 'o', openIDIssuerURL: 'http://example.com' }] }), 'serviceConfiguration.additionalAuthTypes[0].openIDIssuerURL must match pattern'],
    [appSync({ additionalAuthTypes: [{ mode: 'AWS_LAMBDA' }] }), 'serviceConfiguration.additionalAuthTypes[0].lambdaFunction is required'],
    [appSync({ conflictResolution: { defaultResolutionStrategy: { type: 'LAMBDA' } } }), 'serviceConfiguration.conflictResolution.defaultResolutionStrategy.resolver is required'],
    [appSync({ conflictResolution: { defaultResolutionStrategy: { type: 'MERGE' } } }), 'serviceConfiguration.conflictResolution.defaultResolutionStrategy.type must be one of'],
    [appSync({ conflictResolution: { perModelResolutionStrategy: [{ entityName: 'Todo' }] } }), 'serviceConfiguration.conflictResolution.perModelResolutionStrategy[0].resolutionStrategy is required'],
    [appSync({ extra: true }), 'serviceConfiguration.extra is not a known field'],
    [{ ...appSync(), version: 2 }, 'version must be 1'],
    [add({ serviceName: 'Lambda' }), 'serviceConfiguration.serviceName must be one of "AppSync", "API Gateway"'],
  ])('names the bad field: %#', (payload, expected) => {
    const message = addError(payload);
    expect(message).toContain(`AddApiRequest: ${expected}`);
  });

  test('a payload that is not JSON says so', () => {
    expect(thrownAmplifyError(() => validateHeadlessRequest(addApiRequestSchema, '{"version":1,', 'AddApiRequest')).message).toMatch(/^AddApiRequest is not valid JSON/);
  });

  test('auth types map to authConfig as the original stores it (undefined keys dropped)', () => {
    expect(
      authConfigOf({ mode: 'API_KEY', expirationTime: 7 }, [
        { mode: 'AMAZON_COGNITO_USER_POOLS' },
        { mode: 'OPENID_CONNECT', openIDProviderName: 'okta', openIDIssuerURL: 'https://o/', openIDClientID: 'c' },
        { mode: 'AWS_LAMBDA', lambdaFunction: 'fn', ttlSeconds: '300' },
        { mode: 'AWS_IAM' },
      ]),
    ).toEqual({
      defaultAuthentication: { authenticationType: 'API_KEY', apiKeyConfig: { apiKeyExpirationDays: 7 } },
      additionalAuthenticationProviders: [
        { authenticationType: 'AMAZON_COGNITO_USER_POOLS', userPoolConfig: {} },
        { authenticationType: 'OPENID_CONNECT', openIDConnectConfig: { name: 'okta', issuerUrl: 'https://o/', clientId: 'c' } },
        { authenticationType: 'AWS_LAMBDA', lambdaAuthorizerConfig: { lambdaFunction: 'fn', ttlSeconds: '300' } },
        { authenticationType: 'AWS_IAM' },
      ],
    });
  });
});

describe('the REST request (this CLI’s own)', () => {
  const rest = (paths: unknown, apiName = 'items') => add({ serviceName: 'API Gateway', apiName, paths });
  test('accepts the REST cli-inputs inside serviceConfiguration', () => {
    const payload = rest({ '/items': { lambdaFunction: 'itemsfn', permissions: { setting: 'protected', auth: ['create', 'read'], guest: ['read'] } }, '/open': { lambdaFunction: 'itemsfn', permissions: { setting: 'open' } } });
    expect(validAdd(payload)).toEqual(payload);
  });

  test.each([
    [rest({ '/items': { lambdaFunction: 'itemsfn', permissions: { setting: 'public' } } }), 'serviceConfiguration.paths./items.permissions.setting must be one of "open", "private", "protected"'],
    [rest({ '/items': { permissions: { setting: 'open' } } }), 'serviceConfiguration.paths./items.lambdaFunction is required'],
    [rest({ '/items': { lambdaFunction: 'fn', permissions: { setting: 'private', auth: ['write'] } } }), 'serviceConfiguration.paths./items.permissions.auth[0] must be one of "create"'],
    [rest({ '/items': { lambdaFunction: 'fn', permissions: { setting: 'private', auth: [] } } }), 'serviceConfiguration.paths./items.permissions.auth must NOT have fewer than 1 items'],
    [rest({}), 'serviceConfiguration.paths must NOT have fewer than 1 properties'],
    [rest({ '/items': { lambdaFunction: 'fn', permissions: { setting: 'open' } } }, 'my-api'), 'serviceConfiguration.apiName must match pattern'],
  ])('names the bad field: %#', (payload, expected) => {
    expect(addError(payload)).toContain(`AddApiRequest: ${expected}`);
  });
});

describe('UpdateApiRequest', () => {
  const valid = (serviceModification: unknown) => validateHeadlessRequest(updateApiRequestSchema, { version: 1, serviceModification }, 'UpdateApiRequest');
  test('every AppSync part is optional; REST names its API and replaces the paths', () => {
    expect(valid({ serviceName: 'AppSync', transformSchema: 'type A @model { id: ID! }' })).toBeDefined();
    expect(valid({ serviceName: 'AppSync', additionalAuthTypes: [{ mode: 'AWS_IAM' }] })).toBeDefined();
    expect(valid({ serviceName: 'API Gateway', apiName: 'items', paths: { '/x': { lambdaFunction: 'fn', permissions: { setting: 'open' } } } })).toBeDefined();
  });
  test.each([
    [{ serviceName: 'AppSync', apiName: 'renamed' }, 'serviceModification.apiName is not a known field'],
    [{ serviceName: 'AppSync', defaultAuthType: {} }, 'serviceModification.defaultAuthType.mode is required'],
    [{ serviceName: 'API Gateway', paths: {} }, 'serviceModification.apiName is required'],
  ])('names the bad field: %#', (modification, expected) => {
    expect(thrownAmplifyError(() => valid(modification)).message).toContain(`UpdateApiRequest: ${expected}`);
  });
});
