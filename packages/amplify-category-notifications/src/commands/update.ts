import { loadEnvResourceParameters, pathManager, type AmplifyContext } from 'amplify-cli-core';
import { askChannelSettings } from '../service/channel-questions';
import { channelArgument, CHANNEL_VIEW_NAMES, CHANNELS, type Channel, type ChannelSettings } from '../service/channels';
import { CATEGORY, disableChannel, ensurePinpointApp, notificationsResource, readNotificationsConfig, saveNotifications } from '../service/notifications-resource';

/** `amplify update notifications [channel]` (alias configure): disable an enabled channel or change its settings, or enable one. */
export async function run(context: AmplifyContext): Promise<void> {
  const projectRoot = pathManager.findProjectRoot();
  const prompter = context.amplify.prompter;
  const channel =
    channelArgument(context.input.subCommands?.[0]) ??
    (await prompter.pick<Channel>({
      message: 'Choose the notification channel to configure',
      choices: CHANNELS.map((value) => ({ name: CHANNEL_VIEW_NAMES[value], value })),
      flag: 'the channel (amplify update notifications <channel>)',
    }));
  const resource = notificationsResource(projectRoot);
  const config = resource ? readNotificationsConfig(projectRoot, resource) : { resourceName: await ensurePinpointApp(context, { create: false }), channels: [] };
  if (config.channels.includes(channel)) {
    if (await prompter.confirm({ message: `Do you want to disable the ${channel} channel`, default: false })) {
      await disableChannel(context, projectRoot, config, channel);
      context.print.success(`The ${channel} channel has been disabled locally.`);
      return;
    }
    const current = loadEnvResourceParameters(projectRoot, CATEGORY, config.resourceName) as ChannelSettings;
    await saveNotifications(projectRoot, config, await askChannelSettings(prompter, channel, current));
    context.print.success(`The ${channel} channel has been updated locally.`);
    return;
  }
  if (!(await prompter.confirm({ message: `Do you want to enable the ${channel} channel`, default: true }))) {
    context.print.info(`The ${channel} channel stays disabled.`);
    return;
  }
  await saveNotifications(projectRoot, { ...config, channels: [...config.channels, channel] }, await askChannelSettings(prompter, channel));
  context.print.success(`The ${channel} channel has been enabled locally.`);
}
