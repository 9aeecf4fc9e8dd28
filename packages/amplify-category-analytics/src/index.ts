import { type CategoryCommand, dispatchCategoryCommand, getCategoryResources, pathManager, stateManager, type AmplifyContext } from 'amplify-cli-core';

/** The analytics category plugin (Amazon Pinpoint, Amazon Kinesis). Commands load only when they run. */
const COMMANDS: Record<string, () => CategoryCommand> = {
  add: () => require('./commands/add') as CategoryCommand,
  update: () => require('./commands/update') as CategoryCommand,
  configure: () => require('./commands/update') as CategoryCommand,
  remove: () => require('./commands/remove') as CategoryCommand,
  push: () => require('./commands/push') as CategoryCommand,
  console: () => require('./commands/console') as CategoryCommand,
};

/** The commands this plugin implements; `amplify-plugin.json` declares exactly these (a unit test checks it). */
export const COMMAND_NAMES: readonly string[] = Object.keys(COMMANDS);

export const executeAmplifyCommand = dispatchCategoryCommand('analytics', COMMANDS);

export async function executeAmplifyHeadlessCommand(context: AmplifyContext, payload: string): Promise<void> {
  const { runHeadless } = require('./commands/headless') as typeof import('./commands/headless');
  await runHeadless(context, payload);
}

export async function console(context: AmplifyContext): Promise<void> {
  await COMMANDS.console().run(context);
}

/** For notifications (the original's plugin API name): the analytics resources of a service, by name. */
export async function analyticsPluginAPIGetResources(_context: AmplifyContext, service: 'Pinpoint' | 'Kinesis'): Promise<string[]> {
  const resources = getCategoryResources(stateManager.getMeta(pathManager.findProjectRoot(), { default: {} }), 'analytics');
  return Object.keys(resources).filter((name) => resources[name].service === service);
}

/** For notifications: adds the project's Pinpoint app through the analytics add flow (auth first when missing). */
export async function analyticsPluginAPICreateResource(context: AmplifyContext, service: 'Pinpoint'): Promise<string> {
  const { addAnalytics } = require('./commands/add') as typeof import('./commands/add');
  return addAnalytics(context, service);
}
