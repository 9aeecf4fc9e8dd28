import type { CognitoResources } from '../contracts';
import type { IdentityPoolService } from '../cognito-identity/identity-pool-service';
import type { UserPoolService } from './user-pool-service';

/** Where the CloudFormation engine puts the Cognito resources stacks declare: the two Cognito services. */
export function cognitoResources(userPools: UserPoolService, identityPools: IdentityPoolService): CognitoResources {
  return {
    putUserPool: (poolId, region, properties) => userPools.putUserPool(poolId, region, properties),
    deleteUserPool: (poolId) => userPools.deleteUserPool(poolId),
    putUserPoolClient: (poolId, clientId, properties, secret) => userPools.putUserPoolClient(poolId, clientId, properties, secret),
    deleteUserPoolClient: (clientId) => userPools.deleteUserPoolClient(clientId),
    putUserPoolGroup: (poolId, groupName, properties) => userPools.putUserPoolGroup(poolId, groupName, properties),
    deleteUserPoolGroup: (poolId, groupName) => userPools.deleteUserPoolGroup(poolId, groupName),
    putIdentityPool: (poolId, region, properties) => identityPools.putIdentityPool(poolId, region, properties),
    deleteIdentityPool: (poolId) => identityPools.deleteIdentityPool(poolId),
    putIdentityPoolRoles: (attachmentId, poolId, properties) => identityPools.putRoleAttachment(attachmentId, poolId, properties),
    deleteIdentityPoolRoles: (attachmentId) => identityPools.deleteRoleAttachment(attachmentId),
  };
}
