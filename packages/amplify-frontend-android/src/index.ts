import * as path from 'path';
import { AmplifyError } from 'amplify-cli-core';
import type { FrontendPlugin } from 'amplify-cli-core';
import {
  configFilesHooks,
  deleteNativeConfigFiles,
  FrontendContext,
  initProjectConfig,
  projectConfigOf,
  projectPathOf,
  questionContextOf,
  reconfigureFrontendBlock,
  writeNativeConfigFiles,
} from 'amplify-frontend-support';
import { askAndroidBlock, readAndroidBlock } from './android-frontend-block';
import { constants } from './constants';
import { scanProject } from './project-scanner';

export { constants, scanProject };
export type { AndroidFrontendBlock } from './android-frontend-block';

/** `<ResDir>/raw`, where Android apps keep raw resource files such as the config JSON. */
function rawDirOf(context: FrontendContext, projectPath: string): string {
  const block = readAndroidBlock(projectConfigOf(context, projectPath), projectPath);
  return path.join(projectPath, block.config.ResDir, 'raw');
}

/** `amplify init`: the Res directory, from `--frontend`, the question, or (`--yes`) the default. */
export async function init(context: FrontendContext): Promise<void> {
  const projectConfig = initProjectConfig(context, constants.Label, 'init');
  projectConfig[constants.Label] = await askAndroidBlock(questionContextOf(context, [constants.Label]));
}

/**
 * After a successful init, and after every push or pull: `<ResDir>/raw/awsconfiguration.json` and
 * `<ResDir>/raw/amplifyconfiguration.json`, with ResDir read when they are written.
 */
export const { onInitSuccessful, createFrontendConfigs } = configFilesHooks((context, projectPath, resources, cloud) =>
  writeNativeConfigFiles(rawDirOf(context, projectPath), 'android', resources, cloud),
);

/** `amplify configure project`: the Res directory again, defaulting to the current one. */
export async function configure(context: FrontendContext): Promise<void> {
  await reconfigureFrontendBlock(context, constants.Label, readAndroidBlock, (current) =>
    askAndroidBlock({ ...questionContextOf(context, [constants.Label]), current }),
  );
}

/** `amplify run`: the backend is up to date; the app itself is started from the IDE or Gradle. */
export async function run(context: FrontendContext): Promise<void> {
  context.print.info('Start the app from Android Studio, or with "./gradlew installDebug" on a connected device.');
}

/** `amplify publish` hosts web apps only; saying so beats exiting 0 with nothing published. */
export async function publish(): Promise<void> {
  throw new AmplifyError('PublishNotSupported', 'amplify publish hosts javascript web apps; this is an android project', {
    resolution: 'Use "amplify push" to deploy the backend, and distribute the app through Google Play',
  });
}

/** `amplify delete`: removes the generated config files from `<ResDir>/raw`. */
export async function deleteConfig(context: FrontendContext): Promise<void> {
  deleteNativeConfigFiles(rawDirOf(context, projectPathOf(context)));
}

/** The default init would take, shown before "Initialize the project with the above configuration?". */
export function displayFrontendDefaults(context: FrontendContext): void {
  context.print.info(`| Res directory: ${constants.DefaultResDir}`);
}

/** Takes that default without asking. */
export function setFrontendDefaults(context: FrontendContext): void {
  initProjectConfig(context, constants.Label, 'setFrontendDefaults')[constants.Label] = { config: { ResDir: constants.DefaultResDir } };
}

/** Compile-time proof that this module is what the core calls a frontend plugin. */
type FrontendPluginModule<T extends FrontendPlugin> = T;
export type AndroidFrontendPlugin = FrontendPluginModule<typeof import('./index')>;
