import { AmplifyError, pathManager, validateHeadlessRequest, type AmplifyContext } from 'amplify-cli-core';
import { settingsFromRequest } from '../service/channel-questions';
import { CHANNELS, type Channel } from '../service/channels';
import { notificationsRequestSchema, type NotificationsRequest } from '../service/headless-schema';
import { currentConfig, ensurePinpointApp, saveNotifications } from '../service/notifications-resource';

/**
 * `amplify add|update notifications --headless`: enables exactly the channels of the request with their settings
 * (the Pinpoint app must exist already: add analytics first). Channels not in the request are disabled.
 */
export async function runHeadless(context: AmplifyContext, payload: string): Promise<void> {
  if (context.input.command !== 'add' && context.input.command !== 'update') {
    throw new AmplifyError('HeadlessNotSupported', `Headless mode is not supported for "notifications ${context.input.command ?? ''}"`, {
      resolution: 'Use --headless with add or update; "amplify remove notifications <channel> --yes" disables a channel',
    });
  }
  const request = validateHeadlessRequest<NotificationsRequest>(notificationsRequestSchema, payload, 'NotificationsRequest');
  const projectRoot = pathManager.findProjectRoot();
  const app = await ensurePinpointApp(context, { create: false });
  const channels = CHANNELS.filter((channel) => request.serviceConfiguration.channels[channel] !== undefined);
  const settings = Object.assign({}, ...channels.map((channel: Channel) => settingsFromRequest(channel, request.serviceConfiguration.channels[channel]!)));
  await saveNotifications(projectRoot, { ...currentConfig(projectRoot, app), channels }, settings);
  context.print.success(`Enabled notification channels: ${channels.join(', ')}`);
}
