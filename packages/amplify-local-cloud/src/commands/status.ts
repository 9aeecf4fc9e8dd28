import { describeDeployed, readDeployedSummary } from '../instance/deployed-summary';
import { readInstanceCredentials } from '../instance/instance-credentials';
import { getInstanceStatus } from '../instance/instance-status';
import { describeCredentials } from './credentials';
import { readSelector, type LocalCloudCommand } from './command-types';

export const status: LocalCloudCommand = {
  description: 'Show whether the local cloud runs, and where',
  async run(options, output) {
    const selector = readSelector(options);
    const result = await getInstanceStatus(selector);
    switch (result.type) {
      case 'running':
        output.info(`running at ${result.info.endpoint} (pid ${result.info.pid}, since ${result.info.startedAt}, data in ${result.info.dataDir})`);
        break;
      case 'other-port':
        output.info(`not running on port ${selector.port}; the local cloud for ${selector.dataDir} runs at ${result.info.endpoint} (pid ${result.info.pid})`);
        break;
      case 'stopped':
        output.info(`not running (data in ${selector.dataDir})`);
        break;
    }
    const credentials = readInstanceCredentials(selector.dataDir);
    if (credentials !== undefined) {
      output.info(describeCredentials(selector.dataDir));
    }
    if (result.type === 'running' && credentials !== undefined) {
      const deployed = await readDeployedSummary(result.info.endpoint, credentials);
      if (deployed !== undefined) describeDeployed(deployed).forEach((line) => output.info(line));
    }
  },
};
