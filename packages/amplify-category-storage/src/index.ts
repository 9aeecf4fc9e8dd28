import { AmplifyError, getCategoryResources, pathManager, stateManager, type AmplifyContext, type PermissionPolicies } from 'amplify-cli-core';

/** The storage category plugin (S3 content, DynamoDB tables). Commands load only when they run. */
type Command = { run(context: AmplifyContext): Promise<void> };
const COMMANDS: Record<string, () => Command> = {
  add: () => require('./commands/add') as Command,
  update: () => require('./commands/update') as Command,
  configure: () => require('./commands/update') as Command,
  remove: () => require('./commands/remove') as Command,
  push: () => require('./commands/push') as Command,
  console: () => require('./commands/console') as Command,
  help: () => require('./commands/help') as Command,
};

/** The commands this plugin implements; `amplify-plugin.json` declares exactly these (a unit test checks it). */
export const COMMAND_NAMES: readonly string[] = Object.keys(COMMANDS);

export async function executeAmplifyCommand(context: AmplifyContext): Promise<void> {
  const name = context.input.command ?? 'help';
  const command = COMMANDS[name];
  if (!command) {
    throw new AmplifyError('CommandNotFound', `"amplify storage ${name}" is not a command`, { resolution: 'Run "amplify storage help" to list the commands' });
  }
  await command().run(context);
}

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
