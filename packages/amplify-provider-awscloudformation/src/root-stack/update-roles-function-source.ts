/**
 * The inline Node.js code of `UpdateRolesWithIDPFunction`, the custom resource that makes the root stack's
 * AuthRole and UnauthRole trust the project's identity pool, as the original's root stack does once auth adds a
 * pool. The roles are created with a Deny trust policy because the pool does not exist yet when the root stack does.
 *
 * Create/Update: each role trusts `cognito-identity.amazonaws.com` for that pool (`aud`), the auth role for
 * authenticated identities and the unauth role for guests (`amr`). Delete: a role that still trusts that pool goes
 * back to the Deny policy; a role that trusts another pool by then (auth replaced) is left alone. The physical id
 * never changes, so an identity pool change is an update and never a replacement (whose Delete would undo it).
 *
 * It needs only what every Node.js Lambda runtime offers: the AWS SDK v3 IAM client and `fetch`.
 */
export const UPDATE_ROLES_FUNCTION_SOURCE = `'use strict';
const { IAMClient, GetRoleCommand, UpdateAssumeRolePolicyCommand } = require('@aws-sdk/client-iam');

const FEDERATED = 'cognito-identity.amazonaws.com';
const DENY = {
  Version: '2012-10-17',
  Statement: [{ Sid: '', Effect: 'Deny', Principal: { Federated: FEDERATED }, Action: 'sts:AssumeRoleWithWebIdentity' }],
};

function trustPolicy(identityPoolId, amr) {
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: { Federated: FEDERATED },
        Action: 'sts:AssumeRoleWithWebIdentity',
        Condition: {
          StringEquals: { 'cognito-identity.amazonaws.com:aud': identityPoolId },
          'ForAnyValue:StringLike': { 'cognito-identity.amazonaws.com:amr': amr },
        },
      },
    ],
  };
}

async function trustsPool(iam, roleName, identityPoolId) {
  try {
    const { Role } = await iam.send(new GetRoleCommand({ RoleName: roleName }));
    // IAM returns policy documents URL-encoded.
    return decodeURIComponent((Role && Role.AssumeRolePolicyDocument) || '').includes(identityPoolId);
  } catch (error) {
    if (error.name === 'NoSuchEntityException' || error.name === 'NoSuchEntity') return false;
    throw error;
  }
}

async function setTrust(iam, roleName, document) {
  await iam.send(new UpdateAssumeRolePolicyCommand({ RoleName: roleName, PolicyDocument: JSON.stringify(document) }));
}

async function respond(event, context, status, physicalResourceId, reason) {
  const body = JSON.stringify({
    Status: status,
    Reason: reason || 'See the details in CloudWatch Log Stream: ' + context.logStreamName,
    PhysicalResourceId: physicalResourceId,
    StackId: event.StackId,
    RequestId: event.RequestId,
    LogicalResourceId: event.LogicalResourceId,
    Data: {},
  });
  const response = await fetch(event.ResponseURL, { method: 'PUT', headers: { 'content-type': '' }, body });
  if (!response.ok) throw new Error('CloudFormation did not accept the response: HTTP ' + response.status);
}

exports.handler = async (event, context) => {
  const properties = event.ResourceProperties || {};
  const physicalResourceId = event.PhysicalResourceId || 'UpdateRolesWithIDP-' + properties.authRoleName;
  const roles = [
    [properties.authRoleName, 'authenticated'],
    [properties.unauthRoleName, 'unauthenticated'],
  ];
  let status = 'SUCCESS';
  let reason;
  try {
    const iam = new IAMClient({ region: properties.region || process.env.AWS_REGION });
    if (event.RequestType === 'Delete') {
      for (const [roleName] of roles) {
        if (await trustsPool(iam, roleName, properties.idpId)) await setTrust(iam, roleName, DENY);
      }
    } else {
      if (!properties.idpId) throw new Error('The identity pool id (idpId) is missing');
      for (const [roleName, amr] of roles) await setTrust(iam, roleName, trustPolicy(properties.idpId, amr));
    }
  } catch (error) {
    console.error(error);
    // A failed reset must not make the stack undeletable: the pool the roles trusted is being deleted with it.
    if (event.RequestType !== 'Delete') {
      status = 'FAILED';
      reason = 'Updating the trust policies of ' + properties.authRoleName + ' and ' + properties.unauthRoleName + ' failed: ' + (error && error.message);
    }
  }
  await respond(event, context, status, physicalResourceId, reason);
};
`;
