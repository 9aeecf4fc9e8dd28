export * from './contracts';
export { startLocalCloud, type LocalCloud, type LocalCloudOptions } from './local-cloud';
export { HEALTH_PATH } from './well-known-paths';
export { ensureLocalCloud, type EnsureLocalCloudOptions } from './ensure-local-cloud';
export { executeAmplifyCommand, type LocalCloudCommandContext } from './execute-amplify-command';
export { getInstanceStatus, type InstanceStatus } from './instance/instance-status';
export { stopInstance, type StopResult } from './instance/stop-instance';
export { defaultDataDir, type InstanceSelector } from './instance/instance-selector';
export type { ServerInfo } from './instance/server-info';
