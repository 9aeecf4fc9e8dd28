import { IDENTITY_PROVIDERS, parseOAuthMetadata, USER_POOL_PROVIDERS, type CognitoConfig } from './cognito-config';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export interface CfnTemplate {
  AWSTemplateFormatVersion: '2010-09-09';
  Description: string;
  Parameters: Record<string, { Type: string; Default?: string; NoEcho?: boolean }>;
  Conditions: Record<string, Json>;
  Resources: Record<string, { Type: string; Properties: Record<string, Json>; DependsOn?: string[] }>;
  Outputs: Record<string, { Value: Json; Description?: string }>;
}

const ref = (name: string): Json => ({ Ref: name });
const getAtt = (resource: string, attribute: string): Json => ({ 'Fn::GetAtt': [resource, attribute] });
/** `<name><separator><env>`, or the bare name when the env is `NONE` (the original's condition on the env name). */
const withEnv = (name: Json, separator: string): Json => ({
  'Fn::If': ['ShouldNotCreateEnvResources', name, { 'Fn::Join': [separator, [name, ref('env')]] }],
});

const PASSWORD_RULES: Record<string, string> = {
  'Requires Lowercase': 'RequireLowercase',
  'Requires Uppercase': 'RequireUppercase',
  'Requires Numbers': 'RequireNumbers',
  'Requires Symbols': 'RequireSymbols',
};

/** Whether the user pool sends SMS (MFA by SMS or phone verification), which needs the SNS role. */
export function usesSms(config: CognitoConfig): boolean {
  return (config.mfaConfiguration !== 'OFF' && config.mfaTypes.includes('SMS Text Message')) || config.autoVerifiedAttributes.includes('phone_number');
}

/**
 * The `build/parameters.json` of an auth resource in the original's full shape: every cognitoConfig answer, the
 * names it derives from them, and the keys its own template generator and other categories read (storage's guest
 * access reads `authSelections` and `allowUnauthenticatedIdentities`), so the original can extend a project made
 * here. The stack receives only the parameters its template declares.
 */
export function authParameters(config: CognitoConfig): Record<string, unknown> {
  const parameters: Record<string, unknown> = {
    ...derivedCognitoInputs(config),
    ...config,
    // Resolved by the root stack: the roles every identity of this project assumes.
    authRoleArn: { 'Fn::GetAtt': ['AuthRole', 'Arn'] },
    unauthRoleArn: { 'Fn::GetAtt': ['UnauthRole', 'Arn'] },
    breakCircularDependency: true,
    dependsOn: [],
    // JSON text, as the original keeps it. No auth triggers are configured by this walkthrough, and without
    // triggers the original leaves authTriggerConnections out: its auth update takes any value there (even "[]")
    // for connections and fails "Auth Trigger Connections must have value".
    triggers: '{}',
    permissions: [],
  };
  if (config.authSelections !== 'identityPoolAndUserPool') delete parameters.identityPoolName;
  if (!config.hostedUI) {
    delete parameters.hostedUIDomainName;
    delete parameters.oAuthMetadata;
  }
  return parameters;
}

/**
 * The keys the original derives from the answers and keeps in `cognitoConfig` of `cli-inputs.json` as well as in
 * `build/parameters.json`: its push regenerates the stack parameters from cli-inputs and needs them there.
 */
export function derivedCognitoInputs(config: CognitoConfig): Record<string, unknown> {
  const truncated = truncatedResourceName(config);
  return {
    resourceNameTruncated: truncated,
    defaultPasswordPolicy: config.passwordPolicyMinLength !== 8 || config.passwordPolicyCharacters.length > 0,
    aliasAttributes: [],
    userpoolClientLambdaRole: `${truncated}_userpoolclient_lambda_role`,
    userpoolClientSetAttributes: false,
    usernameCaseSensitive: false,
    thirdPartyAuth: config.authProviders.length > 0,
    adminQueries: false,
    useEnabledMfas: true,
  };
}

/** `<first 6 characters of the project part><sharedId>`, the original's prefix for role and policy names. */
function truncatedResourceName(config: CognitoConfig): string {
  const projectPart = config.resourceName.endsWith(config.sharedId) ? config.resourceName.slice(0, -config.sharedId.length) : config.resourceName;
  return `${projectPart.slice(0, 6)}${config.sharedId}`;
}

