import * as path from 'path';
import {
  AmplifyError,
  getCategoryResources,
  getResourceMeta,
  isRecord,
  loadEnvResourceParameters,
  pathManager,
  readJsonFile,
  stateManager,
  writeResource,
  type AmplifyContext,
} from 'amplify-cli-core';
import { CHANNEL_PARAMETERS, CHANNELS, type Channel, type ChannelSettings, type NotificationsConfig } from './channels';
import { notificationsParameters, notificationsTemplate } from './template';

export const CATEGORY = 'notifications';
const PROVIDER = 'awscloudformation';
export const TEMPLATE_FILE = 'notifications-cloudformation-template.json';

/** The notifications resource of the project (one at most, named after its Pinpoint app), if any. */
export function notificationsResource(projectRoot: string): string | undefined {
  return Object.keys(getCategoryResources(stateManager.getMeta(projectRoot, { default: {} }), CATEGORY))[0];
}

export function readNotificationsConfig(projectRoot: string, resourceName: string): NotificationsConfig {
  return readJsonFile<NotificationsConfig>(path.join(pathManager.getResourceDirectoryPath(projectRoot, CATEGORY, resourceName), 'cli-inputs.json'));
}

/** The project's notifications config, or an empty one for the Pinpoint app `app`. */
export function currentConfig(projectRoot: string, app: string): NotificationsConfig {
  const existing = notificationsResource(projectRoot);
  return existing ? readNotificationsConfig(projectRoot, existing) : { resourceName: app, channels: [] };
}

/** What the analytics plugin offers notifications (see amplify-category-analytics's index). */
interface AnalyticsPluginApi {
  analyticsPluginAPIGetResources(context: AmplifyContext, service: 'Pinpoint'): Promise<string[]>;
  analyticsPluginAPICreateResource(context: AmplifyContext, service: 'Pinpoint'): Promise<string>;
}

/**
 * The analytics Pinpoint resource the channels belong to: the existing one, else one created through the analytics
 * plugin (its walkthrough, and auth first when missing), as the original does.
 */
export async function ensurePinpointApp(context: AmplifyContext, options: { create: boolean }): Promise<string> {
  const plugin = context.amplify.getPluginInstance(context, 'analytics') as Partial<AnalyticsPluginApi> | undefined;
  if (!plugin?.analyticsPluginAPIGetResources || !plugin.analyticsPluginAPICreateResource) {
    throw new AmplifyError('PluginNotFound', 'Notifications need the analytics category plugin (amplify-category-analytics), which is not installed', {
      resolution: 'Install amplify-category-analytics and run "amplify plugin scan"',
    });
  }
  const [existing] = await plugin.analyticsPluginAPIGetResources(context, 'Pinpoint');
  if (existing) return existing;
  if (!options.create) {
    throw new AmplifyError('ResourceNotFound', 'Notifications need an Amazon Pinpoint app, and this project has none', { resolution: 'Run "amplify add analytics" and choose Amazon Pinpoint first' });
  }
  context.print.info('Notifications use the Amazon Pinpoint app of the analytics category; adding one.');
  return plugin.analyticsPluginAPICreateResource(context, 'Pinpoint');
}

/** The settings of `channels` kept for this env; other channels' settings are dropped. */
function envSettings(projectRoot: string, resourceName: string, channels: Channel[], changed: ChannelSettings): ChannelSettings {
  const kept: ChannelSettings = {};
  const current = notificationsResource(projectRoot) === resourceName ? (loadEnvResourceParameters(projectRoot, CATEGORY, resourceName) as ChannelSettings) : {};
  for (const channel of channels) {
    for (const { name } of CHANNEL_PARAMETERS[channel]) {
      const value = Object.prototype.hasOwnProperty.call(changed, name) ? changed[name] : current[name];
      if (value !== undefined) kept[name] = value;
    }
  }
  return kept;
}

/**
 * Writes the resource (cli-inputs.json, parameters.json, the channels' template), this env's channel settings
 * (team-provider-info) and its entries: meta and backend-config list the channels, and backend-config's `output`
 * says which are enabled, which the frontends merge with the deployed app id.
 */
export async function saveNotifications(projectRoot: string, config: NotificationsConfig, changedSettings: ChannelSettings): Promise<void> {
  const channels = CHANNELS.filter((channel) => config.channels.includes(channel));
  const ordered: NotificationsConfig = { resourceName: config.resourceName, channels };
  const exists = notificationsResource(projectRoot) === config.resourceName;
  await writeResource({
    projectRoot,
    category: CATEGORY,
    resourceName: config.resourceName,
    mode: exists ? 'update' : 'add',
    jsonFiles: { 'cli-inputs.json': ordered, 'parameters.json': notificationsParameters(), [TEMPLATE_FILE]: notificationsTemplate(ordered) },
    envParameters: envSettings(projectRoot, config.resourceName, channels, changedSettings),
    meta: exists
      ? { channels }
      : { service: 'Pinpoint', providerPlugin: PROVIDER, channels, dependsOn: [{ category: 'analytics', resourceName: config.resourceName, attributes: ['Id', 'Region'] }] },
  });
  const backendConfig = stateManager.getBackendConfig(projectRoot);
  const entry = getResourceMeta(backendConfig, CATEGORY, config.resourceName);
  if (entry) {
    entry.channels = channels;
    // The original's per-channel settings map (kept for the channels still enabled), which it reads with `channels`.
    const channelConfig = isRecord(entry.channelConfig) ? entry.channelConfig : {};
    entry.channelConfig = Object.fromEntries(Object.entries(channelConfig).filter(([channel]) => (channels as string[]).includes(channel)));
    entry.output = Object.fromEntries(channels.map((channel) => [channel, { Enabled: true }]));
    stateManager.setBackendConfig(projectRoot, backendConfig);
  }
}

/** Turns a channel off; the last one removes the notifications resource (the Pinpoint app stays with analytics). */
export async function disableChannel(context: AmplifyContext, projectRoot: string, config: NotificationsConfig, channel: Channel): Promise<void> {
  const channels = config.channels.filter((enabled) => enabled !== channel);
  if (channels.length === 0) {
    await context.amplify.removeResource(context, CATEGORY, config.resourceName);
    return;
  }
  await saveNotifications(projectRoot, { ...config, channels }, {});
}
