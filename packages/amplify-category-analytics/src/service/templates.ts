import type { KinesisConfig, PinpointConfig } from './analytics-config';

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** A CloudFormation template as this category writes it. */
export interface CfnTemplate {
  AWSTemplateFormatVersion: '2010-09-09';
  Description: string;
  Parameters: Record<string, { Type: string; Default?: string | number; NoEcho?: boolean }>;
  Conditions: Record<string, Json>;
  Resources: Record<string, { Type: string; Properties: Record<string, Json>; Condition?: string }>;
  Outputs: Record<string, { Value: Json; Description?: string }>;
}

const ENV_CONDITION = { ShouldNotCreateEnvResources: { 'Fn::Equals': [{ Ref: 'env' }, 'NONE'] } };

/** `<name>` when env is NONE, else `<name>-<env>` (the original's naming of per-env resources). */
function envName(parameter: string): Json {
  return { 'Fn::If': ['ShouldNotCreateEnvResources', { Ref: parameter }, { 'Fn::Join': ['-', [{ Ref: parameter }, { Ref: 'env' }]] }] };
}

function rolePolicy(policyName: string, roleName: string, actions: string[], resource: Json): { Type: string; Properties: Record<string, Json> } {
  return {
    Type: 'AWS::IAM::Policy',
    Properties: {
      PolicyName: { Ref: policyName },
      Roles: [{ Ref: roleName }],
      PolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: actions, Resource: [resource] }] },
    },
  };
}

export function pinpointParameters(config: PinpointConfig): Record<string, unknown> {
  return {
    appName: config.appName,
    // Names of the original's Lambda custom resource and its policies: not used by this template, kept so the
    // original reads the parameters it writes itself.
    roleName: `pinpointLambdaRole${config.shortId}`,
    cloudformationPolicyName: `cloudformationPolicy${config.shortId}`,
    cloudWatchPolicyName: `cloudWatchPolicy${config.shortId}`,
    pinpointPolicyName: `pinpointPolicy${config.shortId}`,
    authPolicyName: `pinpoint_amplify_${config.shortId}`,
    unauthPolicyName: `pinpoint_amplify_${config.shortId}`,
    // Resolved by the root stack.
    authRoleName: { Ref: 'AuthRoleName' },
    unauthRoleName: { Ref: 'UnauthRoleName' },
    authRoleArn: { 'Fn::GetAtt': ['AuthRole', 'Arn'] },
  };
}

/**
 * The Pinpoint app as an `AWS::Pinpoint::App` (the original creates it with an inline Lambda custom resource, which
 * needs the Lambda and CloudWatch roles around it), and the roles' right to send events and register endpoints.
 */
export function pinpointTemplate(): CfnTemplate {
  const actions = ['mobiletargeting:PutEvents', 'mobiletargeting:UpdateEndpoint'];
  const appArn = { 'Fn::Join': ['', ['arn:aws:mobiletargeting:*:', { Ref: 'AWS::AccountId' }, ':apps/', { Ref: 'PinpointApp' }, '*']] };
  return {
    AWSTemplateFormatVersion: '2010-09-09',
    Description: 'Pinpoint resource stack creation using Amplify CLI',
    Parameters: {
      appName: { Type: 'String' },
      // Declared as in the original's template, whose parameters.json (and in-app messaging) may set them.
      appId: { Type: 'String', Default: 'NONE' },
      roleName: { Type: 'String', Default: 'NONE' },
      cloudformationPolicyName: { Type: 'String', Default: 'NONE' },
      cloudWatchPolicyName: { Type: 'String', Default: 'NONE' },
      pinpointPolicyName: { Type: 'String', Default: 'NONE' },
      pinpointInAppMessagingPolicyName: { Type: 'String', Default: 'NONE' },
      authPolicyName: { Type: 'String' },
      unauthPolicyName: { Type: 'String' },
      authRoleName: { Type: 'String' },
      unauthRoleName: { Type: 'String' },
      authRoleArn: { Type: 'String' },
      env: { Type: 'String' },
    },
    Conditions: ENV_CONDITION,
    Resources: {
      PinpointApp: { Type: 'AWS::Pinpoint::App', Properties: { Name: envName('appName') } },
      CognitoUnauthPolicy: rolePolicy('unauthPolicyName', 'unauthRoleName', actions, appArn),
      CognitoAuthPolicy: rolePolicy('authPolicyName', 'authRoleName', actions, appArn),
    },
    Outputs: {
      Region: { Value: { Ref: 'AWS::Region' } },
      Id: { Value: { Ref: 'PinpointApp' } },
      appName: { Value: envName('appName') },
    },
  };
}

export function kinesisParameters(config: KinesisConfig): Record<string, unknown> {
  return {
    kinesisStreamName: config.kinesisStreamName,
    kinesisStreamShardCount: config.kinesisStreamShardCount,
    authPolicyName: `kinesis_amplify_${config.shortId}`,
    unauthPolicyName: `kinesis_amplify_${config.shortId}`,
    authRoleName: { Ref: 'AuthRoleName' },
    unauthRoleName: { Ref: 'UnauthRoleName' },
  };
}

/** The stream and the roles' right to put records on it, as the original's template. */
export function kinesisTemplate(): CfnTemplate {
  const actions = ['kinesis:PutRecord', 'kinesis:PutRecords'];
  const streamArn = { 'Fn::GetAtt': ['KinesisStream', 'Arn'] };
  return {
    AWSTemplateFormatVersion: '2010-09-09',
    Description: 'Kinesis resource stack creation using Amplify CLI',
    Parameters: {
      env: { Type: 'String' },
      kinesisStreamName: { Type: 'String' },
      kinesisStreamShardCount: { Type: 'Number', Default: 1 },
      authPolicyName: { Type: 'String' },
      unauthPolicyName: { Type: 'String' },
      authRoleName: { Type: 'String' },
      unauthRoleName: { Type: 'String' },
    },
    Conditions: ENV_CONDITION,
    Resources: {
      KinesisStream: { Type: 'AWS::Kinesis::Stream', Properties: { Name: envName('kinesisStreamName'), ShardCount: { Ref: 'kinesisStreamShardCount' } } },
      CognitoUnauthPolicy: rolePolicy('unauthPolicyName', 'unauthRoleName', actions, streamArn),
      CognitoAuthPolicy: rolePolicy('authPolicyName', 'authRoleName', actions, streamArn),
    },
    Outputs: {
      kinesisStreamArn: { Value: streamArn },
      kinesisStreamId: { Value: { Ref: 'KinesisStream' } },
      kinesisStreamShardCount: { Value: { Ref: 'kinesisStreamShardCount' } },
    },
  };
}
