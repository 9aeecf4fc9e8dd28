import { validateTemplate } from 'amplify-cloudformation-spec';
import { authParameters, authTemplate } from '../service/auth-template';
import type { CognitoConfig } from '../service/cognito-config';
import { cognitoDefaults } from '../service/cognito-defaults';
import { userPoolGroupsTemplate } from '../service/user-pool-groups';

const base = (): CognitoConfig => cognitoDefaults('My-App!', 'abcd1234');

const full = (): CognitoConfig => ({
  ...base(),
  useDefault: 'manual',
  allowUnauthenticatedIdentities: true,
  authProviders: ['graph.facebook.com', 'accounts.google.com'],
  usernameAttributes: ['email'],
  userPoolGroups: true,
  userPoolGroupList: ['Admins', 'Editors'],
  mfaConfiguration: 'OPTIONAL',
  mfaTypes: ['SMS Text Message', 'TOTP'],
  passwordPolicyMinLength: 12,
  passwordPolicyCharacters: ['Requires Lowercase', 'Requires Symbols'],
  userpoolClientGenerateSecret: true,
  hostedUI: true,
  hostedUIDomainName: 'myapp-abcd1234',
  oAuthMetadata: JSON.stringify({ AllowedOAuthFlows: ['code'], AllowedOAuthScopes: ['openid', 'email'], CallbackURLs: ['https://app.example.com/'], LogoutURLs: ['http://localhost:3000/'] }),
  authProvidersUserPool: ['Facebook', 'Google'],
});

