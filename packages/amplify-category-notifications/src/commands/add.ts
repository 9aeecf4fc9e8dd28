import { pathManager, type AmplifyContext } from 'amplify-cli-core';
import { askChannelSettings } from '../service/channel-questions';
import { channelArgument, CHANNEL_VIEW_NAMES, CHANNELS, type Channel } from '../service/channels';
import { PINPOINT_END_OF_LIFE } from '../service/messages';
import { currentConfig, ensurePinpointApp, saveNotifications } from '../service/notifications-resource';

/** `amplify add notifications [channel]` (alias enable): one disabled channel on the project's Pinpoint app. */
export async function run(context: AmplifyContext): Promise<void> {
  const projectRoot = pathManager.findProjectRoot();
  context.print.warning(PINPOINT_END_OF_LIFE);
  const enabled = currentConfig(projectRoot, '').channels;
  const available = CHANNELS.filter((channel) => !enabled.includes(channel));
  if (available.length === 0) {
    context.print.warning('All the available notification channels have already been enabled.');
    return;
  }
  const channel =
    channelArgument(context.input.subCommands?.[0]) ??
    (await context.amplify.prompter.pick<Channel>({
      message: 'Choose the notification channel to enable',
      choices: available.map((value) => ({ name: CHANNEL_VIEW_NAMES[value], value })),
      default: available.includes('InAppMessaging') ? 'InAppMessaging' : available[0],
      flag: 'the channel (amplify add notifications <channel>)',
    }));
  if (enabled.includes(channel)) {
    context.print.info(`The ${channel} channel is already enabled; change it with "amplify update notifications".`);
    return;
  }
  const app = await ensurePinpointApp(context, { create: true });
  const config = currentConfig(projectRoot, app);
  const settings = await askChannelSettings(context.amplify.prompter, channel);
  await saveNotifications(projectRoot, { ...config, channels: [...config.channels, channel] }, settings);
  context.print.success(`The ${channel} channel has been enabled locally; run "amplify push" to deploy it.`);
}
