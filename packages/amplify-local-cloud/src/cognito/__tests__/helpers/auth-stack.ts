import { CreateStackCommand, type Stack } from '@aws-sdk/client-cloudformation';
import type { CfnTestCloud } from '../../../cloudformation/__tests__/helpers/cfn-test-cloud';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export interface AuthStackOptions {
  /** Extra properties of the user pool (LambdaConfig, UsernameAttributes, ...). */
  userPool?: Record<string, Json>;
  allowGuests?: boolean;
  /** Extra resources (trigger functions and their roles). */
  resources?: Record<string, Json>;
}

const role = (principal: Json): Json => ({
  Type: 'AWS::IAM::Role',
  Properties: {
    AssumeRolePolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: principal, Action: 'sts:AssumeRoleWithWebIdentity' }] },
  },
});

/**
 * An auth stack shaped like the one the auth category deploys: a user pool signing in with email, a web client, a
 * client with a secret and the (admin) password flows, a second pool's client (foreign), an admin group with a role, an
 * identity pool over both clients and its role attachment (auth/unauth roles, token role mapping).
 */
export function authTemplate(options: AuthStackOptions = {}): string {
  const provider = { 'Fn::Sub': ['cognito-idp.${AWS::Region}.amazonaws.com/${pool}', { pool: { Ref: 'UserPool' } }] };
  return JSON.stringify({
    AWSTemplateFormatVersion: '2010-09-09',
    Resources: {
      AuthRole: role({ Federated: 'cognito-identity.amazonaws.com' }),
      UnauthRole: role({ Federated: 'cognito-identity.amazonaws.com' }),
      AdminGroupRole: role({ Federated: 'cognito-identity.amazonaws.com' }),
      UserPool: {
        Type: 'AWS::Cognito::UserPool',
        Properties: {
          UserPoolName: 'app-users',
          Policies: { PasswordPolicy: { MinimumLength: 8, RequireLowercase: true, RequireUppercase: false, RequireNumbers: true, RequireSymbols: false } },
          Schema: [{ Name: 'email', Required: true, Mutable: true }],
          AutoVerifiedAttributes: ['email'],
          UsernameAttributes: ['email'],
          MfaConfiguration: 'OFF',
          UsernameConfiguration: { CaseSensitive: false },
          EmailVerificationSubject: 'Your code',
          EmailVerificationMessage: 'Here is your code: {####}',
          UserAttributeUpdateSettings: { AttributesRequireVerificationBeforeUpdate: ['email'] },
          ...options.userPool,
        },
      },
      UserPoolClientWeb: { Type: 'AWS::Cognito::UserPoolClient', Properties: { UserPoolId: { Ref: 'UserPool' }, ClientName: 'web' } },
      UserPoolClient: {
        Type: 'AWS::Cognito::UserPoolClient',
        Properties: {
          UserPoolId: { Ref: 'UserPool' },
          ClientName: 'native',
          GenerateSecret: true,
          ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_ADMIN_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
        },
      },
      OtherPool: { Type: 'AWS::Cognito::UserPool', Properties: { UserPoolName: 'other' } },
      OtherPoolClient: { Type: 'AWS::Cognito::UserPoolClient', Properties: { UserPoolId: { Ref: 'OtherPool' }, ClientName: 'other' } },
      AdminGroup: {
        Type: 'AWS::Cognito::UserPoolGroup',
        Properties: { UserPoolId: { Ref: 'UserPool' }, GroupName: 'admin', Precedence: 1, RoleArn: { 'Fn::GetAtt': ['AdminGroupRole', 'Arn'] } },
      },
      IdentityPool: {
        Type: 'AWS::Cognito::IdentityPool',
        Properties: {
          IdentityPoolName: 'app_identities',
          AllowUnauthenticatedIdentities: options.allowGuests ?? true,
          CognitoIdentityProviders: [
            { ClientId: { Ref: 'UserPoolClient' }, ProviderName: provider },
            { ClientId: { Ref: 'UserPoolClientWeb' }, ProviderName: provider },
          ],
        },
      },
      IdentityPoolRoleMap: {
        Type: 'AWS::Cognito::IdentityPoolRoleAttachment',
        Properties: {
          IdentityPoolId: { Ref: 'IdentityPool' },
          Roles: { authenticated: { 'Fn::GetAtt': ['AuthRole', 'Arn'] }, unauthenticated: { 'Fn::GetAtt': ['UnauthRole', 'Arn'] } },
          RoleMappings: {
            web: {
              IdentityProvider: { 'Fn::Sub': ['cognito-idp.${AWS::Region}.amazonaws.com/${pool}:${client}', { pool: { Ref: 'UserPool' }, client: { Ref: 'UserPoolClientWeb' } }] },
              Type: 'Token',
              AmbiguousRoleResolution: 'AuthenticatedRole',
            },
          },
        },
      },
      ...options.resources,
    },
    Outputs: {
      UserPoolId: { Value: { Ref: 'UserPool' } },
      WebClientId: { Value: { Ref: 'UserPoolClientWeb' } },
      NativeClientId: { Value: { Ref: 'UserPoolClient' } },
      NativeClientSecret: { Value: { 'Fn::GetAtt': ['UserPoolClient', 'ClientSecret'] } },
      OtherClientId: { Value: { Ref: 'OtherPoolClient' } },
      IdentityPoolId: { Value: { Ref: 'IdentityPool' } },
      AuthRoleArn: { Value: { 'Fn::GetAtt': ['AuthRole', 'Arn'] } },
      UnauthRoleArn: { Value: { 'Fn::GetAtt': ['UnauthRole', 'Arn'] } },
      AdminGroupRoleArn: { Value: { 'Fn::GetAtt': ['AdminGroupRole', 'Arn'] } },
    },
  });
}

export type AuthOutputs = Record<
  'UserPoolId' | 'WebClientId' | 'NativeClientId' | 'NativeClientSecret' | 'OtherClientId' | 'IdentityPoolId' | 'AuthRoleArn' | 'UnauthRoleArn' | 'AdminGroupRoleArn',
  string
>;

/** Deploys `authTemplate(options)` as `stackName` and answers its outputs; fails with the stack's reason otherwise. */
export async function deployAuthStack(cloud: CfnTestCloud, stackName: string, options: AuthStackOptions = {}): Promise<AuthOutputs> {
  await cloud.cfn.send(new CreateStackCommand({ StackName: stackName, TemplateBody: authTemplate(options), Capabilities: ['CAPABILITY_IAM'] }));
  const stack: Stack = await cloud.waitForStack(stackName);
  if (stack.StackStatus !== 'CREATE_COMPLETE') {
    const failures = (await cloud.events(stackName)).filter((event) => event.ResourceStatus?.endsWith('FAILED')).map((event) => `${event.LogicalResourceId}: ${event.ResourceStatusReason}`);
    throw new Error(`${stackName} ended ${stack.StackStatus}: ${failures.join('; ')}`);
  }
  return Object.fromEntries((stack.Outputs ?? []).map((output) => [output.OutputKey, output.OutputValue])) as AuthOutputs;
}
