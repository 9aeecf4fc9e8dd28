/**
 * amplify-category-function: the `function` category plugin (Lambda, Node.js). Each command's module is loaded
 * only when that command runs.
 */
import { type AmplifyContext, type CategoryCommand, dispatchCategoryCommand, type PermissionPolicies, pathManager } from 'amplify-cli-core';
import type { TriggerFunctionRequest } from './service/add-trigger-function';

const COMMANDS: Record<string, () => CategoryCommand> = {
  add: () => require('./commands/add') as CategoryCommand,
  update: () => require('./commands/update') as CategoryCommand,
  remove: () => require('./commands/remove') as CategoryCommand,
  push: () => require('./commands/push') as CategoryCommand,
  console: () => require('./commands/console') as CategoryCommand,
  invoke: () => require('./commands/invoke') as CategoryCommand,
  build: () => require('./commands/build') as CategoryCommand,
};

/** The commands this plugin implements; a test keeps `amplify-plugin.json` in step with them. */
export const FUNCTION_COMMANDS: readonly string[] = Object.keys(COMMANDS);

export const executeAmplifyCommand = dispatchCategoryCommand('function', COMMANDS);

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

/**
 * For the storage walkthroughs: creates a new function invoked by the project's S3 bucket (`kind: 's3'`) or by the
 * stream of the DynamoDB table `table` (`kind: 'dynamodb'`), without asking anything. Returns the function's name.
 */
export async function addTriggerFunction(_context: AmplifyContext, request: TriggerFunctionRequest): Promise<string> {
  const { addTriggerFunction: add } = require('./service/add-trigger-function') as typeof import('./service/add-trigger-function');
  return add(pathManager.findProjectRoot(), request);
}

/** For the storage DynamoDB walkthrough: the functions of the project already invoked by the stream of `table`. */
export async function tableTriggerFunctions(_context: AmplifyContext, table: string): Promise<string[]> {
  const { tableTriggerFunctions: list } = require('./service/add-trigger-function') as typeof import('./service/add-trigger-function');
  return list(pathManager.findProjectRoot(), table);
}

/** For the storage DynamoDB walkthrough: makes the existing function `functionName` a trigger of `table`'s stream. */
export async function wireTableTrigger(context: AmplifyContext, functionName: string, table: string): Promise<void> {
  const { wireTableTrigger: wire } = require('./service/add-trigger-function') as typeof import('./service/add-trigger-function');
  const { pluginPolicies } = require('./service/resolve-access') as typeof import('./service/resolve-access');
  await wire(pathManager.findProjectRoot(), pluginPolicies(context), functionName, table);
}

export type { TriggerFunctionRequest } from './service/add-trigger-function';
export { lambdaTemplate, type LambdaTemplateInput, type ResolvedAccess } from './template/lambda-template';
export type { AddFunctionRequest, UpdateFunctionRequest } from './headless/function-requests';
