import { AmplifyError } from 'amplify-cli-core';

/** The Pinpoint channels, in the original's order, with the name its pick list shows. */
export const CHANNELS = ['APNS', 'FCM', 'InAppMessaging', 'Email', 'SMS'] as const;
export type Channel = (typeof CHANNELS)[number];

export const CHANNEL_VIEW_NAMES: Record<Channel, string> = {
  APNS: 'APNS |  Apple Push Notifications',
  FCM: 'FCM  |  Firebase Push Notifications',
  InAppMessaging: 'In-App Messaging',
  Email: 'Email',
  SMS: 'SMS',
};

/**
 * A channel's settings in one env, as team-provider-info keeps them (`<env>.categories.notifications.<app>`): flat
 * parameters of the notifications stack, so each env can use its own certificates, keys and senders.
 */
export type ChannelSettings = Record<string, string>;

/** The settings each channel needs, by stack parameter name; secrets are NoEcho parameters. */
export const CHANNEL_PARAMETERS: Record<Channel, Array<{ name: string; secret?: boolean; optional?: boolean }>> = {
  APNS: [
    { name: 'APNSDefaultAuthenticationMethod' },
    { name: 'APNSCertificate', secret: true, optional: true },
    { name: 'APNSPrivateKey', secret: true, optional: true },
    { name: 'APNSBundleId', optional: true },
    { name: 'APNSTeamId', optional: true },
    { name: 'APNSTokenKey', secret: true, optional: true },
    { name: 'APNSTokenKeyId', optional: true },
  ],
  FCM: [{ name: 'FCMServiceJson', secret: true }],
  InAppMessaging: [],
  Email: [{ name: 'EmailFromAddress' }, { name: 'EmailIdentity' }, { name: 'EmailRoleArn', optional: true }],
  SMS: [],
};

/** What the notifications resource records locally: the enabled channels (their settings are per env). */
export interface NotificationsConfig {
  /** The analytics Pinpoint resource whose app the channels belong to; also this resource's name. */
  resourceName: string;
  channels: Channel[];
}

/** Channels whose settings must exist in an env before it can deploy. */
export function channelsNeedingSettings(channels: readonly Channel[]): Channel[] {
  return channels.filter((channel) => CHANNEL_PARAMETERS[channel].some((parameter) => !parameter.optional));
}

/** A channel named on the command line (`amplify add notifications SMS`), in any case. */
export function channelArgument(argument: string | undefined): Channel | undefined {
  if (argument === undefined) return undefined;
  const channel = CHANNELS.find((name) => name.toLowerCase() === argument.toLowerCase());
  if (!channel) throw new AmplifyError('InvalidInput', `${argument} is not a notifications channel`, { resolution: `Name one of ${CHANNELS.join(', ')}` });
  return channel;
}
