import { type AmplifyContext, type CategoryCommand, dispatchCategoryCommand, pathManager, type PermissionPolicies, type ResourceRef } from 'amplify-cli-core';

/** The api category plugin: GraphQL (AppSync) and REST (API Gateway). Commands load only when they run. */
const COMMANDS: Record<string, () => CategoryCommand> = {
  add: () => require('./commands/add') as CategoryCommand,
  update: () => require('./commands/update') as CategoryCommand,
  configure: () => require('./commands/update') as CategoryCommand,
  remove: () => require('./commands/remove') as CategoryCommand,
  push: () => require('./commands/push') as CategoryCommand,
  console: () => require('./commands/console') as CategoryCommand,
  'gql-compile': () => require('./commands/gql-compile') as CategoryCommand,
  rebuild: () => require('./commands/rebuild') as CategoryCommand,
  override: () => require('./commands/override') as CategoryCommand,
};

/** The commands this plugin implements; `amplify-plugin.json` declares exactly these (a unit test checks it). */
export const COMMAND_NAMES: readonly string[] = Object.keys(COMMANDS);

export const executeAmplifyCommand = dispatchCategoryCommand('api', COMMANDS);

export async function executeAmplifyHeadlessCommand(context: AmplifyContext, payload: string): Promise<void> {
  const { runHeadless } = require('./commands/headless') as typeof import('./commands/headless');
  await runHeadless(context, payload);
}

export async function console(context: AmplifyContext): Promise<void> {
  await COMMANDS.console().run(context);
}

/**
 * For the provider's push: compiles the given GraphQL APIs (created or updated ones) into `build/` with their
 * push parameters, printing the transformer's warnings. Other resources of the list are left alone.
 */
export async function compileApisForPush(context: AmplifyContext, resources: ResourceRef[]): Promise<string[]> {
  const { compileResourcesForPush } = require('./service/push-compile') as typeof import('./service/push-compile');
  return compileResourcesForPush(context, pathManager.findProjectRoot(), resources);
}

/** IAM statements for a function that calls this project's GraphQL API (`{ <api>: ['Query', 'Mutation', ...] }`). */
export async function getPermissionPolicies(_context: AmplifyContext, resourceOpsMapping: Record<string, string[]>): Promise<PermissionPolicies> {
  const { apiPermissionPolicies } = require('./service/permission-policies') as typeof import('./service/permission-policies');
  return apiPermissionPolicies(pathManager.findProjectRoot(), resourceOpsMapping);
}
