import { IDENTITY_PROVIDERS, USER_POOL_PROVIDERS, type CognitoConfig, type IdentityProviderDomain, type OAuthMetadata, type PasswordCharacter, type UserPoolProvider } from './cognito-config';
import { defaultHostedUIDomain } from './cognito-defaults';
import type { AuthAnswers } from './auth-walkthrough';

type Attribute = string;
interface SocialProviderConfiguration {
  provider: 'FACEBOOK' | 'GOOGLE' | 'LOGIN_WITH_AMAZON';
  clientId: string;
  clientSecret: string;
}
interface OAuth {
  domainPrefix?: string;
  redirectSigninURIs?: string[];
  redirectSignoutURIs?: string[];
  oAuthGrantType?: 'CODE' | 'IMPLICIT';
  oAuthScopes?: string[];
  socialProviderConfigurations?: SocialProviderConfiguration[];
}
interface SharedUserPool {
  userPoolGroups?: Array<{ groupName: string }>;
  mfa?: { mode: 'OFF' | 'ON' | 'OPTIONAL'; mfaTypes?: Array<'SMS' | 'TOTP'>; smsMessage?: string };
  passwordPolicy?: { minimumLength?: number; additionalConstraints?: string[] };
  refreshTokenPeriod?: number;
  readAttributes?: Attribute[];
  writeAttributes?: Attribute[];
  autoVerifiedAttributes?: Array<{ type: 'EMAIL' | 'PHONE_NUMBER'; verificationMessage?: string; verificationSubject?: string }>;
  oAuth?: OAuth;
}
interface IdentityPool {
  identityPoolName?: string;
  unauthenticatedLogin?: boolean;
  identitySocialFederation?: Array<{ provider: 'FACEBOOK' | 'GOOGLE' | 'AMAZON' | 'APPLE'; clientId: string }>;
}

/** The original's `AddAuthRequest` version 2, as validated by `addAuthRequestSchema`. */
export interface AddAuthRequest {
  version: 2;
  resourceName?: string;
  serviceConfiguration: {
    serviceName: 'Cognito';
    includeIdentityPool: boolean;
    userPoolConfiguration: SharedUserPool & {
      signinMethod: 'USERNAME' | 'EMAIL' | 'PHONE_NUMBER' | 'EMAIL_AND_PHONE_NUMBER';
      requiredSignupAttributes: Attribute[];
      userPoolName?: string;
    };
    identityPoolConfiguration?: IdentityPool;
  };
}

/** The original's `UpdateAuthRequest` version 2. */
export interface UpdateAuthRequest {
  version: 2;
  serviceModification: {
    serviceName: 'Cognito';
    includeIdentityPool: boolean;
    userPoolModification: SharedUserPool;
    identityPoolModification?: Omit<IdentityPool, 'identityPoolName'>;
  };
}

/** Headless attribute names are upper-case; `ZONE_INFO` is Cognito's `zoneinfo`. */
const attributeName = (attribute: Attribute): string => (attribute === 'ZONE_INFO' ? 'zoneinfo' : attribute.toLowerCase());

const SIGNIN: Record<AddAuthRequest['serviceConfiguration']['userPoolConfiguration']['signinMethod'], string[]> = {
  USERNAME: [],
  EMAIL: ['email'],
  PHONE_NUMBER: ['phone_number'],
  EMAIL_AND_PHONE_NUMBER: ['email', 'phone_number'],
};
const PASSWORD: Record<string, PasswordCharacter> = {
  REQUIRE_LOWERCASE: 'Requires Lowercase',
  REQUIRE_UPPERCASE: 'Requires Uppercase',
  REQUIRE_DIGIT: 'Requires Numbers',
  REQUIRE_SYMBOL: 'Requires Symbols',
};

