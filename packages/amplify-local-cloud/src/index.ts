export * from './contracts';
export { startLocalCloud, type LocalCloud, type LocalCloudOptions, type StartedLocalCloud } from './local-cloud';
export { HEALTH_PATH, REST_API_PATH_PREFIX, restApiRootUrl } from './well-known-paths';
export { ensureLocalCloud, type EnsureLocalCloudOptions, type RunningLocalCloud } from './ensure-local-cloud';
export { readInstanceCredentials, credentialsFile, type LocalCloudCredentials } from './instance/instance-credentials';
export { executeAmplifyCommand, type LocalCloudCommandContext } from './execute-amplify-command';
export { getInstanceStatus, type InstanceStatus } from './instance/instance-status';
export { stopInstance, type StopResult } from './instance/stop-instance';
export { defaultDataDir, type InstanceSelector } from './instance/instance-selector';
export type { ServerInfo } from './instance/server-info';
export type {
  AppSyncPorts,
  CallerCredentials,
  CallerIdentity,
  DynamoDbExecutor,
  LambdaInvoker,
  TokenVerification,
  UserPoolTokenVerifier,
} from './appsync/ports';
