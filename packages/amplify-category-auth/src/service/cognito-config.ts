/** Identity-pool federation providers (domain -> the env-specific app id key that holds its client id). */
export const IDENTITY_PROVIDERS = {
  'graph.facebook.com': { name: 'Facebook', idKey: 'facebookAppId', output: 'FacebookWebClient', headless: 'FACEBOOK' },
  'accounts.google.com': { name: 'Google', idKey: 'googleClientId', output: 'GoogleWebClient', headless: 'GOOGLE' },
  'www.amazon.com': { name: 'Amazon', idKey: 'amazonAppId', output: 'AmazonWebClient', headless: 'AMAZON' },
  'appleid.apple.com': { name: 'Apple', idKey: 'appleAppId', output: 'AppleWebClient', headless: 'APPLE' },
} as const;
export type IdentityProviderDomain = keyof typeof IDENTITY_PROVIDERS;

/** User-pool (hosted UI) social providers, as Cognito names them, with their env-specific credential keys. */
export const USER_POOL_PROVIDERS = {
  Facebook: { prefix: 'facebook', scopes: 'email,public_profile', attributes: { email: 'email', username: 'id' }, frontend: 'FACEBOOK', headless: 'FACEBOOK' },
  Google: { prefix: 'google', scopes: 'openid email profile', attributes: { email: 'email', username: 'sub' }, frontend: 'GOOGLE', headless: 'GOOGLE' },
  LoginWithAmazon: { prefix: 'loginwithamazon', scopes: 'profile profile:user_id', attributes: { email: 'email', username: 'user_id' }, frontend: 'AMAZON', headless: 'LOGIN_WITH_AMAZON' },
} as const;
export type UserPoolProvider = keyof typeof USER_POOL_PROVIDERS;

export type AuthSelections = 'identityPoolAndUserPool' | 'userPoolOnly';
export type MfaConfiguration = 'OFF' | 'ON' | 'OPTIONAL';
export type PasswordCharacter = 'Requires Lowercase' | 'Requires Uppercase' | 'Requires Numbers' | 'Requires Symbols';

export interface OAuthMetadata {
  AllowedOAuthFlows: string[];
  AllowedOAuthScopes: string[];
  CallbackURLs: string[];
  LogoutURLs: string[];
}

/**
 * `cognitoConfig` of `cli-inputs.json`: the answers that describe an auth resource. Client
 * ids and secrets of social providers are env-specific and live in team-provider-info instead.
 */
export interface CognitoConfig {
  serviceName: 'Cognito';
  resourceName: string;
  sharedId: string;
  useDefault: 'default' | 'defaultSocial' | 'manual';
  authSelections: AuthSelections;
  userPoolName: string;
  identityPoolName?: string;
  allowUnauthenticatedIdentities: boolean;
  /** Identity-pool federation providers (domains). */
  authProviders: IdentityProviderDomain[];
  usernameAttributes: string[];
  requiredAttributes: string[];
  userPoolGroups: boolean;
  userPoolGroupList: string[];
  mfaConfiguration: MfaConfiguration;
  mfaTypes: string[];
  smsAuthenticationMessage: string;
  autoVerifiedAttributes: string[];
  emailVerificationSubject: string;
  emailVerificationMessage: string;
  smsVerificationMessage: string;
  passwordPolicyMinLength: number;
  passwordPolicyCharacters: PasswordCharacter[];
  userpoolClientGenerateSecret: boolean;
  userpoolClientRefreshTokenValidity: number;
  userpoolClientReadAttributes: string[];
  userpoolClientWriteAttributes: string[];
  hostedUI: boolean;
  hostedUIDomainName?: string;
  /** JSON text of `OAuthMetadata` when the hosted UI is on (the original keeps it as a string). */
  oAuthMetadata?: string;
  authProvidersUserPool: UserPoolProvider[];
}

export const STANDARD_ATTRIBUTES = [
  'address',
  'birthdate',
  'email',
  'family_name',
  'middle_name',
  'gender',
  'locale',
  'given_name',
  'name',
  'nickname',
  'phone_number',
  'preferred_username',
  'picture',
  'profile',
  'updated_at',
  'website',
  'zoneinfo',
] as const;

/** The env-specific parameter keys a config needs values for (team-provider-info). */
export function envParameterKeys(config: Pick<CognitoConfig, 'authProviders' | 'authProvidersUserPool'>): string[] {
  const keys = config.authProviders.map((domain) => IDENTITY_PROVIDERS[domain].idKey as string);
  for (const provider of config.authProvidersUserPool) {
    const { prefix } = USER_POOL_PROVIDERS[provider];
    keys.push(`${prefix}AppIdUserPool`, `${prefix}AppSecretUserPool`);
  }
  return keys;
}

export function parseOAuthMetadata(config: Pick<CognitoConfig, 'oAuthMetadata'>): OAuthMetadata | undefined {
  return config.oAuthMetadata ? (JSON.parse(config.oAuthMetadata) as OAuthMetadata) : undefined;
}
