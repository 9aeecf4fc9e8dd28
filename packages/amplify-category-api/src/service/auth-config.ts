import type { ApiAuthConfig, AuthProviderConfig, AuthType } from './api-types';

/** Drops keys whose value is undefined, as the original's mapping does. */
function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** One headless auth type as an `authConfig` entry (reference §2.2). */
export function authProviderOf(authType: AuthType): AuthProviderConfig {
  switch (authType.mode) {
    case 'API_KEY':
      return {
        authenticationType: 'API_KEY',
        apiKeyConfig: defined({ apiKeyExpirationDays: authType.expirationTime, apiKeyExpirationDate: authType.apiKeyExpirationDate, description: authType.keyDescription }),
      };
    case 'AWS_IAM':
      return { authenticationType: 'AWS_IAM' };
    case 'AMAZON_COGNITO_USER_POOLS':
      return { authenticationType: 'AMAZON_COGNITO_USER_POOLS', userPoolConfig: defined({ userPoolId: authType.cognitoUserPoolId }) };
    case 'OPENID_CONNECT':
      return {
        authenticationType: 'OPENID_CONNECT',
        openIDConnectConfig: defined({
          name: authType.openIDProviderName,
          issuerUrl: authType.openIDIssuerURL,
          clientId: authType.openIDClientID,
          authTTL: authType.openIDAuthTTL,
          iatTTL: authType.openIDIatTTL,
        }),
      };
    case 'AWS_LAMBDA':
      return { authenticationType: 'AWS_LAMBDA', lambdaAuthorizerConfig: defined({ lambdaFunction: authType.lambdaFunction, ttlSeconds: authType.ttlSeconds }) };
  }
}

export function authConfigOf(defaultAuthType: AuthType, additionalAuthTypes: AuthType[] = []): ApiAuthConfig {
  return { defaultAuthentication: authProviderOf(defaultAuthType), additionalAuthenticationProviders: additionalAuthTypes.map(authProviderOf) };
}

/** The modes of an API, the default first. */
export function authModesOf(defaultAuthType: AuthType, additionalAuthTypes: AuthType[] = []): AuthType['mode'][] {
  return [defaultAuthType, ...additionalAuthTypes].map((t) => t.mode);
}

export const AUTH_MODE_NAMES: Record<AuthType['mode'], string> = {
  API_KEY: 'API key',
  AMAZON_COGNITO_USER_POOLS: 'Amazon Cognito User Pool',
  AWS_IAM: 'IAM',
  OPENID_CONNECT: 'OpenID Connect',
  AWS_LAMBDA: 'Lambda',
};
