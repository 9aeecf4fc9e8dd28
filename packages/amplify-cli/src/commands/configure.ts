import type { CoreCommandContext } from '../cli-session';
import { callPlugin, installedPlugins, loadPlugins, LifecycleProvider } from '../lifecycle/project-plugins';

/** `amplify configure`: each provider's new-user walkthrough (awscloudformation: IAM user -> local AWS profile). */
export const run = async (context: CoreCommandContext): Promise<void> => {
  for (const provider of loadPlugins<LifecycleProvider>(context, installedPlugins(context, 'provider'))) {
    await callPlugin(provider, 'configureNewUser', context);
  }
};
