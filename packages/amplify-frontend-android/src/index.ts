import * as path from 'path';
import { AmplifyError, getResourceOutputs } from 'amplify-cli-core';
import type { FrontendOutputs, FrontendPlugin } from 'amplify-cli-core';
import { AndroidFrontendBlock, askAndroidBlock, readAndroidBlock } from './android-frontend-block';
import { constants } from './constants';
import {
  FrontendContext,
  headlessFrontendInput,
  initProjectConfig,
  isYes,
  projectConfigOf,
  projectPathOf,
  projectResourcesOf,
} from './frontend-context';
import { toFrontendResources } from './frontend-resources';
import { deleteNativeConfigFiles, writeNativeConfigFiles } from './native-config-files';
import { scanProject } from './project-scanner';

export { constants, scanProject };
export type { AndroidFrontendBlock } from './android-frontend-block';

// Shared with the other frontends (iOS and javascript depend on this package, never the other way round): the typed
// view of the outputs, the readers of service outputs, the context plumbing, and the native config files.
export { createAwsConfiguration } from './aws-configuration';
export type { AwsConfiguration, NativePlatform } from './aws-configuration';
export { createAmplifyConfiguration, MANAGED_AMPLIFY_CONFIGURATION_KEYS } from './amplify-configuration';
export type { AmplifyConfiguration } from './amplify-configuration';
export { writeNativeConfigFiles, deleteNativeConfigFiles, NATIVE_CONFIG_FILENAMES } from './native-config-files';
export type { NativeConfigFiles } from './native-config-files';
export { toFrontendResources, projectResourcesFrom, outputString } from './frontend-resources';
export type { FrontendResources, FrontendResource, FrontendAuthConfig, ProjectResources } from './frontend-resources';
export { appSyncAdditionalAuthModes, appSyncDefaultAuthMode, enabledChannel, hostedUiDomain, oauthMetadata } from './output-readers';
export type { OAuthMetadata } from './output-readers';
export { isJsonObject } from './json-value';
export type { JsonObject, JsonValue } from './json-value';
export { withCustomKeys, RESERVED_AWS_CONFIGURATION_KEYS } from './custom-keys';
export { projectPathOf, projectConfigOf, projectResourcesOf, isYes, initProjectConfig, headlessFrontendInput } from './frontend-context';
export type { FrontendContext } from './frontend-context';

/** `<ResDir>/raw`, where Android apps keep raw resource files such as the config JSON. */
function rawDirOf(projectPath: string, block: AndroidFrontendBlock): string {
  return path.join(projectPath, block.config.ResDir, 'raw');
}

/** `amplify init`: the Res directory, from `--frontend`, the question, or (`--yes`) the default. */
export async function init(context: FrontendContext): Promise<void> {
  const projectConfig = initProjectConfig(context, constants.Label, 'init');
  projectConfig[constants.Label] = await askAndroidBlock({
    prompter: context.amplify.prompter,
    print: context.print,
    yes: isYes(context),
    headless: headlessFrontendInput(context.exeInfo?.inputParams, [constants.Label]),
  });
}

/** After a successful init: the config files exist right away, so the app builds before anything is pushed. */
export async function onInitSuccessful(context: FrontendContext): Promise<void> {
  const projectPath = projectPathOf(context);
  const meta = context.exeInfo?.amplifyMeta ?? context.amplify.stateManager.getMeta(projectPath, { default: {} });
  const outputs = getResourceOutputs(meta).outputsForFrontend;
  if (outputs.metadata?.Region) {
    const block = readAndroidBlock(projectConfigOf(context, projectPath), projectPath);
    writeNativeConfigFiles(rawDirOf(projectPath, block), 'android', toFrontendResources(outputs, projectResourcesOf(context, projectPath)));
  }
}

/** `amplify configure project`: the Res directory again, defaulting to the current one. */
export async function configure(context: FrontendContext): Promise<void> {
  const projectPath = projectPathOf(context);
  const projectConfig = projectConfigOf(context, projectPath);
  const current = projectConfig[constants.Label] === undefined ? undefined : readAndroidBlock(projectConfig, projectPath);
  projectConfig[constants.Label] = await askAndroidBlock({
    prompter: context.amplify.prompter,
    print: context.print,
    yes: isYes(context),
    current,
    headless: headlessFrontendInput(context.exeInfo?.inputParams, [constants.Label]),
  });
  // Inside `configure project` the core writes exeInfo.projectConfig at the end; called alone, we persist it.
  if (!context.exeInfo?.projectConfig) {
    context.amplify.stateManager.setProjectConfig(projectPath, projectConfig);
  }
}

/** After a push or pull: `<ResDir>/raw/awsconfiguration.json` and `<ResDir>/raw/amplifyconfiguration.json`. */
export async function createFrontendConfigs(
  context: FrontendContext,
  outputs: FrontendOutputs,
  cloudOutputs?: FrontendOutputs,
): Promise<void> {
  const projectPath = projectPathOf(context);
  const block = readAndroidBlock(projectConfigOf(context, projectPath), projectPath);
  const project = projectResourcesOf(context, projectPath);
  writeNativeConfigFiles(
    rawDirOf(projectPath, block),
    'android',
    toFrontendResources(outputs, project),
    cloudOutputs ? toFrontendResources(cloudOutputs, project) : undefined,
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
  const projectPath = projectPathOf(context);
  deleteNativeConfigFiles(rawDirOf(projectPath, readAndroidBlock(projectConfigOf(context, projectPath), projectPath)));
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
