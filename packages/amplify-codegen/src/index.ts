import { dispatchCategoryCommand, pathManager, stateManager, type AmplifyContext, type AmplifyEventArgs, type CategoryCommand } from 'amplify-cli-core';
import type { CodegenProject } from './service/graphql-config';

/** The codegen plugin (general purpose). Commands load only when they run. */
const COMMANDS: Record<string, () => CategoryCommand> = {
  codegen: () => require('./commands/codegen') as CategoryCommand,
  add: () => require('./commands/add') as CategoryCommand,
  configure: () => require('./commands/configure') as CategoryCommand,
  remove: () => require('./commands/remove') as CategoryCommand,
  statements: () => require('./commands/statements') as CategoryCommand,
  types: () => require('./commands/types') as CategoryCommand,
  models: () => require('./commands/models') as CategoryCommand,
};

/** The commands this plugin implements; `amplify-plugin.json` declares exactly these (a unit test checks it). */
export const COMMAND_NAMES: readonly string[] = Object.keys(COMMANDS);

export const executeAmplifyCommand = dispatchCategoryCommand('codegen', COMMANDS);

/**
 * `amplify codegen <command> --headless`: the walkthrough's answers as one JSON object on stdin (the keys of
 * `--codegen`); unanswered questions take their defaults.
 */
export async function executeAmplifyHeadlessCommand(context: AmplifyContext, payload: string): Promise<void> {
  context.input.options = { ...context.input.options, headless: true, codegen: payload.trim() === '' ? '{}' : payload };
  await executeAmplifyCommand(context);
}

/** PostPush: regenerate code when the pushed API's schema changed (never fails the push). */
export async function handleAmplifyEvent(context: AmplifyContext, args: AmplifyEventArgs): Promise<void> {
  if (args.event !== 'PostPush') return;
  // Most pushes have no GraphQL API: that is decided from amplify-meta.json before graphql is loaded.
  const { hasCompiledApi } = require('./service/project-api') as typeof import('./service/project-api');
  if (!hasCompiledApi(pathManager.findProjectRoot())) return;
  const { codegenAfterPush } = require('./service/push-codegen') as typeof import('./service/push-codegen');
  await codegenAfterPush(context, context.print);
}

/**
 * Adds the API to `.graphqlconfig.yml` with the frontend's defaults, for the api category to call (through
 * `getPluginInstance(context, 'codegen')`) when an API is added. Returns the project's entry (the existing one when
 * codegen is already configured), or undefined for frontends without statements (Flutter).
 */
export async function addGraphQLConfig(_context: AmplifyContext, options: { apiName: string }): Promise<CodegenProject | undefined> {
  const { describeAppFrontend } = require('./service/codegen-defaults') as typeof import('./service/codegen-defaults');
  const { ensureCodegenProject } = require('./service/codegen-entry') as typeof import('./service/codegen-entry');
  const projectRoot = pathManager.findProjectRoot();
  return ensureCodegenProject(projectRoot, describeAppFrontend(projectRoot, stateManager.getProjectConfig(projectRoot)), options.apiName);
}

export type { CodegenProject, AmplifyCodegenExtension, CodegenTarget } from './service/graphql-config';
