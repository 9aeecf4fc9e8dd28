import type { AwsClientFactory } from '../aws/client-factory';
import type { AwsConfigInfo } from '../aws/aws-config-info';
import type { ProgressListener } from '../deploy/progress-event';
import { ProjectFiles } from '../project/project-files';
import type { RootStackOutputs } from '../project/project-types';
import { createRootStack } from '../root-stack/create-root-stack';
import { storeCurrentCloudBackend } from './current-cloud-backend';
import { recordAwsConfig, recordRootStack } from './record-env';

export interface CreateEnvironmentOptions {
  projectRoot: string;
  projectName: string;
  envName: string;
  awsConfig: AwsConfigInfo;
  factory: AwsClientFactory;
  onProgress: ProgressListener;
  tags?: Array<{ Key: string; Value: string }>;
  maxPollIntervalMs?: number;
}

/**
 * A new env end to end, for callers with explicit inputs (tests, benchmarks, the context-taking `init` +
 * `onInitSuccessful` pair): root stack, the records of it, the credential choice, and the first
 * `#current-cloud-backend.zip` in the new deployment bucket.
 */
export async function createEnvironment(options: CreateEnvironmentOptions): Promise<RootStackOutputs> {
  const outputs = await createRootStack(options);
  await completeEnvironment(options.projectRoot, options.envName, outputs, options.awsConfig, options.factory);
  return outputs;
}

/** The provider's part of a successful init: persist and publish what init created. */
export async function completeEnvironment(
  projectRoot: string,
  envName: string,
  outputs: RootStackOutputs,
  awsConfig: AwsConfigInfo,
  factory: AwsClientFactory,
): Promise<void> {
  const files = new ProjectFiles(projectRoot);
  recordRootStack(files, envName, outputs);
  recordAwsConfig(files, envName, awsConfig);
  if (outputs.DeploymentBucketName) await storeCurrentCloudBackend(files, factory.s3(), outputs.DeploymentBucketName);
}
