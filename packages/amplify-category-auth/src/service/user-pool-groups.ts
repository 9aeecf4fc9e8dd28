import type { CfnTemplate } from './auth-template';
import type { CognitoConfig } from './cognito-config';

export const GROUPS_RESOURCE_NAME = 'userPoolGroups';
export const GROUPS_SERVICE = 'Cognito-UserPool-Groups';

/** One entry of `user-pool-group-precedence.json`. */
export interface GroupPrecedence {
  groupName: string;
  precedence: number;
}

type Json = CfnTemplate['Outputs'][string]['Value'];

/** The attributes of the auth resource the groups stack takes as parameters. */
export function groupsDependencyAttributes(config: CognitoConfig): string[] {
  return ['UserPoolId', 'AppClientIDWeb', 'AppClientID', ...(config.authSelections === 'identityPoolAndUserPool' ? ['IdentityPoolId'] : [])];
}

/**
 * The user pool groups stack (the original's `AmplifyUserPoolGroupStack`): one group per name, in precedence order,
 * each with an IAM role that group members assume through the identity pool (when there is one).
 */
export function userPoolGroupsTemplate(authResourceName: string, config: CognitoConfig, groups: GroupPrecedence[]): CfnTemplate {
  const param = (attribute: string): string => `auth${authResourceName}${attribute}`;
  const parameters: CfnTemplate['Parameters'] = {
    env: { Type: 'String' },
    AuthRoleArn: { Type: 'String' },
    UnauthRoleArn: { Type: 'String' },
  };
  for (const attribute of groupsDependencyAttributes(config)) parameters[param(attribute)] = { Type: 'String', Default: param(attribute) };
  const withIdentityPool = config.authSelections === 'identityPoolAndUserPool';
  const resources: CfnTemplate['Resources'] = {};
  const outputs: CfnTemplate['Outputs'] = {};
  for (const { groupName, precedence } of groups) {
    const group: Record<string, Json> = { GroupName: groupName, Precedence: precedence, UserPoolId: { Ref: param('UserPoolId') } };
    if (withIdentityPool) {
      group.RoleArn = { 'Fn::GetAtt': [`${groupName}GroupRole`, 'Arn'] };
      resources[`${groupName}GroupRole`] = {
        Type: 'AWS::IAM::Role',
        Properties: {
          RoleName: { 'Fn::Join': ['', [{ Ref: param('UserPoolId') }, `-${groupName}GroupRole`]] },
          AssumeRolePolicyDocument: {
            Version: '2012-10-17',
            Statement: [
              {
                Effect: 'Allow',
                Principal: { Federated: 'cognito-identity.amazonaws.com' },
                Action: 'sts:AssumeRoleWithWebIdentity',
                Condition: {
                  StringEquals: { 'cognito-identity.amazonaws.com:aud': { Ref: param('IdentityPoolId') } },
                  'ForAnyValue:StringLike': { 'cognito-identity.amazonaws.com:amr': 'authenticated' },
                },
              },
            ],
          },
        },
      };
      outputs[`${groupName}GroupRole`] = { Value: { 'Fn::GetAtt': [`${groupName}GroupRole`, 'Arn'] } };
    }
    resources[`${groupName}Group`] = { Type: 'AWS::Cognito::UserPoolGroup', Properties: group };
  }
  return {
    AWSTemplateFormatVersion: '2010-09-09',
    Description: 'Root Stack for AWS Amplify CLI',
    Parameters: parameters,
    Conditions: { ShouldNotCreateEnvResources: { 'Fn::Equals': [{ Ref: 'env' }, 'NONE'] } },
    Resources: resources,
    Outputs: outputs,
  };
}