describe('authTemplate', () => {
  it('the default configuration: user pool, two clients, identity pool attached to the root roles, outputs as the original', () => {
    const template = authTemplate(base());
    expect(validateTemplate(template)).toEqual([]);
    expect(Object.keys(template.Resources).sort()).toEqual(['IdentityPool', 'IdentityPoolRoleMap', 'UserPool', 'UserPoolClient', 'UserPoolClientWeb']);
    expect(Object.keys(template.Outputs).sort()).toEqual(['AppClientID', 'AppClientIDWeb', 'IdentityPoolId', 'IdentityPoolName', 'UserPoolArn', 'UserPoolId', 'UserPoolName']);
    expect(template.Resources.IdentityPoolRoleMap.Properties.Roles).toEqual({ authenticated: { Ref: 'authRoleArn' }, unauthenticated: { Ref: 'unauthRoleArn' } });
    expect(template.Resources.UserPool.Properties).toMatchObject({
      Schema: [{ Name: 'email', Required: true, Mutable: true }],
      AutoVerifiedAttributes: ['email'],
      MfaConfiguration: 'OFF',
      Policies: { PasswordPolicy: { MinimumLength: 8, RequireLowercase: false } },
    });
    expect(template.Resources.UserPool.Properties).not.toHaveProperty('UsernameAttributes');
    expect(template.Resources.UserPoolClientWeb.Properties).not.toHaveProperty('GenerateSecret');
    expect(template.Resources.UserPoolClient.Properties.GenerateSecret).toBe(false);
    expect(template.Resources.IdentityPool.Properties.IdentityPoolName).toEqual({
      'Fn::If': ['ShouldNotCreateEnvResources', { Ref: 'identityPoolName' }, { 'Fn::Join': ['__', [{ Ref: 'identityPoolName' }, { Ref: 'env' }]] }],
    });
  });

  it('names derive from the project name stripped to alphanumerics and the shared id', () => {
    const config = base();
    expect(config).toMatchObject({ resourceName: 'myappabcd1234', userPoolName: 'myapp_userpool_abcd1234', identityPoolName: 'myapp_identitypool_abcd1234' });
    expect(authParameters(config)).toEqual({
      ...config,
      resourceNameTruncated: 'myappabcd1234',
      defaultPasswordPolicy: false,
      aliasAttributes: [],
      userpoolClientLambdaRole: 'myappabcd1234_userpoolclient_lambda_role',
      userpoolClientSetAttributes: false,
      usernameCaseSensitive: false,
      thirdPartyAuth: false,
      adminQueries: false,
      useEnabledMfas: true,
      authRoleArn: { 'Fn::GetAtt': ['AuthRole', 'Arn'] },
      unauthRoleArn: { 'Fn::GetAtt': ['UnauthRole', 'Arn'] },
      breakCircularDependency: true,
      dependsOn: [],
      triggers: '{}',
      permissions: [],
    });
  });

  it("parameters.json has the keys of the original's (so the original's add storage with guest access reads it)", () => {
    const parameters = authParameters(full());
    // The keys the original writes for a manual configuration with social providers and the hosted UI.
    const originalKeys = [
      'identityPoolName', 'allowUnauthenticatedIdentities', 'resourceNameTruncated', 'userPoolName', 'autoVerifiedAttributes',
      'mfaConfiguration', 'mfaTypes', 'smsAuthenticationMessage', 'smsVerificationMessage', 'emailVerificationSubject',
      'emailVerificationMessage', 'defaultPasswordPolicy', 'passwordPolicyMinLength', 'passwordPolicyCharacters', 'requiredAttributes',
      'aliasAttributes', 'userpoolClientGenerateSecret', 'userpoolClientRefreshTokenValidity', 'userpoolClientWriteAttributes',
      'userpoolClientReadAttributes', 'userpoolClientLambdaRole', 'userpoolClientSetAttributes', 'sharedId', 'resourceName',
      'authSelections', 'useDefault', 'usernameAttributes', 'userPoolGroupList', 'serviceName', 'usernameCaseSensitive',
      'useEnabledMfas', 'authRoleArn', 'unauthRoleArn', 'breakCircularDependency', 'dependsOn', 'thirdPartyAuth', 'authProviders',
      'userPoolGroups', 'adminQueries', 'triggers', 'hostedUI', 'hostedUIDomainName', 'authProvidersUserPool',
      'oAuthMetadata', 'permissions',
    ];
    expect(Object.keys(parameters).sort()).toEqual(expect.arrayContaining(originalKeys.sort()));
    expect(parameters).toMatchObject({ thirdPartyAuth: true, defaultPasswordPolicy: true, allowUnauthenticatedIdentities: true, authSelections: 'identityPoolAndUserPool' });
    expect(typeof parameters.triggers).toBe('string');
    // Only with triggers: the original's update (guest access from add storage, say) fails on any value.
    expect(parameters).not.toHaveProperty('authTriggerConnections');
  });

  it('every template parameter a stack needs is in parameters.json or env-specific', () => {
    const template = authTemplate(full());
    const given = new Set([...Object.keys(authParameters(full())), 'env', 'facebookAppId', 'googleClientId', 'facebookAppIdUserPool', 'facebookAppSecretUserPool', 'googleAppIdUserPool', 'googleAppSecretUserPool']);
    expect(Object.keys(template.Parameters).filter((name) => !given.has(name))).toEqual([]);
    expect(template.Parameters.facebookAppSecretUserPool.NoEcho).toBe(true);
  });

  it('a manual configuration with MFA, SMS, social providers, hosted UI and groups passes the specification', () => {
    const template = authTemplate(full());
    expect(validateTemplate(template)).toEqual([]);
    expect(template.Resources.SNSRole.Type).toBe('AWS::IAM::Role');
    expect(template.Resources.UserPool.Properties).toMatchObject({
      UsernameAttributes: ['email'],
      EnabledMfas: ['SMS_MFA', 'SOFTWARE_TOKEN_MFA'],
      MfaConfiguration: 'OPTIONAL',
      SmsConfiguration: { SnsCallerArn: { 'Fn::GetAtt': ['SNSRole', 'Arn'] } },
      Policies: { PasswordPolicy: { MinimumLength: 12, RequireLowercase: true, RequireSymbols: true, RequireUppercase: false } },
    });
    expect(template.Resources.UserPoolClientWeb.Properties).toMatchObject({
      AllowedOAuthFlowsUserPoolClient: true,
      AllowedOAuthFlows: ['code'],
      CallbackURLs: ['https://app.example.com/'],
      SupportedIdentityProviders: ['Facebook', 'Google', 'COGNITO'],
    });
    expect(template.Resources.UserPoolClientWeb.DependsOn).toEqual(['HostedUIFacebookProvider', 'HostedUIGoogleProvider']);
    expect(template.Resources.UserPoolDomain.Properties.Domain).toBeDefined();
    expect(template.Resources.IdentityPool.Properties.SupportedLoginProviders).toEqual({ 'graph.facebook.com': { Ref: 'facebookAppId' }, 'accounts.google.com': { Ref: 'googleClientId' } });
    expect(template.Resources.IdentityPoolRoleMap.Properties.RoleMappings).toBeDefined();
    expect(Object.keys(template.Outputs)).toEqual(expect.arrayContaining(['HostedUIDomain', 'OAuthMetadata', 'AppClientSecret', 'CreatedSNSRole', 'FacebookWebClient', 'GoogleWebClient']));
  });

  it('a user pool only configuration has no identity pool', () => {
    const config: CognitoConfig = { ...base(), authSelections: 'userPoolOnly' };
    delete config.identityPoolName;
    const template = authTemplate(config);
    expect(validateTemplate(template)).toEqual([]);
    expect(template.Resources.IdentityPool).toBeUndefined();
    expect(template.Outputs.IdentityPoolId).toBeUndefined();
    expect(authParameters(config)).not.toHaveProperty('identityPoolName');
  });
});

describe('userPoolGroupsTemplate', () => {
  it('one group and one role per name, in precedence order, taking the auth outputs as parameters', () => {
    const template = userPoolGroupsTemplate('cognito1', full(), [
      { groupName: 'Admins', precedence: 1 },
      { groupName: 'Editors', precedence: 2 },
    ]);
    expect(validateTemplate(template)).toEqual([]);
    expect(Object.keys(template.Parameters)).toEqual(['env', 'AuthRoleArn', 'UnauthRoleArn', 'authcognito1UserPoolId', 'authcognito1AppClientIDWeb', 'authcognito1AppClientID', 'authcognito1IdentityPoolId']);
    expect(template.Resources.EditorsGroup.Properties).toMatchObject({ GroupName: 'Editors', Precedence: 2, UserPoolId: { Ref: 'authcognito1UserPoolId' } });
    expect(Object.keys(template.Outputs)).toEqual(['AdminsGroupRole', 'EditorsGroupRole']);
  });
});
