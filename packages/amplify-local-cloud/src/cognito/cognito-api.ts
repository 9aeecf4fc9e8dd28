import type { RawRequest } from '../server/request-router';
import type { ServiceResponse } from '../contracts';
import { publicJwk } from './jwt';
import type { JsonServiceDefinition } from './json-service';
import type { UserPoolService } from './user-pool-service';

/** The X-Amz-Target prefix of the user pools API. */
export const USER_POOLS_TARGET = 'AWSCognitoIdentityProviderService';

/**
 * The user pools API (`cognito-idp`): what apps call unsigned, and the admin operations the developer's tools and
 * deployed functions call signed. `refuseAdmin` says which signed callers are app users (identity pool credentials).
 */
export function userPoolsApi(service: UserPoolService, refuseAdmin: JsonServiceDefinition['refuseAdmin']): JsonServiceDefinition {
  return {
    targetPrefix: USER_POOLS_TARGET,
    publicOperations: {
      SignUp: (input) => service.signUp(input),
      ConfirmSignUp: (input) => service.confirmSignUp(input),
      ResendConfirmationCode: (input) => service.resendConfirmationCode(input),
      InitiateAuth: (input) => service.initiateAuth(input),
      RespondToAuthChallenge: (input) => service.respondToAuthChallenge(input),
      GetTokensFromRefreshToken: (input) => service.getTokensFromRefreshToken(input),
      GetUser: (input) => service.getUser(input),
      UpdateUserAttributes: (input) => service.updateUserAttributes(input),
      VerifyUserAttribute: (input) => service.verifyUserAttribute(input),
      GetUserAttributeVerificationCode: (input) => service.getUserAttributeVerificationCode(input),
      DeleteUser: (input) => service.deleteUser(input),
      AssociateSoftwareToken: (input) => service.associateSoftwareToken(input),
      VerifySoftwareToken: (input) => service.verifySoftwareToken(input),
      SetUserMFAPreference: (input) => service.setUserMfaPreference(input),
      ForgotPassword: (input) => service.forgotPassword(input),
      ConfirmForgotPassword: (input) => service.confirmForgotPassword(input),
      ChangePassword: (input) => service.changePassword(input),
      RevokeToken: (input) => service.revokeToken(input),
      GlobalSignOut: (input) => service.globalSignOut(input),
    },
    adminOperations: {
      AdminCreateUser: (input) => service.adminCreateUser(input),
      AdminConfirmSignUp: (input) => service.adminConfirmSignUp(input),
      AdminGetUser: (input) => service.adminGetUser(input),
      AdminDeleteUser: (input) => service.adminDeleteUser(input),
      AdminSetUserPassword: (input) => service.adminSetUserPassword(input),
      AdminInitiateAuth: (input) => service.adminInitiateAuth(input),
      AdminRespondToAuthChallenge: (input) => service.adminRespondToAuthChallenge(input),
      AdminUserGlobalSignOut: (input) => service.adminUserGlobalSignOut(input),
      AdminDisableUser: (input) => service.adminDisableUser(input),
      AdminEnableUser: (input) => service.adminEnableUser(input),
      AdminUpdateUserAttributes: (input) => service.adminUpdateUserAttributes(input),
      AdminResetUserPassword: (input) => service.adminResetUserPassword(input),
      AdminAddUserToGroup: (input) => service.adminAddUserToGroup(input),
      AdminRemoveUserFromGroup: (input) => service.adminRemoveUserFromGroup(input),
      AdminListGroupsForUser: (input) => service.adminListGroupsForUser(input),
      CreateGroup: (input) => service.createGroup(input),
      GetGroup: (input) => service.getGroup(input),
      DeleteGroup: (input) => service.deleteGroup(input),
      ListGroups: (input) => service.listGroups(input),
      ListUsersInGroup: (input) => service.listUsersInGroup(input),
      ListUsers: (input) => service.listUsers(input),
      DescribeUserPool: (input) => service.describeUserPool(input),
      ListUserPools: (input) => service.listUserPools(input),
      DescribeUserPoolClient: (input) => service.describeUserPoolClient(input),
      ListUserPoolClients: (input) => service.listUserPoolClients(input),
    },
    refuseAdmin,
  };
}

/** `/<poolId>/.well-known/jwks.json`, as Cognito serves it (at the issuer's path), readable from any page. */
export const JWKS_PATH = /^\/([\w-]+_[0-9A-Za-z]+)\/\.well-known\/jwks\.json$/;

export function serveJwks(service: UserPoolService, request: RawRequest): ServiceResponse {
  const poolId = JWKS_PATH.exec(request.path)?.[1] ?? '';
  const key = service.signingKey(poolId);
  const headers = { 'Content-Type': 'application/json', 'Access-Control-Allow-Origin': '*' };
  if (request.method !== 'GET' && request.method !== 'HEAD') return { status: 405, headers, body: JSON.stringify({ message: 'Method not allowed' }) };
  if (key === undefined) return { status: 404, headers, body: JSON.stringify({ message: `User pool ${poolId} not found` }) };
  return { status: 200, headers, body: JSON.stringify({ keys: [publicJwk(key)] }) };
}
