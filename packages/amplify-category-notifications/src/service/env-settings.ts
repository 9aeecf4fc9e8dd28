import { AmplifyError, loadEnvResourceParameters, saveEnvResourceParameters, validateHeadlessRequest, type Prompter } from 'amplify-cli-core';
import { askChannelSettings, settingsFromRequest } from './channel-questions';
import { CHANNEL_PARAMETERS, channelsNeedingSettings, type ChannelSettings } from './channels';
import { channelsSchema } from './headless-schema';
import { CATEGORY, notificationsResource, readNotificationsConfig } from './notifications-resource';

/**
 * A new or pulled env: its channel settings come from `--categories '{"notifications":{"Pinpoint":{...}}}'` (the
 * original's shape) or are asked, for each enabled channel that needs settings and has none in this env.
 */
export async function fillEnvChannelSettings(projectRoot: string, prompter: Prompter, supplied: unknown): Promise<void> {
  const resource = notificationsResource(projectRoot);
  if (!resource) return;
  const config = readNotificationsConfig(projectRoot, resource);
  const current = loadEnvResourceParameters(projectRoot, CATEGORY, resource) as ChannelSettings;
  const given = supplied === undefined ? {} : validateHeadlessRequest<Record<string, Record<string, unknown>>>(channelsSchema, supplied, '--categories notifications.Pinpoint');
  const settings: ChannelSettings = { ...current };
  for (const channel of channelsNeedingSettings(config.channels)) {
    const missing = CHANNEL_PARAMETERS[channel].some((parameter) => !parameter.optional && current[parameter.name] === undefined);
    if (!missing) continue;
    if (given[channel]) Object.assign(settings, settingsFromRequest(channel, given[channel]));
    else {
      try {
        Object.assign(settings, await askChannelSettings(prompter, channel));
      } catch (cause) {
        throw new AmplifyError('MissingEnvParameters', `The ${channel} notification channel has no settings in this env`, {
          resolution: `Pass them as --categories '{"notifications":{"Pinpoint":{"${channel}":{...}}}}', or run the command in a terminal`,
          cause,
        });
      }
    }
  }
  saveEnvResourceParameters(projectRoot, CATEGORY, resource, settings);
}
