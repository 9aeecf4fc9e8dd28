import * as path from 'path';
import { pathManager } from 'amplify-cli-core';

/**
 * `<~/.amplify or AMPLIFY_HOME>/awscloudformation`: where access keys given at init are kept (outside the
 * project, so they are never committed), and where older CLIs cached role credentials.
 */
export function providerHomeDir(): string {
  return path.join(pathManager.getHomeDotAmplifyDirPath(), 'awscloudformation');
}
