import * as fs from 'fs';
import { AmplifyError, isAmplifyError } from 'amplify-cli-core';
import type { AmplifyContext, FrontendPlugin } from 'amplify-cli-core';
import {
  configFilesHooks,
  FrontendContext,
  initProjectConfig,
  projectConfigOf,
  projectPathOf,
  questionContextOf,
  reconfigureFrontendBlock,
} from 'amplify-frontend-support';
import { describeFailure, runCommandLine } from './command-runner';
import { constants } from './constants';
import { frameworkDefaults } from './frameworks';
import { askJavascriptBlock } from './frontend-questions';
import { existingGraphqlStatementFiles } from './graphql-statement-files';
import { deleteJavascriptConfigFiles, writeJavascriptConfigFiles } from './javascript-config-files';
import { JavascriptFrontendBlock, readJavascriptBlock } from './javascript-frontend-block';
import { guessFramework, scanProject } from './project-scanner';
import { publishApp } from './publisher';

export { constants, scanProject };
export { FRAMEWORKS, frameworkDefaults, isFramework } from './frameworks';
export type { Framework, JavascriptFrontendConfig } from './frameworks';
export type { JavascriptFrontendBlock } from './javascript-frontend-block';
export { createAwsExportsObject } from './aws-exports-object';
export type { AwsExports } from './aws-exports-object';
export { renderAwsExports, parseAwsExports } from './aws-exports-file';

function currentBlock(context: FrontendContext, projectPath: string): JavascriptFrontendBlock {
  return readJavascriptBlock(projectConfigOf(context, projectPath), projectPath);
}

/** The frontend's name and the alias `--frontend` may use for it. */
const NAMES = [constants.Label, 'js'] as const;

/** `amplify init`: the framework and project settings, from `--frontend`, the questions, or (`--yes`) the defaults. */
export async function init(context: FrontendContext): Promise<void> {
  const projectPath = projectPathOf(context);
  const projectConfig = initProjectConfig(context, constants.Label, 'init');
  projectConfig[constants.Label] = await askJavascriptBlock({ ...questionContextOf(context, NAMES), guessedFramework: guessFramework(projectPath) });
}

/**
 * After a successful init (with the project region, so the app can import them before anything is pushed), and after
 * every push or pull: `<SourceDir>/aws-exports.js` and `<SourceDir>/amplifyconfiguration.json`.
 */
export const { onInitSuccessful, createFrontendConfigs } = configFilesHooks((context, projectPath, resources, cloud) =>
  writeJavascriptConfigFiles(projectPath, currentBlock(context, projectPath).config, resources, cloud),
);

/** `amplify configure project`: the same questions, defaulting to the current settings. */
export async function configure(context: FrontendContext): Promise<void> {
  await reconfigureFrontendBlock(context, constants.Label, readJavascriptBlock, (current, projectPath) =>
    askJavascriptBlock({ ...questionContextOf(context, NAMES), guessedFramework: guessFramework(projectPath), current }),
  );
}

/** `amplify run`: the StartCommand in the app folder; a non-zero exit is a failed command. */
export async function run(context: FrontendContext): Promise<void> {
  const projectPath = projectPathOf(context);
  const { config } = currentBlock(context, projectPath);
  const result = await runCommandLine(config.StartCommand, projectPath);
  if (result.exitCode !== 0) {
    throw new AmplifyError('FrontendRunFailed', `The start command "${config.StartCommand}" ${describeFailure(result)}`, {
      resolution: 'Fix the errors above, or change the start command with "amplify configure project"',
    });
  }
}

/** `amplify publish`: build, then publish the DistributionDir through every hosting service of the project. */
export async function publish(context: AmplifyContext): Promise<void> {
  const projectPath = projectPathOf(context);
  const { config } = currentBlock(context, projectPath);
  await publishApp({
    context,
    hostingPlugin: context.amplify.getPluginInstance(context, 'hosting'),
    projectPath,
    config,
    meta: context.amplify.stateManager.getMeta(projectPath),
  });
}

/** `amplify delete`: removes the generated config files and the GraphQL statements codegen generated. */
export async function deleteConfig(context: FrontendContext): Promise<void> {
  const projectPath = projectPathOf(context);
  deleteJavascriptConfigFiles(projectPath, currentBlock(context, projectPath).config);
  let statements: string[];
  try {
    statements = existingGraphqlStatementFiles(projectPath);
  } catch (error) {
    // A broken codegen config must not stop the project's deletion; the statements are only left behind.
    if (!isAmplifyError(error)) {
      throw error;
    }
    context.print.warning(`${error.message}; the generated GraphQL statements were left in place`);
    return;
  }
  for (const file of statements) {
    fs.rmSync(file, { force: true });
  }
}

/** The defaults init would take, shown before "Initialize the project with the above configuration?". */
export function displayFrontendDefaults(context: FrontendContext, projectPath: string): void {
  const framework = guessFramework(projectPath);
  const defaults = frameworkDefaults(framework);
  context.print.info(`| Javascript framework: ${framework}`);
  context.print.info(`| Source Directory Path: ${defaults.SourceDir}`);
  context.print.info(`| Distribution Directory Path: ${defaults.DistributionDir}`);
  context.print.info(`| Build Command: ${defaults.BuildCommand}`);
  context.print.info(`| Start Command: ${defaults.StartCommand}`);
}

/** Takes those defaults without asking (the user accepted the summary). */
export function setFrontendDefaults(context: FrontendContext, projectPath: string): void {
  const framework = guessFramework(projectPath);
  initProjectConfig(context, constants.Label, 'setFrontendDefaults')[constants.Label] = { framework, config: frameworkDefaults(framework) };
}

/** Compile-time proof that this module is what the core calls a frontend plugin. */
type FrontendPluginModule<T extends FrontendPlugin> = T;
export type JavascriptFrontendPlugin = FrontendPluginModule<typeof import('./index')>;
