import type { StackResource } from '@aws-sdk/client-cloudformation';
import type { AwsClientFactory } from '../aws/client-factory';
import { AmplifyError } from 'amplify-cli-core';
import { isStackMissingError, type CloudFormationApi } from '../aws/cloudformation-api';
import { unregisterBackendEnvironment } from './amplify-app';
import { deleteStackAndWait } from '../deploy/stack-operations';
import type { ProgressListener } from '../deploy/progress-event';
import type { RootStackOutputs } from '../project/project-types';
import { specTemplateValidator, type TemplateValidator } from '../deploy/template-validator';

export interface DeleteEnvOptions {
  envName: string;
  rootStack: RootStackOutputs;
  factory: AwsClientFactory;
  /** Also empty and delete the deployment bucket, which the root stack retains by policy. */
  deleteS3: boolean;
  onProgress: ProgressListener;
  maxPollIntervalMs?: number;
  /** Reads deployed templates (JSON or YAML) to find buckets kept by `DeletionPolicy: Retain`. */
  validator?: TemplateValidator;
}

export interface DeleteEnvResult {
  stack: 'deleted' | 'not-found';
  /** Buckets emptied so that their stacks could delete them, plus the deployment bucket when it was deleted. */
  bucketsDeleted: string[];
}

interface StackBucket {
  physicalId: string;
  retained: boolean;
}

/**
 * The `DeletionPolicy` of each resource in the stack's deployed template. A template that cannot be read or parsed
 * stops the delete: without it a bucket kept by `Retain` cannot be told from one the stack deletes, and emptying
 * a retained bucket loses data that the template promised to keep. Nothing has been deleted at that point, so the
 * user can fix access and run the command again.
 */
async function deletionPolicies(cfn: CloudFormationApi, stackName: string, parse: TemplateValidator['parse']): Promise<Record<string, string | undefined>> {
  const unreadable = (reason: string, cause?: unknown) =>
    new AmplifyError('DeployedTemplateUnreadable', `The deployed template of stack ${stackName} cannot be read (${reason}), so buckets it retains cannot be told apart; nothing was deleted.`, {
      resolution: 'Check that the credentials may call cloudformation:GetTemplate on the stack, then run the command again',
      cause,
    });
  let templateBody: string | undefined;
  try {
    templateBody = await cfn.getTemplateBody(stackName);
  } catch (error) {
    throw unreadable(oneLine(error), error);
  }
  if (!templateBody) throw unreadable('CloudFormation returned no template');
  let template: Record<string, unknown>;
  try {
    template = parse(templateBody, `deployed template of ${stackName}`);
  } catch (error) {
    throw unreadable(oneLine(error), error);
  }
  const resources = (template.Resources ?? {}) as Record<string, { DeletionPolicy?: unknown }>;
  return Object.fromEntries(Object.entries(resources).map(([id, r]) => [id, typeof r.DeletionPolicy === 'string' ? r.DeletionPolicy : undefined]));
}

function oneLine(error: unknown): string {
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return message.split('\n')[0];
}

/**
 * Every S3 bucket in a stack and its nested stacks, with whether the template keeps it on stack deletion. Only a
 * stack that is gone has no buckets: any other failure to list its resources (throttling, AccessDenied) would leave
 * buckets unemptied without a word, so it stops the delete.
 */
async function stackBuckets(cfn: CloudFormationApi, stackName: string, parse: TemplateValidator['parse']): Promise<StackBucket[]> {
  let resources: StackResource[];
  try {
    resources = await cfn.describeStackResources(stackName);
  } catch (error) {
    if (isStackMissingError(error)) return [];
    throw new AmplifyError('StackResourcesUnreadable', `Cannot list the resources of stack ${stackName} to empty its buckets: ${oneLine(error)}`, {
      resolution: 'Check the credentials (cloudformation:DescribeStackResources) and retry; nothing was deleted',
      cause: error,
    });
  }
  const hasBuckets = resources.some((r) => r.ResourceType === 'AWS::S3::Bucket' && r.PhysicalResourceId && r.LogicalResourceId);
  const policies = hasBuckets ? await deletionPolicies(cfn, stackName, parse) : {};
  const buckets: StackBucket[] = [];
  for (const resource of resources) {
    if (!resource.PhysicalResourceId || !resource.LogicalResourceId) continue;
    if (resource.ResourceType === 'AWS::S3::Bucket') {
      const policy = policies[resource.LogicalResourceId];
      buckets.push({ physicalId: resource.PhysicalResourceId, retained: policy === 'Retain' || policy === 'RetainExceptOnCreate' });
    } else if (resource.ResourceType === 'AWS::CloudFormation::Stack') {
      buckets.push(...(await stackBuckets(cfn, resource.PhysicalResourceId, parse)));
    }
  }
  return buckets;
}

/**
 * Removes an env from the cloud (the original's delete can fail on a bucket that still holds objects): buckets the
 * stacks own are emptied first so CloudFormation can delete them, retained buckets are left as the template asks, the root stack is deleted
 * (events streamed), and with `deleteS3` the deployment bucket goes too.
 */
export async function deleteEnvFromCloud(options: DeleteEnvOptions): Promise<DeleteEnvResult> {
  const cfn = options.factory.cloudFormation();
  const s3 = options.factory.s3();
  const stackName = options.rootStack.StackName;
  const deploymentBucket = options.rootStack.DeploymentBucketName;
  const bucketsDeleted: string[] = [];
  let stack: DeleteEnvResult['stack'] = 'not-found';
  if (stackName) {
    options.onProgress({ type: 'phase', phase: 'delete', message: `Deleting env ${options.envName} from the cloud...` });
    const parse = (options.validator ?? specTemplateValidator()).parse;
    const buckets = (await stackBuckets(cfn, stackName, parse)).filter((b) => !b.retained && b.physicalId !== deploymentBucket);
    for (const bucket of buckets) {
      if (await s3.bucketExists(bucket.physicalId)) {
        await s3.emptyBucket(bucket.physicalId);
        bucketsDeleted.push(bucket.physicalId);
      }
    }
    stack = await deleteStackAndWait(cfn, stackName, { onProgress: options.onProgress, maxPollIntervalMs: options.maxPollIntervalMs });
    if (stack === 'not-found') {
      options.onProgress({ type: 'notice', level: 'warning', message: `Stack ${stackName} does not exist any more; nothing to delete there.` });
    }
  }
  const appId = options.rootStack.AmplifyAppId;
  if (typeof appId === 'string' && appId !== '') await unregisterBackendEnvironment(options.factory.amplifyClient(), appId, options.envName);
  if (options.deleteS3 && deploymentBucket) {
    if (await s3.bucketExists(deploymentBucket)) {
      await s3.emptyBucket(deploymentBucket);
      await s3.deleteBucket(deploymentBucket);
      bucketsDeleted.push(deploymentBucket);
    } else {
      options.onProgress({ type: 'notice', level: 'info', message: `Deployment bucket ${deploymentBucket} does not exist any more.` });
    }
  }
  return { stack, bucketsDeleted };
}
