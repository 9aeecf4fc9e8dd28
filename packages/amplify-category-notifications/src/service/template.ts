import { CHANNEL_PARAMETERS, type Channel, type NotificationsConfig } from './channels';

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

export interface CfnTemplate {
  AWSTemplateFormatVersion: '2010-09-09';
  Description: string;
  Parameters: Record<string, { Type: string; Default?: string; NoEcho?: boolean }>;
  Conditions: Record<string, Json>;
  Resources: Record<string, { Type: string; Properties: Record<string, Json>; Condition?: string }>;
  Outputs: Record<string, { Value: Json }>;
}

/** Stack parameters that carry the analytics app's id and region (from the dependsOn on analytics). */
export const appIdParameter = (analytics: string): string => `analytics${analytics}Id`;
export const appRegionParameter = (analytics: string): string => `analytics${analytics}Region`;

const ifSet = (parameter: string): Json => ({ 'Fn::If': [`Has${parameter}`, { Ref: parameter }, { Ref: 'AWS::NoValue' }] });

/**
 * The enabled channels as CloudFormation resources on the analytics Pinpoint app (the original configures them with
 * Pinpoint API calls during the command instead, so they escape status and push): SMS, Email, APNS (production and
 * sandbox), FCM, and for In-App messaging the roles' right to fetch the app's messages.
 */
export function notificationsTemplate(config: NotificationsConfig): CfnTemplate {
  const app = config.resourceName;
  const applicationId = { Ref: appIdParameter(app) };
  const parameters: CfnTemplate['Parameters'] = {
    env: { Type: 'String' },
    authRoleName: { Type: 'String' },
    unauthRoleName: { Type: 'String' },
    [appIdParameter(app)]: { Type: 'String' },
    [appRegionParameter(app)]: { Type: 'String' },
  };
  const conditions: CfnTemplate['Conditions'] = {};
  const resources: CfnTemplate['Resources'] = {};
  const settings = (channel: Channel): Record<string, Json> => {
    const properties: Record<string, Json> = {};
    for (const parameter of CHANNEL_PARAMETERS[channel]) {
      parameters[parameter.name] = parameter.optional ? { Type: 'String', Default: '', ...(parameter.secret ? { NoEcho: true } : {}) } : { Type: 'String', ...(parameter.secret ? { NoEcho: true } : {}) };
      if (parameter.optional) conditions[`Has${parameter.name}`] = { 'Fn::Not': [{ 'Fn::Equals': [{ Ref: parameter.name }, ''] }] };
      properties[parameter.name.slice(channel.length)] = parameter.optional ? ifSet(parameter.name) : { Ref: parameter.name };
    }
    return properties;
  };
  for (const channel of config.channels) {
    switch (channel) {
      case 'SMS':
        resources.SMSChannel = { Type: 'AWS::Pinpoint::SMSChannel', Properties: { ApplicationId: applicationId, Enabled: true } };
        break;
      case 'Email':
        resources.EmailChannel = { Type: 'AWS::Pinpoint::EmailChannel', Properties: { ApplicationId: applicationId, Enabled: true, ...settings('Email') } };
        break;
      case 'APNS': {
        const properties = { ApplicationId: applicationId, Enabled: true, ...settings('APNS') };
        resources.APNSChannel = { Type: 'AWS::Pinpoint::APNSChannel', Properties: properties };
        resources.APNSSandboxChannel = { Type: 'AWS::Pinpoint::APNSSandboxChannel', Properties: properties };
        break;
      }
      case 'FCM':
        resources.FCMChannel = { Type: 'AWS::Pinpoint::GCMChannel', Properties: { ApplicationId: applicationId, Enabled: true, DefaultAuthenticationMethod: 'TOKEN', ...settings('FCM') } };
        break;
      case 'InAppMessaging':
        resources.PinpointInAppMessagingPolicy = {
          Type: 'AWS::IAM::Policy',
          Properties: {
            PolicyName: { 'Fn::Join': ['', ['pinpointInAppMessaging', { Ref: appIdParameter(app) }]] },
            Roles: [{ Ref: 'authRoleName' }, { Ref: 'unauthRoleName' }],
            PolicyDocument: {
              Version: '2012-10-17',
              Statement: [
                {
                  Effect: 'Allow',
                  Action: ['mobiletargeting:GetInAppMessages'],
                  Resource: [{ 'Fn::Join': ['', ['arn:aws:mobiletargeting:*:', { Ref: 'AWS::AccountId' }, ':apps/', { Ref: appIdParameter(app) }, '*']] }],
                },
              ],
            },
          },
        };
        break;
    }
  }
  return {
    AWSTemplateFormatVersion: '2010-09-09',
    Description: 'Pinpoint notification channels created by the Amplify CLI',
    Parameters: parameters,
    Conditions: conditions,
    Resources: resources,
    Outputs: { Id: { Value: applicationId }, Region: { Value: { Ref: appRegionParameter(app) } } },
  };
}

export function notificationsParameters(): Record<string, unknown> {
  return { authRoleName: { Ref: 'AuthRoleName' }, unauthRoleName: { Ref: 'UnauthRoleName' } };
}
