import { type CategoryCommand, dispatchCategoryCommand, isRecord, pathManager, type AmplifyContext } from 'amplify-cli-core';

/** The notifications category plugin (channels of the project's Amazon Pinpoint app). Commands load only when they run. */
const COMMANDS: Record<string, () => CategoryCommand> = {
  add: () => require('./commands/add') as CategoryCommand,
  update: () => require('./commands/update') as CategoryCommand,
  remove: () => require('./commands/remove') as CategoryCommand,
  status: () => require('./commands/status') as CategoryCommand,
  push: () => require('./commands/push') as CategoryCommand,
  console: () => require('./commands/console') as CategoryCommand,
};

/** The commands this plugin implements; `amplify-plugin.json` declares exactly these (a unit test checks it). */
export const COMMAND_NAMES: readonly string[] = Object.keys(COMMANDS);

export const executeAmplifyCommand = dispatchCategoryCommand('notifications', COMMANDS);

export async function executeAmplifyHeadlessCommand(context: AmplifyContext, payload: string): Promise<void> {
  const { runHeadless } = require('./commands/headless') as typeof import('./commands/headless');
  await runHeadless(context, payload);
}

export async function console(context: AmplifyContext): Promise<void> {
  await COMMANDS.console().run(context);
}

/** A new or pulled env: the enabled channels' settings for it (see service/env-settings.ts). */
export async function initEnv(context: AmplifyContext): Promise<void> {
  const { fillEnvChannelSettings } = require('./service/env-settings') as typeof import('./service/env-settings');
  const categories = context.exeInfo?.inputParams.categories;
  const notifications = isRecord(categories) ? categories.notifications : undefined;
  await fillEnvChannelSettings(pathManager.findProjectRoot(), context.amplify.prompter, isRecord(notifications) ? notifications.Pinpoint : undefined);
}
