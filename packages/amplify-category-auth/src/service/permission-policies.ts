import type { PermissionPolicies } from 'amplify-cli-core';

/** Cognito user pool actions a function may be granted per CRUD operation (the original's `getPermissionPolicies`). */
const USER_POOL_ACTIONS: Record<string, string[]> = {
  create: ['cognito-idp:AdminCreateUser', 'cognito-idp:AdminAddUserToGroup', 'cognito-idp:CreateGroup', 'cognito-idp:AdminConfirmSignUp', 'cognito-idp:AdminSetUserPassword', 'cognito-idp:AdminInitiateAuth', 'cognito-idp:AdminRespondToAuthChallenge'],
  read: ['cognito-idp:AdminGetUser', 'cognito-idp:ListUsers', 'cognito-idp:ListGroups', 'cognito-idp:ListUsersInGroup', 'cognito-idp:AdminListGroupsForUser', 'cognito-idp:GetGroup', 'cognito-idp:DescribeUserPool', 'cognito-idp:DescribeUserPoolClient'],
  update: ['cognito-idp:AdminUpdateUserAttributes', 'cognito-idp:AdminEnableUser', 'cognito-idp:AdminDisableUser', 'cognito-idp:AdminResetUserPassword', 'cognito-idp:UpdateGroup', 'cognito-idp:AdminUserGlobalSignOut'],
  delete: ['cognito-idp:AdminDeleteUser', 'cognito-idp:AdminRemoveUserFromGroup', 'cognito-idp:DeleteGroup', 'cognito-idp:AdminDeleteUserAttributes'],
};

/**
 * IAM statements letting a function act on this project's user pools: `resourceOpsMapping` maps auth resource names
 * to CRUD operations. The pool id reaches the function's stack as the parameter `auth<name>UserPoolId`.
 */
export function authPermissionPolicies(resourceOpsMapping: Record<string, string[]>): PermissionPolicies {
  const permissionPolicies: unknown[] = [];
  const resourceAttributes: PermissionPolicies['resourceAttributes'] = [];
  for (const [resourceName, operations] of Object.entries(resourceOpsMapping)) {
    const actions = [...new Set(operations.flatMap((operation) => USER_POOL_ACTIONS[operation] ?? []))];
    if (actions.length === 0) continue;
    permissionPolicies.push({
      Effect: 'Allow',
      Action: actions,
      Resource: [
        {
          'Fn::Join': ['', ['arn:aws:cognito-idp:', { Ref: 'AWS::Region' }, ':', { Ref: 'AWS::AccountId' }, ':userpool/', { Ref: `auth${resourceName}UserPoolId` }]],
        },
      ],
    });
    resourceAttributes.push({ resourceName, attributes: ['UserPoolId'], category: 'auth' });
  }
  return { permissionPolicies, resourceAttributes };
}
