import { randomUUID } from 'crypto';
import type { CognitoConfig } from './cognito-config';

export const ALL_OAUTH_SCOPES = ['phone', 'email', 'openid', 'profile', 'aws.cognito.signin.user.admin'];

/** Names and settings of a new auth resource, from the project name and a fresh shared id. */
export function cognitoDefaults(projectName: string, sharedId: string = randomUUID().replace(/-/g, '').slice(0, 8)): CognitoConfig {
  // The add handler strips the project name to alphanumerics first, so every derived name passes its rule.
  const project = projectName.replace(/[^A-Za-z0-9]/g, '').toLowerCase().slice(0, 100) || 'amplify';
  return {
    serviceName: 'Cognito',
    resourceName: `${project}${sharedId}`,
    sharedId,
    useDefault: 'default',
    authSelections: 'identityPoolAndUserPool',
    userPoolName: `${project}_userpool_${sharedId}`,
    identityPoolName: `${project}_identitypool_${sharedId}`,
    allowUnauthenticatedIdentities: false,
    authProviders: [],
    usernameAttributes: [],
    requiredAttributes: ['email'],
    userPoolGroups: false,
    userPoolGroupList: [],
    mfaConfiguration: 'OFF',
    mfaTypes: ['SMS Text Message'],
    smsAuthenticationMessage: 'Your authentication code is {####}',
    autoVerifiedAttributes: ['email'],
    emailVerificationSubject: 'Your verification code',
    emailVerificationMessage: 'Your verification code is {####}',
    smsVerificationMessage: 'Your verification code is {####}',
    passwordPolicyMinLength: 8,
    passwordPolicyCharacters: [],
    userpoolClientGenerateSecret: false,
    userpoolClientRefreshTokenValidity: 30,
    userpoolClientReadAttributes: ['email'],
    userpoolClientWriteAttributes: ['email'],
    hostedUI: false,
    authProvidersUserPool: [],
  };
}

/**
 * `<project>-<sharedId>` with what a domain prefix may not hold removed: upper case, other
 * characters than letters, digits and hyphens, and the reserved words aws, amazon and cognito.
 */
export function defaultHostedUIDomain(config: Pick<CognitoConfig, 'resourceName' | 'sharedId'>): string {
  const { resourceName, sharedId } = config;
  const project = resourceName.endsWith(sharedId) ? resourceName.slice(0, -sharedId.length) : resourceName;
  const domain = `${project}-${sharedId}`.toLowerCase().replace(/[^a-z0-9-]/g, '').replace(/aws|amazon|cognito/g, '');
  return domain.replace(/^-+|-+$/g, '').slice(0, 63);
}
