import { USER_POOL_PROVIDERS, type CognitoConfig } from './cognito-config';

/** `frontendAuthConfig` of the meta entry, which the frontends turn into aws-exports keys. */
export function frontendAuthConfig(config: CognitoConfig): Record<string, unknown> {
  return {
    socialProviders: config.authProvidersUserPool.map((provider) => USER_POOL_PROVIDERS[provider].frontend),
    usernameAttributes: config.usernameAttributes.map((a) => a.toUpperCase()),
    signupAttributes: config.requiredAttributes.map((a) => a.toUpperCase()),
    passwordProtectionSettings: {
      passwordPolicyMinLength: config.passwordPolicyMinLength,
      passwordPolicyCharacters: config.passwordPolicyCharacters.map((c) => c.toUpperCase().replace(/ /g, '_')),
    },
    mfaConfiguration: config.mfaConfiguration,
    mfaTypes: config.mfaTypes.map((t) => (t === 'SMS Text Message' ? 'SMS' : 'TOTP')),
    verificationMechanisms: config.autoVerifiedAttributes.map((a) => a.toUpperCase()),
  };
}
