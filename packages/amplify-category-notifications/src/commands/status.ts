import { pathManager, type AmplifyContext } from 'amplify-cli-core';
import { CHANNELS, CHANNEL_VIEW_NAMES } from '../service/channels';
import { notificationsResource, readNotificationsConfig } from '../service/notifications-resource';

/** `amplify notifications status` (aliases list, ls): each channel, enabled or disabled, locally. */
export async function run(context: AmplifyContext): Promise<void> {
  const projectRoot = pathManager.findProjectRoot();
  const resource = notificationsResource(projectRoot);
  const enabled = resource ? readNotificationsConfig(projectRoot, resource).channels : [];
  if (resource) context.print.info(`Pinpoint app: ${resource}`);
  context.print.table([['Channel', 'Status'], ...CHANNELS.map((channel) => [CHANNEL_VIEW_NAMES[channel], enabled.includes(channel) ? 'Enabled' : 'Disabled'])], { format: 'lean' });
}
