/**
 * amplify-provider-awscloudformation: the `awscloudformation` provider plugin. The plugin functions the core
 * calls come first; the typed services behind them are exported for the CLI's commands, tests and benchmarks.
 */
export {
  init,
  onInitSuccessful,
  initEnv,
  attachBackend,
  resolveAppBackend,
  pushResources,
  completeInterruptedPush,
  buildResources,
  storeCurrentCloudBackend,
  deleteEnv,
  console,
  configure,
  configureNewUser,
  getConfiguredAWSClient,
  loadResourceParameters,
  saveResourceParameters,
  executeAmplifyCommand,
  providerUtils,
} from './provider-plugin';
export * as constants from './constants';
export { providerPlugin } from './provider-contract';
export type { ProviderContext, ProviderExeInfo, ProviderResourceStatus } from './context/provider-context';
export type { ProviderPrompter } from './io/provider-prompter';

export { AwsClientFactory } from './aws/client-factory';
export type { AwsTarget } from './aws/aws-target';
export type { CloudFormationApi } from './aws/cloudformation-api';
export type { S3Api } from './aws/s3-api';
export { type AwsConfigInfo, type AwsConfigInput, type AwsConfigChoice, parseAwsConfigInput } from './aws/aws-config-info';
export { resolveAwsTarget, newUserCheck, persistAwsConfig, type CredentialsSource } from './aws/credentials';
export { type LocalCloudAccess, type LocalCloudLauncher, fixedLocalCloud } from './aws/local-cloud-launcher';
export { chooseAwsConfig } from './aws/choose-aws-config';

export { rootStackName, normalizeStackName, rootStackNames } from './root-stack/stack-name';
export { rootStackTemplate, type CfnTemplate } from './root-stack/root-stack-template';
export { createRootStack } from './root-stack/create-root-stack';

export type { ProgressEvent, ProgressListener, StackActivityEvent, PhaseEvent, NoticeEvent } from './deploy/progress-event';
export { ignoreProgress } from './deploy/progress-event';
export { createEventLogPrinter } from './deploy/event-printer';
export { createLiveActivityPrinter } from './deploy/live-activity-printer';
export { StackStatus } from './deploy/stack-status';
export { pushResources as deployResources, type PushResourcesOptions, type PushResult } from './deploy/push-resources';
export { buildNestedRootTemplate } from './deploy/nested-stack-template';
export { buildResources as buildFunctions, type BuiltResource } from './deploy/build-resources';
export type { TemplateValidator, TemplateIssue } from './deploy/template-validator';

export { createEnvironment, completeEnvironment } from './env/create-env';
export { syncEnvironment } from './env/sync-env';
export { deleteEnvFromCloud, type DeleteEnvResult } from './env/delete-env';
export { storeCurrentCloudBackend as uploadCurrentCloudBackend } from './env/current-cloud-backend';
export { consoleUrl } from './env/console-url';
export { ProjectFiles } from './project/project-files';
