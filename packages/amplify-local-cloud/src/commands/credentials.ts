import { AmplifyError } from 'amplify-cli-core';
import { DEFAULT_PORT, DEFAULT_REGION } from '../contracts';
import { credentialsFile, readInstanceCredentials } from '../instance/instance-credentials';
import { readServerInfo } from '../instance/server-info';
import { readSelector, type LocalCloudCommand } from './command-types';

export const credentials: LocalCloudCommand = {
  description: 'Print shell exports that point AWS tools at the local cloud, with its credentials',
  async run(options, output) {
    const selector = readSelector(options);
    const keys = readInstanceCredentials(selector.dataDir);
    if (keys === undefined) {
      throw new AmplifyError('LocalCloudCredentialsMissing', `No local cloud credentials exist yet in ${selector.dataDir}.`, {
        resolution: 'Start the local cloud once (`amplify local-cloud start --detach`); it creates them.',
      });
    }
    const endpoint = readServerInfo(selector.dataDir)?.endpoint ?? `http://127.0.0.1:${selector.port ?? DEFAULT_PORT}`;
    // One line per variable and nothing else on stdout, so `eval "$(amplify-local-cloud credentials)"` works.
    output.info(
      [
        `export AWS_ACCESS_KEY_ID=${keys.accessKeyId}`,
        `export AWS_SECRET_ACCESS_KEY=${keys.secretAccessKey}`,
        `export AWS_ENDPOINT_URL=${endpoint}`,
        `export AWS_REGION=${DEFAULT_REGION}`,
      ].join('\n'),
    );
  },
};

/** Where the credentials of a data directory live, for `status`. */
export function describeCredentials(dataDir: string): string {
  return `credentials in ${credentialsFile(dataDir)} (\`amplify local-cloud credentials\` prints them as shell exports)`;
}
