import { resetInstance } from '../instance/stop-instance';
import { readSelector, type LocalCloudCommand } from './command-types';

export const reset: LocalCloudCommand = {
  description: 'Stop the local cloud and delete all its stacks, buckets and objects (its credentials stay)',
  async run(options, output) {
    const selector = readSelector(options);
    const result = await resetInstance(selector);
    if (result.stopped.type === 'stopped') {
      output.info(`Stopped the local cloud at ${result.stopped.info.endpoint}.`);
    }
    output.success(
      result.removed.length === 0 ? `Nothing to reset in ${selector.dataDir}.` : `Deleted the local cloud's data in ${selector.dataDir}.`,
    );
  },
};
