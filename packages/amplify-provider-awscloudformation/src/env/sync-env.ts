import { AmplifyError } from 'amplify-cli-core';
import type { AwsClientFactory } from '../aws/client-factory';
import { ProjectFiles } from '../project/project-files';
import type { RootStackOutputs } from '../project/project-types';
import { downloadCurrentCloudBackend } from './current-cloud-backend';
import { recordRootStack } from './record-env';
import { refreshOutputsFromCloud } from './refresh-outputs';

export interface SyncEnvironmentOptions {
  projectRoot: string;
  envName: string;
  factory: AwsClientFactory;
  /** Also replace `backend/` with the deployed copy (`env checkout --restore`, `pull --restore`, attach). */
  restoreBackend: boolean;
  /** The env's root stack outputs; read from team-provider-info when absent. */
  rootStack?: RootStackOutputs;
}

export interface SyncEnvironmentResult {
  /** False when the env was never pushed: the bucket holds no copy of its backend yet. */
  downloaded: boolean;
}

/**
 * Brings an existing env onto this machine (the original's `initEnv`): the deployed copy of the backend from
 * the deployment bucket, the root stack records, and fresh outputs of every deployed resource.
 */
export async function syncEnvironment(options: SyncEnvironmentOptions): Promise<SyncEnvironmentResult> {
  const files = new ProjectFiles(options.projectRoot);
  const rootStack = options.rootStack ?? files.readTeamProviderInfo()[options.envName]?.awscloudformation;
  if (!rootStack?.StackName || !rootStack.DeploymentBucketName) {
    throw new AmplifyError('EnvironmentNotFound', `team-provider-info.json has no root stack for env "${options.envName}".`, {
      resolution: 'Run "amplify env import" with the env\'s stack outputs, or "amplify env add" to create it.',
    });
  }
  const downloaded = await downloadCurrentCloudBackend(files, options.factory.s3(), rootStack.DeploymentBucketName, options.restoreBackend);
  // Written after the download: the downloaded meta copies carry the providers block of the machine that pushed.
  recordRootStack(files, options.envName, rootStack);
  await refreshOutputsFromCloud(files, options.factory.cloudFormation(), rootStack.StackName);
  return { downloaded };
}