function userPoolProperties(config: CognitoConfig): Record<string, Json> {
  const passwordPolicy: Record<string, Json> = { MinimumLength: config.passwordPolicyMinLength };
  for (const [answer, property] of Object.entries(PASSWORD_RULES)) {
    passwordPolicy[property] = (config.passwordPolicyCharacters as string[]).includes(answer);
  }
  const properties: Record<string, Json> = {
    UserPoolName: withEnv(ref('userPoolName'), '-'),
    Policies: { PasswordPolicy: passwordPolicy },
    Schema: config.requiredAttributes.map((name) => ({ Name: name, Required: true, Mutable: true })),
    AutoVerifiedAttributes: config.autoVerifiedAttributes,
    MfaConfiguration: config.mfaConfiguration,
    UsernameConfiguration: { CaseSensitive: false },
  };
  if (config.usernameAttributes.length > 0) properties.UsernameAttributes = config.usernameAttributes;
  if (config.autoVerifiedAttributes.length > 0) {
    properties.UserAttributeUpdateSettings = { AttributesRequireVerificationBeforeUpdate: config.autoVerifiedAttributes };
  }
  if (config.autoVerifiedAttributes.includes('email')) {
    properties.EmailVerificationMessage = config.emailVerificationMessage;
    properties.EmailVerificationSubject = config.emailVerificationSubject;
  }
  if (config.mfaConfiguration !== 'OFF') {
    const enabled: string[] = [];
    if (config.mfaTypes.includes('SMS Text Message')) enabled.push('SMS_MFA');
    if (config.mfaTypes.includes('TOTP')) enabled.push('SOFTWARE_TOKEN_MFA');
    properties.EnabledMfas = enabled;
    if (config.mfaTypes.includes('SMS Text Message')) properties.SmsAuthenticationMessage = config.smsAuthenticationMessage;
  }
  if (usesSms(config)) {
    properties.SmsVerificationMessage = config.smsVerificationMessage;
    properties.SmsConfiguration = { ExternalId: `${config.resourceName}_role_external_id`, SnsCallerArn: getAtt('SNSRole', 'Arn') };
  }
  return properties;
}

function clientProperties(config: CognitoConfig, name: string, web: boolean): Record<string, Json> {
  const properties: Record<string, Json> = {
    UserPoolId: ref('UserPool'),
    ClientName: name,
    RefreshTokenValidity: config.userpoolClientRefreshTokenValidity,
    TokenValidityUnits: { RefreshToken: 'days' },
    ReadAttributes: config.userpoolClientReadAttributes,
    WriteAttributes: config.userpoolClientWriteAttributes,
  };
  // The web client runs in browsers, which cannot keep a secret.
  if (!web) properties.GenerateSecret = config.userpoolClientGenerateSecret;
  const oauth = parseOAuthMetadata(config);
  if (config.hostedUI && oauth) {
    properties.AllowedOAuthFlowsUserPoolClient = true;
    properties.AllowedOAuthFlows = oauth.AllowedOAuthFlows;
    properties.AllowedOAuthScopes = oauth.AllowedOAuthScopes;
    properties.CallbackURLs = oauth.CallbackURLs;
    properties.LogoutURLs = oauth.LogoutURLs;
    properties.SupportedIdentityProviders = [...config.authProvidersUserPool, 'COGNITO'];
  }
  return properties;
}

/**
 * The CloudFormation template of an auth resource, generated from its answers: user pool (with
 * an SNS role when it sends SMS), web and native app clients, the hosted UI domain and its social identity
 * providers, the identity pool and its attachment to the root stack's AuthRole/UnauthRole.
 *
 * Deliberate differences: the hosted UI domain and the social providers are the native `UserPoolDomain` /
 * `UserPoolIdentityProvider` resources instead of the original's Lambda-backed custom resources, and MFA is set
 * with `EnabledMfas` (the original's `useEnabledMfas` feature flag on).
 */
