import type { Stack } from '@aws-sdk/client-cloudformation';
import { AmplifyError } from 'amplify-cli-core';
import type { AwsClientFactory } from '../aws/client-factory';
import { createStackAndWait, deleteStackAndWait } from '../deploy/stack-operations';
import type { ProgressListener } from '../deploy/progress-event';
import type { RootStackOutputs } from '../project/project-types';
import { type RootStackNames, rootStackNames, rootStackName } from './stack-name';
import { rootStackTemplate } from './root-stack-template';

export interface CreateRootStackOptions {
  projectName: string;
  envName: string;
  factory: AwsClientFactory;
  onProgress: ProgressListener;
  tags?: Array<{ Key: string; Value: string }>;
  /** Fixes the time part of the stack name (tests). */
  now?: Date;
  maxPollIntervalMs?: number;
}

/** A stack's outputs as the key/value object that meta and team-provider-info store. */
export function stackOutputs(stack: Stack): Record<string, string> {
  const outputs: Record<string, string> = {};
  for (const output of stack.Outputs ?? []) {
    if (output.OutputKey && output.OutputValue !== undefined) outputs[output.OutputKey] = output.OutputValue;
  }
  return outputs;
}

/**
 * A root stack whose creation failed can only be deleted; its deployment bucket is retained by policy, so it is
 * removed here too (it is new and holds nothing of the user's). Best effort: the creation error is what matters.
 */
async function removeFailedRootStack(options: CreateRootStackOptions, names: RootStackNames): Promise<void> {
  try {
    await deleteStackAndWait(options.factory.cloudFormation(), names.stackName, { onProgress: options.onProgress, maxPollIntervalMs: options.maxPollIntervalMs });
    const s3 = options.factory.s3();
    if (await s3.bucketExists(names.deploymentBucketName)) {
      await s3.emptyBucket(names.deploymentBucketName);
      await s3.deleteBucket(names.deploymentBucketName);
    }
  } catch (error) {
    options.onProgress({ type: 'notice', level: 'warning', message: `The failed stack ${names.stackName} could not be removed: ${(error as Error).message}` });
  }
}

/** Creates an env's root stack (deployment bucket and identity roles) and returns its outputs. */
export async function createRootStack(options: CreateRootStackOptions): Promise<RootStackOutputs> {
  const names = rootStackNames(rootStackName(options.projectName, options.envName, options.now));
  options.onProgress({ type: 'phase', phase: 'init', message: 'Initializing project in the cloud...' });
  const stack = await createStackAndWait(
    options.factory.cloudFormation(),
    {
      StackName: names.stackName,
      TemplateBody: JSON.stringify(rootStackTemplate()),
      Capabilities: ['CAPABILITY_NAMED_IAM', 'CAPABILITY_AUTO_EXPAND'],
      Parameters: [
        { ParameterKey: 'DeploymentBucketName', ParameterValue: names.deploymentBucketName },
        { ParameterKey: 'AuthRoleName', ParameterValue: names.authRoleName },
        { ParameterKey: 'UnauthRoleName', ParameterValue: names.unauthRoleName },
      ],
      Tags: options.tags,
    },
    { onProgress: options.onProgress, maxPollIntervalMs: options.maxPollIntervalMs },
  ).catch(async (error: unknown) => {
    if (!(error instanceof AmplifyError) || error.code !== 'StackCreateFailed') throw error;
    await removeFailedRootStack(options, names);
    throw new AmplifyError('RootStackCreationFailed', `Root stack creation failed: ${error.message}`, {
      resolution: 'Fix the cause above (permissions, a name already taken) and run the command again; the failed stack was removed.',
      cause: error,
    });
  });
  options.onProgress({ type: 'phase', phase: 'init', message: 'Successfully created initial AWS cloud resources for deployments.' });
  return stackOutputs(stack);
}
