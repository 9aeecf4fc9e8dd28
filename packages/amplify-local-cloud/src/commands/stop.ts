import { stopInstance } from '../instance/stop-instance';
import { readSelector, type LocalCloudCommand } from './command-types';

export const stop: LocalCloudCommand = {
  description: 'Stop the local cloud of the data directory',
  async run(options, output) {
    const selector = readSelector(options);
    const result = await stopInstance(selector);
    if (result.type === 'not-running') {
      output.info(`No local cloud is running for ${selector.dataDir}.`);
    } else if (result.forced) {
      output.warning(`The local cloud (pid ${result.info.pid}) did not stop within 10 s and was killed.`);
    } else {
      output.success(`Stopped the local cloud at ${result.info.endpoint} (pid ${result.info.pid}).`);
    }
  },
};