export function authTemplate(config: CognitoConfig): CfnTemplate {
  const withIdentityPool = config.authSelections === 'identityPoolAndUserPool';
  const parameters: CfnTemplate['Parameters'] = {
    env: { Type: 'String' },
    resourceName: { Type: 'String' },
    userPoolName: { Type: 'String' },
    authRoleArn: { Type: 'String' },
    unauthRoleArn: { Type: 'String' },
  };
  const resources: CfnTemplate['Resources'] = {};
  const outputs: CfnTemplate['Outputs'] = {};

  if (usesSms(config)) {
    resources.SNSRole = {
      Type: 'AWS::IAM::Role',
      Properties: {
        RoleName: withEnv(`sns${config.sharedId}`, '-'),
        AssumeRolePolicyDocument: {
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Allow',
              Principal: { Service: 'cognito-idp.amazonaws.com' },
              Action: ['sts:AssumeRole'],
              Condition: { StringEquals: { 'sts:ExternalId': `${config.resourceName}_role_external_id` } },
            },
          ],
        },
        Policies: [
          {
            PolicyName: `${config.resourceName}-sns-policy`,
            PolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['sns:Publish'], Resource: '*' }] },
          },
        ],
      },
    };
    outputs.CreatedSNSRole = { Value: getAtt('SNSRole', 'Arn'), Description: 'role arn' };
  }

  resources.UserPool = { Type: 'AWS::Cognito::UserPool', Properties: userPoolProperties(config) };
  if (usesSms(config)) resources.UserPool.DependsOn = ['SNSRole'];

  const providerIds: string[] = [];
  for (const provider of config.authProvidersUserPool) {
    const { prefix, scopes, attributes } = USER_POOL_PROVIDERS[provider];
    const idParameter = `${prefix}AppIdUserPool`;
    const secretParameter = `${prefix}AppSecretUserPool`;
    parameters[idParameter] = { Type: 'String' };
    parameters[secretParameter] = { Type: 'String', NoEcho: true };
    const logicalId = `HostedUI${provider}Provider`;
    providerIds.push(logicalId);
    resources[logicalId] = {
      Type: 'AWS::Cognito::UserPoolIdentityProvider',
      Properties: {
        UserPoolId: ref('UserPool'),
        ProviderName: provider,
        ProviderType: provider,
        ProviderDetails: { client_id: ref(idParameter), client_secret: ref(secretParameter), authorize_scopes: scopes },
        AttributeMapping: attributes,
      },
    };
  }

  const clientPrefix = config.resourceName.slice(0, 6) + config.sharedId;
  resources.UserPoolClientWeb = { Type: 'AWS::Cognito::UserPoolClient', Properties: clientProperties(config, `${clientPrefix}_app_clientWeb`, true) };
  resources.UserPoolClient = { Type: 'AWS::Cognito::UserPoolClient', Properties: clientProperties(config, `${clientPrefix}_app_client`, false) };
  if (providerIds.length > 0) {
    resources.UserPoolClientWeb.DependsOn = providerIds;
    resources.UserPoolClient.DependsOn = providerIds;
  }

  if (config.hostedUI && config.hostedUIDomainName) {
    parameters.hostedUIDomainName = { Type: 'String' };
    resources.UserPoolDomain = {
      Type: 'AWS::Cognito::UserPoolDomain',
      Properties: { UserPoolId: ref('UserPool'), Domain: withEnv(ref('hostedUIDomainName'), '-') },
    };
    outputs.HostedUIDomain = { Value: withEnv(ref('hostedUIDomainName'), '-') };
    if (config.oAuthMetadata) outputs.OAuthMetadata = { Value: config.oAuthMetadata };
  }

  if (withIdentityPool) {
    parameters.identityPoolName = { Type: 'String' };
    const supportedLoginProviders: Record<string, Json> = {};
    for (const domain of config.authProviders) {
      const { idKey, output } = IDENTITY_PROVIDERS[domain];
      parameters[idKey] = { Type: 'String' };
      supportedLoginProviders[domain] = ref(idKey);
      outputs[output] = { Value: ref(idKey) };
    }
    const providerName = { 'Fn::Sub': ['cognito-idp.${AWS::Region}.amazonaws.com/${client}', { client: ref('UserPool') }] };
    const identityPool: Record<string, Json> = {
      IdentityPoolName: withEnv(ref('identityPoolName'), '__'),
      AllowUnauthenticatedIdentities: config.allowUnauthenticatedIdentities,
      CognitoIdentityProviders: [
        { ClientId: ref('UserPoolClient'), ProviderName: providerName },
        { ClientId: ref('UserPoolClientWeb'), ProviderName: providerName },
      ],
    };
    if (Object.keys(supportedLoginProviders).length > 0) identityPool.SupportedLoginProviders = supportedLoginProviders;
    resources.IdentityPool = { Type: 'AWS::Cognito::IdentityPool', Properties: identityPool };
    const roleMap: Record<string, Json> = {
      IdentityPoolId: ref('IdentityPool'),
      Roles: { authenticated: ref('authRoleArn'), unauthenticated: ref('unauthRoleArn') },
    };
    if (config.userPoolGroups) {
      // Group members get their group's role from the token.
      const mapping = (client: string): Json => ({
        IdentityProvider: { 'Fn::Sub': ['cognito-idp.${AWS::Region}.amazonaws.com/${pool}:${client}', { pool: ref('UserPool'), client: ref(client) }] },
        Type: 'Token',
        AmbiguousRoleResolution: 'AuthenticatedRole',
      });
      roleMap.RoleMappings = { UserPoolClientRoleMapping: mapping('UserPoolClient'), UserPoolWebClientRoleMapping: mapping('UserPoolClientWeb') };
    }
    resources.IdentityPoolRoleMap = { Type: 'AWS::Cognito::IdentityPoolRoleAttachment', Properties: roleMap };
    outputs.IdentityPoolId = { Value: ref('IdentityPool'), Description: 'Id for the identity pool' };
    outputs.IdentityPoolName = { Value: getAtt('IdentityPool', 'Name') };
  }

  outputs.UserPoolId = { Value: ref('UserPool'), Description: 'Id for the user pool' };
  outputs.UserPoolArn = { Value: getAtt('UserPool', 'Arn'), Description: 'Arn for the user pool' };
  outputs.UserPoolName = { Value: withEnv(ref('userPoolName'), '-') };
  outputs.AppClientIDWeb = { Value: ref('UserPoolClientWeb'), Description: 'The user pool app client id for web' };
  outputs.AppClientID = { Value: ref('UserPoolClient'), Description: 'The user pool app client id' };
  if (config.userpoolClientGenerateSecret) outputs.AppClientSecret = { Value: getAtt('UserPoolClient', 'ClientSecret') };

  return {
    AWSTemplateFormatVersion: '2010-09-09',
    Description: 'Amplify Cognito Stack for AWS Amplify CLI',
    Parameters: parameters,
    Conditions: { ShouldNotCreateEnvResources: { 'Fn::Equals': [ref('env'), 'NONE'] } },
    Resources: resources,
    Outputs: outputs,
  };
}
