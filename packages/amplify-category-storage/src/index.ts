import { type CategoryCommand, dispatchCategoryCommand, getCategoryResources, pathManager, stateManager, type AmplifyContext, type PermissionPolicies } from 'amplify-cli-core';

/** The storage category plugin (S3 content, DynamoDB tables). Commands load only when they run. */
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

export const executeAmplifyCommand = dispatchCategoryCommand('storage', COMMANDS);

export async function executeAmplifyHeadlessCommand(context: AmplifyContext, payload: string): Promise<void> {
  const { runHeadless } = require('./commands/headless') as typeof import('./commands/headless');
  await runHeadless(context, payload);
}

export async function console(context: AmplifyContext): Promise<void> {
  await COMMANDS.console().run(context);
}

/** IAM statements for a function that uses buckets or tables of this project (`{ <resource>: ['read', ...] }`). */
export async function getPermissionPolicies(_context: AmplifyContext, resourceOpsMapping: Record<string, string[]>): Promise<PermissionPolicies> {
  const { storagePermissionPolicies } = require('./service/permission-policies') as typeof import('./service/permission-policies');
  const resources = getCategoryResources(stateManager.getMeta(pathManager.findProjectRoot()), 'storage');
  const services = Object.fromEntries(Object.entries(resources).map(([name, entry]) => [name, entry.service]));
  return storagePermissionPolicies(resourceOpsMapping, services);
}
