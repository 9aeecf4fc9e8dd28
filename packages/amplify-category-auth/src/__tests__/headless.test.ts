import { validateHeadlessRequest } from 'amplify-cli-core';
import { validateTemplate } from 'amplify-cloudformation-spec';
import { authTemplate } from '../service/auth-template';
import { cognitoDefaults } from '../service/cognito-defaults';
import { fromAddAuthRequest, fromUpdateAuthRequest, type AddAuthRequest, type UpdateAuthRequest } from '../service/headless-mapping';
import { addAuthRequestSchema, updateAuthRequestSchema } from '../service/headless-schemas';
import { authPermissionPolicies } from '../service/permission-policies';

const addRequest = {
  version: 2,
  resourceName: 'shopAuth',
  serviceConfiguration: {
    serviceName: 'Cognito',
    includeIdentityPool: true,
    userPoolConfiguration: {
      signinMethod: 'EMAIL',
      requiredSignupAttributes: ['EMAIL', 'ZONE_INFO'],
      userPoolGroups: [{ groupName: 'Admins' }],
      mfa: { mode: 'OPTIONAL', mfaTypes: ['TOTP'], smsMessage: 'Code {####}' },
      passwordPolicy: { minimumLength: 10, additionalConstraints: ['REQUIRE_DIGIT'] },
      oAuth: {
        domainPrefix: 'shop-login',
        redirectSigninURIs: ['https://shop.example.com/'],
        redirectSignoutURIs: ['https://shop.example.com/'],
        oAuthGrantType: 'CODE',
        oAuthScopes: ['OPENID', 'AWS.COGNITO.SIGNIN.USER.ADMIN'],
        socialProviderConfigurations: [{ provider: 'LOGIN_WITH_AMAZON', clientId: 'amzn', clientSecret: 'amzn-secret' }],
      },
    },
    identityPoolConfiguration: { unauthenticatedLogin: true, identitySocialFederation: [{ provider: 'FACEBOOK', clientId: 'fb1' }] },
  },
};

describe('AddAuthRequest', () => {
  it('maps onto the config and env-specific values, and the result passes the specification', () => {
    const request = validateHeadlessRequest<AddAuthRequest>(addAuthRequestSchema, JSON.stringify(addRequest), 'AddAuthRequest');
    const { config, envParameters } = fromAddAuthRequest(request, cognitoDefaults('shop', 'abcd1234'));
    expect(config).toMatchObject({
      resourceName: 'shopAuth',
      usernameAttributes: ['email'],
      requiredAttributes: ['email', 'zoneinfo'],
      userPoolGroups: true,
      userPoolGroupList: ['Admins'],
      mfaConfiguration: 'OPTIONAL',
      mfaTypes: ['TOTP'],
      passwordPolicyMinLength: 10,
      passwordPolicyCharacters: ['Requires Numbers'],
      hostedUI: true,
      hostedUIDomainName: 'shop-login',
      authProvidersUserPool: ['LoginWithAmazon'],
      authProviders: ['graph.facebook.com'],
      allowUnauthenticatedIdentities: true,
    });
    expect(JSON.parse(config.oAuthMetadata!)).toEqual({ AllowedOAuthFlows: ['code'], AllowedOAuthScopes: ['openid', 'aws.cognito.signin.user.admin'], CallbackURLs: ['https://shop.example.com/'], LogoutURLs: ['https://shop.example.com/'] });
    expect(envParameters).toEqual({ loginwithamazonAppIdUserPool: 'amzn', loginwithamazonAppSecretUserPool: 'amzn-secret', facebookAppId: 'fb1' });
    expect(validateTemplate(authTemplate(config))).toEqual([]);
  });

  it.each([
    [{ ...addRequest, version: 1 }, 'AddAuthRequest: version must be 2'],
    [{ ...addRequest, serviceConfiguration: { ...addRequest.serviceConfiguration, serviceName: 'Okta' } }, 'serviceConfiguration.serviceName must be "Cognito"'],
    [{ ...addRequest, serviceConfiguration: { ...addRequest.serviceConfiguration, includeIdentityPool: undefined } }, 'serviceConfiguration.includeIdentityPool is required'],
    [
      { ...addRequest, serviceConfiguration: { ...addRequest.serviceConfiguration, userPoolConfiguration: { ...addRequest.serviceConfiguration.userPoolConfiguration, signinMethod: 'NICKNAME' } } },
      'serviceConfiguration.userPoolConfiguration.signinMethod must be one of',
    ],
    [
      { ...addRequest, serviceConfiguration: { ...addRequest.serviceConfiguration, userPoolConfiguration: { ...addRequest.serviceConfiguration.userPoolConfiguration, mfa: { mode: 'ON' } } } },
      'serviceConfiguration.userPoolConfiguration.mfa.mfaTypes is required',
    ],
    [
      { ...addRequest, serviceConfiguration: { ...addRequest.serviceConfiguration, userPoolConfiguration: { ...addRequest.serviceConfiguration.userPoolConfiguration, userPoolGroups: [{ groupName: 'bad name' }] } } },
      'serviceConfiguration.userPoolConfiguration.userPoolGroups[0].groupName must match pattern',
    ],
    [
      { ...addRequest, serviceConfiguration: { ...addRequest.serviceConfiguration, userPoolConfiguration: { ...addRequest.serviceConfiguration.userPoolConfiguration, userPoolGroups: [{ groupName: 'A', customPolicy: '{}' }] } } },
      'serviceConfiguration.userPoolConfiguration.userPoolGroups[0].customPolicy is not a known field',
    ],
    [
      { ...addRequest, serviceConfiguration: { ...addRequest.serviceConfiguration, userPoolConfiguration: { ...addRequest.serviceConfiguration.userPoolConfiguration, adminQueries: { permissions: { restrictAccess: false } } } } },
      'serviceConfiguration.userPoolConfiguration.adminQueries is not a known field',
    ],
  ])('a bad payload names the bad field (%#)', (request, message) => {
    expect(() => validateHeadlessRequest(addAuthRequestSchema, JSON.stringify(request), 'AddAuthRequest')).toThrow(message);
  });
});

