export * from './contracts';
export { startLocalCloud, HEALTH_PATH, type LocalCloud, type LocalCloudOptions } from './local-cloud';
