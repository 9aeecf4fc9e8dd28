import { dispatchCategoryCommand, pathManager, type AmplifyContext, type CategoryCommand } from 'amplify-cli-core';
import type { PublishResult } from './service/site-publisher';

/** The hosting category plugin (S3AndCloudFront). Commands load only when they run. */
const COMMANDS: Record<string, () => CategoryCommand> = {
  add: () => require('./commands/add') as CategoryCommand,
  enable: () => require('./commands/add') as CategoryCommand,
  update: () => require('./commands/update') as CategoryCommand,
  configure: () => require('./commands/update') as CategoryCommand,
  remove: () => require('./commands/remove') as CategoryCommand,
  push: () => require('./commands/push') as CategoryCommand,
  console: () => require('./commands/console') as CategoryCommand,
};

/** The commands this plugin implements; `amplify-plugin.json` declares exactly these (a unit test checks it). */
export const COMMAND_NAMES: readonly string[] = Object.keys(COMMANDS);

export const executeAmplifyCommand = dispatchCategoryCommand('hosting', COMMANDS);

export async function console(context: AmplifyContext): Promise<void> {
  await COMMANDS.console().run(context);
}

/**
 * `amplify publish`, hosting part (the frontend calls it after its build): uploads the distribution folder's new
 * and changed files, removes what disappeared, invalidates CloudFront under `-c`, and prints the site's URL.
 */
export async function publish(context: AmplifyContext, args: { service: string; distributionDirPath: string }): Promise<PublishResult> {
  const { publishHosting } = require('./service/publish-hosting') as typeof import('./service/publish-hosting');
  return publishHosting(context, pathManager.findProjectRoot(), args);
}
