import { type CategoryCommand, dispatchCategoryCommand, pathManager, type AmplifyContext, type PermissionPolicies } from 'amplify-cli-core';

/**
 * The auth category plugin (Cognito). Each command lives in `commands/<verb>.ts` and is required only when it runs.
 */
const COMMANDS: Record<string, () => CategoryCommand> = {
  add: () => require('./commands/add') as CategoryCommand,
  enable: () => require('./commands/add') as CategoryCommand,
  update: () => require('./commands/update') as CategoryCommand,
  remove: () => require('./commands/remove') as CategoryCommand,
  push: () => require('./commands/push') as CategoryCommand,
  console: () => require('./commands/console') as CategoryCommand,
};

/** The commands this plugin implements; `amplify-plugin.json` declares exactly these (a unit test checks it). */
export const COMMAND_NAMES: readonly string[] = Object.keys(COMMANDS);

export const executeAmplifyCommand = dispatchCategoryCommand('auth', COMMANDS);

export async function executeAmplifyHeadlessCommand(context: AmplifyContext, payload: string): Promise<void> {
  const { runHeadless } = require('./commands/headless') as typeof import('./commands/headless');
  await runHeadless(context, payload);
}

export async function console(context: AmplifyContext): Promise<void> {
  await COMMANDS.console().run(context);
}

/**
 * A new or pulled env: asks for (or takes from `--categories '{"auth":{...}}'`) the social provider ids and secrets
 * this env has no values for yet.
 */
export async function initEnv(context: AmplifyContext): Promise<void> {
  const { fillEnvParameters } = require('./service/env-parameters') as typeof import('./service/env-parameters');
  const categories = context.exeInfo?.inputParams.categories;
  const supplied = typeof categories === 'object' && categories !== null ? (categories as Record<string, unknown>).auth : undefined;
  await fillEnvParameters(pathManager.findProjectRoot(), context.amplify.prompter, typeof supplied === 'object' && supplied !== null ? (supplied as Record<string, unknown>) : {});
}

/** IAM statements for a function that uses this project's user pools (`{ <auth resource>: ['create', 'read', ...] }`). */
export async function getPermissionPolicies(_context: AmplifyContext, resourceOpsMapping: Record<string, string[]>): Promise<PermissionPolicies> {
  const { authPermissionPolicies } = require('./service/permission-policies') as typeof import('./service/permission-policies');
  return authPermissionPolicies(resourceOpsMapping);
}

/**
 * For categories that need auth (storage): runs `amplify add auth` (the default configuration under `--yes`) and
 * returns the new resource's name.
 */
export async function addAuthResource(context: AmplifyContext): Promise<string> {
  const { addAuth } = require('./commands/add') as typeof import('./commands/add');
  return addAuth(context);
}

/**
 * For categories that grant guest access (storage): turns on unauthenticated identities on the project's auth.
 * Returns false when the auth resource has no identity pool, so guests cannot have credentials.
 */
export async function allowGuestAccess(context: AmplifyContext): Promise<boolean> {
  const { enableUnauthenticatedIdentities } = require('./service/auth-resource') as typeof import('./service/auth-resource');
  return enableUnauthenticatedIdentities(pathManager.findProjectRoot(), context.amplify.prompter);
}

export type { CognitoConfig } from './service/cognito-config';