/** Applies the settings that add and update share onto `config`, collecting env-specific values. */
function applyUserPool(config: CognitoConfig, envParameters: Record<string, string>, pool: SharedUserPool): void {
  if (pool.userPoolGroups) config.userPoolGroupList = pool.userPoolGroups.map((g) => g.groupName);
  if (pool.mfa) {
    config.mfaConfiguration = pool.mfa.mode;
    if (pool.mfa.mode !== 'OFF') {
      config.mfaTypes = (pool.mfa.mfaTypes ?? []).map((t) => (t === 'SMS' ? 'SMS Text Message' : 'TOTP'));
      config.smsAuthenticationMessage = pool.mfa.smsMessage ?? config.smsAuthenticationMessage;
    }
  }
  if (pool.passwordPolicy) {
    config.passwordPolicyMinLength = pool.passwordPolicy.minimumLength ?? config.passwordPolicyMinLength;
    config.passwordPolicyCharacters = (pool.passwordPolicy.additionalConstraints ?? []).map((c) => PASSWORD[c]);
  }
  if (pool.refreshTokenPeriod !== undefined) config.userpoolClientRefreshTokenValidity = pool.refreshTokenPeriod;
  if (pool.readAttributes) config.userpoolClientReadAttributes = pool.readAttributes.map(attributeName);
  if (pool.writeAttributes) config.userpoolClientWriteAttributes = pool.writeAttributes.map(attributeName);
  if (pool.autoVerifiedAttributes) {
    config.autoVerifiedAttributes = pool.autoVerifiedAttributes.map((a) => a.type.toLowerCase());
    for (const attribute of pool.autoVerifiedAttributes) {
      if (attribute.type === 'EMAIL') {
        config.emailVerificationMessage = attribute.verificationMessage ?? config.emailVerificationMessage;
        config.emailVerificationSubject = attribute.verificationSubject ?? config.emailVerificationSubject;
      } else {
        config.smsVerificationMessage = attribute.verificationMessage ?? config.smsVerificationMessage;
      }
    }
  }
  if (pool.oAuth) {
    const previous: Partial<OAuthMetadata> = config.oAuthMetadata ? (JSON.parse(config.oAuthMetadata) as OAuthMetadata) : {};
    config.hostedUI = true;
    config.hostedUIDomainName = pool.oAuth.domainPrefix ?? config.hostedUIDomainName ?? defaultHostedUIDomain(config);
    const metadata: OAuthMetadata = {
      AllowedOAuthFlows: pool.oAuth.oAuthGrantType ? [pool.oAuth.oAuthGrantType === 'CODE' ? 'code' : 'implicit'] : (previous.AllowedOAuthFlows ?? ['code']),
      AllowedOAuthScopes: pool.oAuth.oAuthScopes?.map((s) => (s === 'AWS.COGNITO.SIGNIN.USER.ADMIN' ? 'aws.cognito.signin.user.admin' : s.toLowerCase())) ?? previous.AllowedOAuthScopes ?? [],
      CallbackURLs: pool.oAuth.redirectSigninURIs ?? previous.CallbackURLs ?? [],
      LogoutURLs: pool.oAuth.redirectSignoutURIs ?? previous.LogoutURLs ?? [],
    };
    config.oAuthMetadata = JSON.stringify(metadata);
    if (pool.oAuth.socialProviderConfigurations) {
      config.authProvidersUserPool = [];
      for (const social of pool.oAuth.socialProviderConfigurations) {
        const [provider, p] = Object.entries(USER_POOL_PROVIDERS).find(([, candidate]) => candidate.headless === social.provider)!;
        config.authProvidersUserPool.push(provider as UserPoolProvider);
        envParameters[`${p.prefix}AppIdUserPool`] = social.clientId;
        envParameters[`${p.prefix}AppSecretUserPool`] = social.clientSecret;
      }
    }
  }
}

function applyIdentityPool(config: CognitoConfig, envParameters: Record<string, string>, includeIdentityPool: boolean, pool: IdentityPool | undefined): void {
  config.authSelections = includeIdentityPool ? 'identityPoolAndUserPool' : 'userPoolOnly';
  if (!includeIdentityPool) {
    delete config.identityPoolName;
    config.authProviders = [];
    config.allowUnauthenticatedIdentities = false;
    return;
  }
  if (pool?.identityPoolName) config.identityPoolName = pool.identityPoolName;
  if (pool?.unauthenticatedLogin !== undefined) config.allowUnauthenticatedIdentities = pool.unauthenticatedLogin;
  if (pool?.identitySocialFederation) {
    config.authProviders = [];
    for (const federation of pool.identitySocialFederation) {
      const [domain, p] = Object.entries(IDENTITY_PROVIDERS).find(([, candidate]) => candidate.headless === federation.provider)!;
      config.authProviders.push(domain as IdentityProviderDomain);
      envParameters[p.idKey] = federation.clientId;
    }
  }
}

/** Maps an `AddAuthRequest` onto the defaults of a new resource. */
export function fromAddAuthRequest(request: AddAuthRequest, defaults: CognitoConfig): AuthAnswers {
  const config: CognitoConfig = { ...defaults, useDefault: 'manual' };
  const envParameters: Record<string, string> = {};
  const pool = request.serviceConfiguration.userPoolConfiguration;
  if (request.resourceName) config.resourceName = request.resourceName;
  if (pool.userPoolName) config.userPoolName = pool.userPoolName;
  config.usernameAttributes = SIGNIN[pool.signinMethod];
  config.requiredAttributes = pool.requiredSignupAttributes.map(attributeName);
  applyUserPool(config, envParameters, pool);
  applyIdentityPool(config, envParameters, request.serviceConfiguration.includeIdentityPool, request.serviceConfiguration.identityPoolConfiguration);
  config.userPoolGroups = config.userPoolGroupList.length > 0;
  return { config, envParameters };
}

/** Applies an `UpdateAuthRequest` to an existing resource's settings; what it leaves out stays as it was. */
export function fromUpdateAuthRequest(request: UpdateAuthRequest, previous: CognitoConfig, previousEnv: Record<string, string>): AuthAnswers {
  const config: CognitoConfig = { ...previous };
  const envParameters = { ...previousEnv };
  const modification = request.serviceModification;
  applyUserPool(config, envParameters, modification.userPoolModification);
  // The identity pool keeps its name; without one yet, it gets the name the add would have given it.
  const identityPoolName = previous.identityPoolName ?? `${previous.resourceName}_identitypool_${previous.sharedId}`;
  applyIdentityPool(config, envParameters, modification.includeIdentityPool, { identityPoolName, ...modification.identityPoolModification });
  config.userPoolGroups = config.userPoolGroupList.length > 0;
  return { config, envParameters };
}
