/** Builds a `TransformInput` for tests: one `schema.graphql`, API key by default, other modes by name. */
import type { AuthenticationType, TransformerFeatureFlags, TransformInput } from '../../transform-types';

export const API_KEY: AuthenticationType = 'API_KEY';
export const USER_POOLS: AuthenticationType = 'AMAZON_COGNITO_USER_POOLS';
export const IAM: AuthenticationType = 'AWS_IAM';
export const OIDC: AuthenticationType = 'OPENID_CONNECT';
export const LAMBDA: AuthenticationType = 'AWS_LAMBDA';

export interface InputOptions {
  modes?: AuthenticationType[];
  flags?: Partial<TransformerFeatureFlags>;
  dataStore?: boolean;
}

export function schemaInput(text: string, options: InputOptions = {}): TransformInput {
  const [defaultMode, ...additional] = options.modes ?? [API_KEY];
  const provider = (authenticationType: AuthenticationType) =>
    authenticationType === OIDC
      ? { authenticationType, openIDConnectConfig: { issuerUrl: 'https://issuer.example.com/' } }
      : authenticationType === LAMBDA
        ? { authenticationType, lambdaAuthorizerConfig: { lambdaFunction: 'authorizer' } }
        : { authenticationType };
  return {
    sources: [{ path: 'schema.graphql', text }],
    authConfig: { defaultAuthentication: provider(defaultMode), additionalAuthenticationProviders: additional.map(provider) },
    ...(options.flags ? { featureFlags: options.flags } : {}),
    ...(options.dataStore
      ? { transformConfig: { Version: 5, ResolverConfig: { project: { ConflictHandler: 'AUTOMERGE', ConflictDetection: 'VERSION' } } } }
      : {}),
  };
}
