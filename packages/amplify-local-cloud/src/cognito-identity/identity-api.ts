import type { JsonServiceDefinition } from '../cognito/json-service';
import type { IdentityPoolService } from './identity-pool-service';

/** The X-Amz-Target prefix of the identity pools API. */
export const IDENTITY_POOLS_TARGET = 'AWSCognitoIdentityService';

/** The identity pools API (`cognito-identity`): the calls apps make, unsigned, to get AWS credentials. */
export function identityPoolsApi(service: IdentityPoolService): JsonServiceDefinition {
  return {
    targetPrefix: IDENTITY_POOLS_TARGET,
    publicOperations: {
      GetId: (input) => service.getId(input),
      GetCredentialsForIdentity: (input) => service.getCredentialsForIdentity(input),
      GetOpenIdToken: (input) => service.getOpenIdToken(input),
    },
    adminOperations: {},
    refuseAdmin: () => undefined,
  };
}