describe('UpdateAuthRequest', () => {
  it('changes what it names and keeps the rest, including the names', () => {
    const previous = cognitoDefaults('shop', 'abcd1234');
    const request = validateHeadlessRequest<UpdateAuthRequest>(
      updateAuthRequestSchema,
      { version: 2, serviceModification: { serviceName: 'Cognito', includeIdentityPool: true, userPoolModification: { refreshTokenPeriod: 90, userPoolGroups: [{ groupName: 'Staff' }] }, identityPoolModification: { unauthenticatedLogin: true } } },
      'UpdateAuthRequest',
    );
    const { config } = fromUpdateAuthRequest(request, previous, {});
    expect(config).toMatchObject({ ...previous, userpoolClientRefreshTokenValidity: 90, userPoolGroupList: ['Staff'], userPoolGroups: true, allowUnauthenticatedIdentities: true });
  });

  it('rejects changes to immutable settings as unknown fields', () => {
    expect(() =>
      validateHeadlessRequest(updateAuthRequestSchema, { version: 2, serviceModification: { serviceName: 'Cognito', includeIdentityPool: true, userPoolModification: { signinMethod: 'EMAIL' } } }, 'UpdateAuthRequest'),
    ).toThrow('serviceModification.userPoolModification.signinMethod is not a known field');
  });
});

describe('getPermissionPolicies', () => {
  it('grants the user pool actions of each operation on the pool the function receives as a parameter', () => {
    const { permissionPolicies, resourceAttributes } = authPermissionPolicies({ shopAuth: ['read', 'delete'] });
    expect(permissionPolicies).toHaveLength(1);
    const statement = permissionPolicies[0] as { Action: string[]; Resource: unknown[] };
    expect(statement.Action).toEqual(expect.arrayContaining(['cognito-idp:ListUsers', 'cognito-idp:AdminDeleteUser']));
    expect(statement.Action).not.toContain('cognito-idp:AdminCreateUser');
    expect(JSON.stringify(statement.Resource)).toContain('authshopAuthUserPoolId');
    expect(resourceAttributes).toEqual([{ resourceName: 'shopAuth', attributes: ['UserPoolId'], category: 'auth' }]);
  });
});
