import type { CfnResource } from './root-stack-template';
import { UPDATE_ROLES_FUNCTION_SOURCE } from './update-roles-function-source';

/** Logical ids of the trust-policy custom resource in the root template (the original's names). */
export const UPDATE_ROLES_FUNCTION = 'UpdateRolesWithIDPFunction';
export const UPDATE_ROLES_FUNCTION_ROLE = 'UpdateRolesWithIDPFunctionRole';
export const UPDATE_ROLES_OUTPUTS = 'UpdateRolesWithIDPFunctionOutputs';

const roleArns = [{ 'Fn::GetAtt': ['AuthRole', 'Arn'] }, { 'Fn::GetAtt': ['UnauthRole', 'Arn'] }];

/**
 * The root-template resources that point AuthRole/UnauthRole at the identity pool of the auth stack
 * `authLogicalId` (its `IdentityPoolId` output): a Lambda function allowed to change only those two roles' trust
 * policies, and the custom resource that calls it. Removing them from the template (auth removed) makes
 * CloudFormation delete the custom resource, which puts the Deny trust policy back.
 */
export function updateRolesWithIdpResources(authLogicalId: string): Record<string, CfnResource> {
  return {
    [UPDATE_ROLES_FUNCTION_ROLE]: {
      Type: 'AWS::IAM::Role',
      Properties: {
        AssumeRolePolicyDocument: {
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Principal: { Service: ['lambda.amazonaws.com'] }, Action: ['sts:AssumeRole'] }],
        },
        Policies: [
          {
            PolicyName: 'UpdateRolesWithIDPFunctionPolicy',
            PolicyDocument: {
              Version: '2012-10-17',
              Statement: [
                { Effect: 'Allow', Action: ['logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:PutLogEvents'], Resource: 'arn:aws:logs:*:*:*' },
                { Effect: 'Allow', Action: ['iam:GetRole', 'iam:UpdateAssumeRolePolicy'], Resource: roleArns },
              ],
            },
          },
        ],
      },
    },
    [UPDATE_ROLES_FUNCTION]: {
      Type: 'AWS::Lambda::Function',
      Properties: {
        Code: { ZipFile: UPDATE_ROLES_FUNCTION_SOURCE },
        Handler: 'index.handler',
        Runtime: 'nodejs22.x',
        Timeout: 300,
        Role: { 'Fn::GetAtt': [UPDATE_ROLES_FUNCTION_ROLE, 'Arn'] },
      },
    },
    [UPDATE_ROLES_OUTPUTS]: {
      Type: 'Custom::LambdaCallout',
      Properties: {
        ServiceToken: { 'Fn::GetAtt': [UPDATE_ROLES_FUNCTION, 'Arn'] },
        region: { Ref: 'AWS::Region' },
        idpId: { 'Fn::GetAtt': [authLogicalId, 'Outputs.IdentityPoolId'] },
        // Ref of the role resources (not the name parameters), so the custom resource is deleted before the roles.
        authRoleName: { Ref: 'AuthRole' },
        unauthRoleName: { Ref: 'UnauthRole' },
      },
    },
  };
}
