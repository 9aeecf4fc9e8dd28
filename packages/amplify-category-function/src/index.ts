/**
 * amplify-category-function: the `function` category plugin (Lambda, Node.js). Each command's module is loaded
 * only when that command runs.
 */
import { type AmplifyContext, AmplifyError, type PermissionPolicies } from 'amplify-cli-core';

type CommandModule = { run(context: AmplifyContext): Promise<void> };

const COMMANDS: Record<string, () => CommandModule> = {
  add: () => require('./commands/add') as CommandModule,
  update: () => require('./commands/update') as CommandModule,
  remove: () => require('./commands/remove') as CommandModule,
  push: () => require('./commands/push') as CommandModule,
  console: () => require('./commands/console') as CommandModule,
  invoke: () => require('./commands/invoke') as CommandModule,
  build: () => require('./commands/build') as CommandModule,
  help: () => require('./commands/help') as CommandModule,
};

/** The commands this plugin implements; a test keeps `amplify-plugin.json` in step with them. */
export const FUNCTION_COMMANDS: readonly string[] = Object.keys(COMMANDS);

export async function executeAmplifyCommand(context: AmplifyContext): Promise<void> {
  const command = context.input.command ?? 'help';
  const load = COMMANDS[command];
  if (!load) {
    throw new AmplifyError('UnknownCommand', `"function" has no command "${command}"`, { resolution: 'Run "amplify function help" to list its commands' });
  }
  await load().run(context);
}

export async function executeAmplifyHeadlessCommand(context: AmplifyContext, payload: string): Promise<void> {
  const { runHeadless } = require('./headless/run-headless') as typeof import('./headless/run-headless');
  await runHeadless(context, payload);
}

/** `amplify function console` reached through the core's `console` command. */
export async function console(context: AmplifyContext): Promise<void> {
  await COMMANDS.console().run(context);
}

/** What another resource needs to invoke this project's functions (`lambda:InvokeFunction`, `Name` output). */
export async function getPermissionPolicies(_context: AmplifyContext, resourceOpsMapping: Record<string, string[]>): Promise<PermissionPolicies> {
  const { functionPermissionPolicies } = require('./service/permission-policies') as typeof import('./service/permission-policies');
  return functionPermissionPolicies(resourceOpsMapping);
}

export { lambdaTemplate, type LambdaTemplateInput, type ResolvedAccess } from './template/lambda-template';
export type { AddFunctionRequest, UpdateFunctionRequest } from './headless/function-requests';
