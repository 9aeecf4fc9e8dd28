import { AmplifyError } from 'amplify-cli-core';
import { PinpointEventLog } from '../pinpoint/event-log';
import { readSelector, type LocalCloudCommand } from './command-types';

function readLimit(value: unknown): number {
  if (value === undefined) return 20;
  const limit = Number(value);
  if (!Number.isInteger(limit) || limit < 1) {
    throw new AmplifyError('LocalCloudInvalidOption', `--limit must be a positive whole number, not '${String(value)}'.`, { resolution: 'Pass it as --limit <n>, for example --limit 50.' });
  }
  return limit;
}

export const events: LocalCloudCommand = {
  description: 'Show the analytics events apps recorded (Pinpoint PutEvents), newest last; --app <id>, --limit <n> (20)',
  async run(options, output) {
    const selector = readSelector(options);
    const appId = typeof options.app === 'string' ? options.app : undefined;
    const recorded = new PinpointEventLog(selector.dataDir).events({ appId, limit: readLimit(options.limit) });
    if (recorded.length === 0) {
      output.info(`No analytics events recorded${appId ? ` for app ${appId}` : ''} (data in ${selector.dataDir}).`);
      return;
    }
    for (const event of recorded) {
      const attributes = Object.entries(event.attributes).map(([key, value]) => `${key}=${value}`).join(' ');
      output.info(`${event.receivedAt}  app ${event.appId}  endpoint ${event.endpointId}  ${event.eventType}${attributes ? `  ${attributes}` : ''}`);
    }
  },
};
