import type { CognitoResources, DeployedResource } from '../contracts';
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

/**
 * Puts every Cognito resource the stacks hold into the Cognito services, parents first. Run at start-up: puts are
 * idempotent, and it adopts pools deployed before the local cloud served Cognito (or whose data was lost). A client,
 * group or role attachment whose pool no stack holds is left out, as its pool's deletion took it away.
 */
export async function adoptDeclaredCognitoResources(declared: (type: string) => DeployedResource[], cognito: CognitoResources): Promise<void> {
  const text = (value: unknown) => String(value ?? '');
  const userPools = declared('AWS::Cognito::UserPool');
  const userPoolIds = new Set(userPools.map((pool) => pool.physicalId));
  const inUserPool = (resource: DeployedResource) => userPoolIds.has(text(resource.properties.UserPoolId));
  await Promise.all(userPools.map((pool) => cognito.putUserPool(pool.physicalId, pool.region, pool.properties)));
  for (const client of declared('AWS::Cognito::UserPoolClient').filter(inUserPool)) {
    const secret = client.properties.GenerateSecret === true || client.properties.GenerateSecret === 'true' ? text(client.attributes.ClientSecret) : undefined;
    cognito.putUserPoolClient(text(client.properties.UserPoolId), client.physicalId, client.properties, secret);
  }
  for (const group of declared('AWS::Cognito::UserPoolGroup').filter(inUserPool)) {
    cognito.putUserPoolGroup(text(group.properties.UserPoolId), group.physicalId, group.properties);
  }
  const identityPools = declared('AWS::Cognito::IdentityPool');
  const identityPoolIds = new Set(identityPools.map((pool) => pool.physicalId));
  for (const pool of identityPools) cognito.putIdentityPool(pool.physicalId, pool.region, pool.properties);
  for (const attachment of declared('AWS::Cognito::IdentityPoolRoleAttachment')) {
    if (identityPoolIds.has(text(attachment.properties.IdentityPoolId))) {
      cognito.putIdentityPoolRoles(attachment.physicalId, text(attachment.properties.IdentityPoolId), attachment.properties);
    }
  }
}
