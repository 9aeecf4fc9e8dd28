import type { HeadlessSchema } from 'amplify-cli-core';

/**
 * This CLI's notifications request, in the shape of the original's `--categories` notifications block: the channels
 * to enable with their settings (file paths are read when the request is applied). Channels left out are disabled.
 */
export interface NotificationsRequest {
  version: 1;
  serviceConfiguration: { serviceName: 'Pinpoint'; channels: Partial<Record<'APNS' | 'FCM' | 'InAppMessaging' | 'Email' | 'SMS', Record<string, unknown>>> };
}

const enabled = { const: true };
const text = { type: 'string', minLength: 1 };
export const channelsSchema = {
  type: 'object',
  minProperties: 1,
  additionalProperties: false,
  properties: {
    InAppMessaging: { type: 'object', required: ['Enabled'], additionalProperties: false, properties: { Enabled: enabled } },
    SMS: { type: 'object', required: ['Enabled'], additionalProperties: false, properties: { Enabled: enabled } },
    Email: {
      type: 'object',
      required: ['Enabled', 'FromAddress', 'Identity'],
      additionalProperties: false,
      properties: { Enabled: enabled, FromAddress: { type: 'string', pattern: '^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$' }, Identity: { type: 'string', pattern: '^arn:aws[a-z-]*:ses:' }, RoleArn: { type: 'string', pattern: '^arn:aws[a-z-]*:iam::' } },
    },
    FCM: { type: 'object', required: ['Enabled', 'ServiceJsonFilePath'], additionalProperties: false, properties: { Enabled: enabled, ServiceJsonFilePath: text } },
    APNS: {
      type: 'object',
      required: ['Enabled', 'DefaultAuthenticationMethod'],
      additionalProperties: false,
      properties: {
        Enabled: enabled,
        DefaultAuthenticationMethod: { enum: ['Certificate', 'Key'] },
        P12FilePath: text,
        Password: { type: 'string' },
        BundleId: text,
        TeamId: { type: 'string', pattern: '^[A-Z0-9]{10}$' },
        TokenKeyId: { type: 'string', pattern: '^[A-Z0-9]{10}$' },
        P8FilePath: text,
      },
      if: { properties: { DefaultAuthenticationMethod: { const: 'Certificate' } } },
      then: { required: ['P12FilePath'] },
      else: { required: ['BundleId', 'TeamId', 'TokenKeyId', 'P8FilePath'] },
    },
  },
};

export const notificationsRequestSchema: HeadlessSchema = {
  type: 'object',
  required: ['version', 'serviceConfiguration'],
  additionalProperties: false,
  properties: {
    version: { const: 1 },
    serviceConfiguration: {
      type: 'object',
      required: ['serviceName', 'channels'],
      additionalProperties: false,
      properties: { serviceName: { const: 'Pinpoint' }, channels: channelsSchema },
    },
  },
};
