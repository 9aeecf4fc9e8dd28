import type { InterruptedPushOutcome } from 'amplify-cli-core';
import type { AwsClientFactory } from '../aws/client-factory';
import type { ProjectFiles } from '../project/project-files';
import type { ProgressListener } from './progress-event';
import { type DeploymentRecord, recordDeployment, templateHash } from './push-resources';
import { collectNestedStackOutputs } from './stack-outputs';
import { waitForStackOperation } from './stack-operations';
import { StackStatus } from './stack-status';

export interface SettleDeploymentOptions {
  files: ProjectFiles;
  envName: string;
  /** What the interrupted push recorded before it updated the root stack; undefined when it stopped before that. */
  record: DeploymentRecord | undefined;
  factory: AwsClientFactory;
  onProgress: ProgressListener;
  maxPollIntervalMs?: number;
}

export function isDeploymentRecord(value: unknown): value is DeploymentRecord {
  const record = value as Partial<DeploymentRecord> | undefined;
  return typeof record?.stackName === 'string' && typeof record.rootTemplateHash === 'string' && Array.isArray(record.resources);
}

/**
 * Finds out what became of an interrupted deploy and, when it took effect, records it as the deploy itself would
 * have: an update still running is waited for; the root stack then runs the recorded template only if the update
 * succeeded (a rolled-back or never-started update left the previous template in place).
 */
export async function settleInterruptedDeployment(options: SettleDeploymentOptions): Promise<InterruptedPushOutcome> {
  const { record } = options;
  if (!record) return { type: 'not-deployed' };
  const cfn = options.factory.cloudFormation();
  let stack = await cfn.describeStack(record.stackName);
  if (!stack) return { type: 'not-deployed' };
  if (new StackStatus(stack.StackStatus ?? 'UNKNOWN').isInProgress) {
    options.onProgress({ type: 'notice', level: 'info', message: `Waiting for the interrupted update of stack ${record.stackName} to finish...` });
    stack = (await waitForStackOperation(cfn, record.stackName, { onProgress: options.onProgress, maxPollIntervalMs: options.maxPollIntervalMs })).stack;
  }
  if (!stack || !new StackStatus(stack.StackStatus ?? 'UNKNOWN').isSuccess) return { type: 'not-deployed' };
  const deployedTemplate = await cfn.getTemplateBody(record.stackName);
  if (deployedTemplate === undefined || templateHash(deployedTemplate) !== record.rootTemplateHash) return { type: 'not-deployed' };
  recordDeployment(options.files, options.envName, record, await collectNestedStackOutputs(cfn, record.stackName));
  return { type: 'deployed' };
}
