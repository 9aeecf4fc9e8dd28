import { AmplifyError, pathManager, type AmplifyContext } from 'amplify-cli-core';
import { channelArgument, CHANNEL_VIEW_NAMES } from '../service/channels';
import { CATEGORY, disableChannel, notificationsResource, readNotificationsConfig } from '../service/notifications-resource';

const ALL = 'all';

/** `amplify remove notifications [channel]` (aliases disable, delete): one channel, or all of them. */
export async function run(context: AmplifyContext): Promise<void> {
  const projectRoot = pathManager.findProjectRoot();
  const resource = notificationsResource(projectRoot);
  if (!resource) throw new AmplifyError('ResourceNotFound', 'No notification channel is enabled in this project', { resolution: 'Run "amplify add notifications" to enable one' });
  const config = readNotificationsConfig(projectRoot, resource);
  const choice =
    channelArgument(context.input.subCommands?.[0]) ??
    (await context.amplify.prompter.pick<string>({
      message: 'Choose what to remove',
      choices: [...config.channels.map((value) => ({ name: CHANNEL_VIEW_NAMES[value], value })), { name: 'All channels (the Pinpoint app stays with analytics)', value: ALL }],
      flag: 'the channel (amplify remove notifications <channel>)',
    }));
  if (choice === ALL) {
    await context.amplify.removeResource(context, CATEGORY, resource);
    context.print.success('All notification channels have been removed locally.');
    return;
  }
  const channel = channelArgument(choice)!;
  if (!config.channels.includes(channel)) {
    throw new AmplifyError('InvalidInput', `The ${channel} channel is not enabled`, { resolution: `Enabled channels: ${config.channels.join(', ')}` });
  }
  await disableChannel(context, projectRoot, config, channel);
  context.print.success(`The ${channel} channel has been disabled locally.`);
}
