import type { CloudFormationClientConfig } from '@aws-sdk/client-cloudformation';

/** Static keys or a provider function, as every SDK v3 client accepts them. */
export type AwsCredentials = NonNullable<CloudFormationClientConfig['credentials']>;

/**
 * Everything a client needs to reach one account and region: resolved once per command from the env's
 * credential settings (credentials.ts) and handed to the client factory.
 */
export interface AwsTarget {
  region: string;
  /** `undefined` leaves the choice to the SDK's default chain (environment, profile, SSO, instance roles). */
  credentials?: AwsCredentials;
  /**
   * An explicit endpoint (the local cloud). When absent, the client factory applies `AWS_ENDPOINT_URL` and
   * `AWS_ENDPOINT_URL_<SERVICE>` from its env, which is how LocalStack-style endpoints reach every level.
   */
  endpoint?: string;
  /** True when this target is the embedded local cloud: consoles print the endpoint instead of AWS URLs. */
  local?: boolean;
}
