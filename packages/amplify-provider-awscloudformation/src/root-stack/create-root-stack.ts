import type { Stack } from '@aws-sdk/client-cloudformation';
import type { AwsClientFactory } from '../aws/client-factory';
import { createStackAndWait } from '../deploy/stack-operations';
import type { ProgressListener } from '../deploy/progress-event';
import type { RootStackOutputs } from '../project/project-types';
import { rootStackNames, rootStackName } from './stack-name';
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
  );
  options.onProgress({ type: 'phase', phase: 'init', message: 'Successfully created initial AWS cloud resources for deployments.' });
  return stackOutputs(stack);
}
