import { AmplifyError } from 'amplify-cli-core';
import type { FrontendPlugin } from 'amplify-cli-core';
import {
  configFilesHooks,
  deleteNativeConfigFiles,
  FrontendContext,
  initProjectConfig,
  projectPathOf,
  writeNativeConfigFiles,
} from 'amplify-frontend-support';
import { constants } from './constants';
import { scanProject } from './project-scanner';

export { constants, scanProject };

/**
 * `amplify init`: nothing to ask, the config files live at the project root. The block is recorded so
 * project-config.json names the frontend's settings like the other frontends do.
 */
export async function init(context: FrontendContext): Promise<void> {
  initProjectConfig(context, constants.Label, 'init')[constants.Label] = { config: {} };
}

/**
 * After a successful init, and after every push or pull: `awsconfiguration.json` and `amplifyconfiguration.json` at
 * the project root.
 */
export const { onInitSuccessful, createFrontendConfigs } = configFilesHooks((_context, projectPath, resources, cloud) =>
  writeNativeConfigFiles(projectPath, 'ios', resources, cloud),
);

/** `amplify configure project`: an iOS project has no settings to change. */
export async function configure(context: FrontendContext): Promise<void> {
  context.print.info('An iOS project has no frontend settings: the config files are always written to the project root.');
}

/** `amplify run`: the backend is up to date; the app itself is started from Xcode. */
export async function run(context: FrontendContext): Promise<void> {
  context.print.info('Start the app from Xcode (Product > Run).');
}

/** `amplify publish` hosts web apps only; saying so beats exiting 0 with nothing published. */
export async function publish(): Promise<void> {
  throw new AmplifyError('PublishNotSupported', 'amplify publish hosts javascript web apps; this is an ios project', {
    resolution: 'Use "amplify push" to deploy the backend, and distribute the app through the App Store or TestFlight',
  });
}

/** `amplify delete`: removes the generated config files from the project root. */
export async function deleteConfig(context: FrontendContext): Promise<void> {
  deleteNativeConfigFiles(projectPathOf(context));
}

/** Compile-time proof that this module is what the core calls a frontend plugin. */
type FrontendPluginModule<T extends FrontendPlugin> = T;
export type IosFrontendPlugin = FrontendPluginModule<typeof import('./index')>;
