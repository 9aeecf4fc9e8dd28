/**
 * What every frontend plugin shares (a library, not a plugin: it has no manifest, so discovery never loads it): the
 * typed view of the core's outputs, the readers of service outputs, the context plumbing, the config-file lifecycle,
 * and the native config generators the android and iOS frontends both write.
 */
export { createAwsConfiguration } from './aws-configuration';
export type { AwsConfiguration, NativePlatform } from './aws-configuration';
export { createAmplifyConfiguration, MANAGED_AMPLIFY_CONFIGURATION_KEYS } from './amplify-configuration';
export type { AmplifyConfiguration } from './amplify-configuration';
export { writeNativeConfigFiles, deleteNativeConfigFiles, NATIVE_CONFIG_FILENAMES } from './native-config-files';
export type { NativeConfigFiles } from './native-config-files';
export { toFrontendResources, projectResourcesFrom, outputString } from './frontend-resources';
export type { FrontendResources, FrontendResource, FrontendAuthConfig, ProjectResources } from './frontend-resources';
export {
  appSyncAdditionalAuthModes,
  appSyncDefaultAuthMode,
  enabledChannel,
  hostedUiDomain,
  oauthMetadata,
  sharedPinpointApp,
} from './output-readers';
export type { OAuthMetadata } from './output-readers';
export { isJsonObject } from './json-value';
export type { JsonObject, JsonValue } from './json-value';
export { withCustomKeys, RESERVED_AWS_CONFIGURATION_KEYS } from './custom-keys';
export {
  projectPathOf,
  projectConfigOf,
  projectResourcesOf,
  isYes,
  initProjectConfig,
  headlessFrontendInput,
  questionContextOf,
  reconfigureFrontendBlock,
} from './frontend-context';
export type { FrontendContext, FrontendQuestionContext } from './frontend-context';
export { configFilesHooks, readConfigFileIfPresent, deleteConfigFiles } from './frontend-config-files';
export type { ConfigFilesHooks, ConfigFilesWriter } from './frontend-config-files';
export { isLocalCloudEnv, localCloudEndpointOf } from './local-cloud-endpoint';
