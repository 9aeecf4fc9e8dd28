import { describeDeployed, readDeployedSummary } from '../instance/deployed-summary';
import { readInstanceCredentials } from '../instance/instance-credentials';
import { getInstanceStatus } from '../instance/instance-status';
import { caCertificateFile } from '../tls/certificate-authority';
import { describeCredentials } from './credentials';
import { readSelector, type LocalCloudCommand } from './command-types';

export const status: LocalCloudCommand = {
  description: 'Show whether the local cloud runs, and where (--json for a machine-readable answer)',
  async run(options, output) {
    const selector = readSelector(options);
    const result = await getInstanceStatus(selector);
    const caCertificate = caCertificateFile(selector.dataDir);
    const credentials = readInstanceCredentials(selector.dataDir);
    const deployed = result.type === 'running' && credentials !== undefined ? await readDeployedSummary(result.info.endpoint, credentials) : undefined;
    if (options.json === true) {
      const info = result.type === 'stopped' ? undefined : result.info;
      output.info(
        JSON.stringify(
          {
            status: result.type,
            endpoint: info?.endpoint,
            httpsEndpoint: info?.httpsEndpoint,
            caCertificate: info?.caCertificate ?? caCertificate,
            pid: info?.pid,
            startedAt: info?.startedAt,
            dataDir: selector.dataDir,
            ...deployed,
          },
          null,
          2,
        ),
      );
      return;
    }
    switch (result.type) {
      case 'running':
        output.info(`running at ${result.info.endpoint} (pid ${result.info.pid}, since ${result.info.startedAt}, data in ${result.info.dataDir})`);
        if (result.info.httpsEndpoint !== undefined) output.info(`HTTPS at ${result.info.httpsEndpoint}, certificate signed by the CA in ${result.info.caCertificate ?? caCertificate}`);
        break;
      case 'other-port':
        output.info(`not running on port ${selector.port}; the local cloud for ${selector.dataDir} runs at ${result.info.endpoint} (pid ${result.info.pid})`);
        break;
      case 'stopped':
        output.info(`not running (data in ${selector.dataDir})`);
        break;
    }
    if (credentials !== undefined) {
      output.info(describeCredentials(selector.dataDir));
    }
    if (deployed !== undefined) describeDeployed(deployed).forEach((line) => output.info(line));
  },
};
