import type { CreateStackInput, Stack, UpdateStackInput } from '@aws-sdk/client-cloudformation';
import { AmplifyError, faultPoint } from 'amplify-cli-core';
import type { CloudFormationApi } from '../aws/cloudformation-api';
import { describeFailureCause, findFailureCause, monitorStackOperation, type StackOperationResult } from './stack-activity-monitor';
import type { ProgressListener, StackActivityEvent } from './progress-event';
import { latestEventId } from './stack-event-poller';
import { StackStatus } from './stack-status';

export interface StackOperationOptions {
  onProgress: ProgressListener;
  maxPollIntervalMs?: number;
}

function failureMessage(stackName: string, verb: string, result: StackOperationResult): string {
  const cause = findFailureCause(result.events);
  const detail = cause ? describeFailureCause(cause) : (result.status.reason ?? 'no reason was reported');
  return `${verb} of stack ${stackName} failed (${result.status.name}): ${detail}`;
}

async function monitor(cfn: CloudFormationApi, stackName: string, start: OperationStart, options: StackOperationOptions): Promise<StackOperationResult> {
  return monitorStackOperation(cfn, stackName, {
    startTime: start.time,
    stopAtEventId: start.lastEventId,
    onProgress: options.onProgress,
    maxPollIntervalMs: options.maxPollIntervalMs,
  });
}

interface OperationStart {
  time: Date;
  lastEventId?: string;
}

/**
 * Where an operation's events begin: a time a little before "now" (CloudFormation's clock and ours can disagree
 * by a moment) and, for an existing stack, its newest event so far.
 */
async function operationStart(cfn: CloudFormationApi, existingStack?: string): Promise<OperationStart> {
  return { time: new Date(Date.now() - 1000), lastEventId: existingStack ? await latestEventId(cfn, existingStack) : undefined };
}

export async function createStackAndWait(cfn: CloudFormationApi, input: CreateStackInput, options: StackOperationOptions): Promise<Stack> {
  const start = await operationStart(cfn);
  const stackId = await cfn.createStack(input);
  const result = await monitor(cfn, stackId, start, options);
  if (!result.status.isSuccess || !result.stack) {
    throw new AmplifyError('StackCreateFailed', failureMessage(String(input.StackName), 'Creation', result), {
      resolution: 'Fix the cause above, delete the failed stack in the CloudFormation console (or "amplify env remove"), and run the command again.',
    });
  }
  return result.stack;
}

/**
 * A stack stuck in UPDATE_ROLLBACK_FAILED accepts no update until told to continue the rollback; doing that
 * here is what keeps a project pushable after a failed push (a top user complaint of the original).
 */
async function recoverFromRollbackFailure(cfn: CloudFormationApi, stackName: string, options: StackOperationOptions): Promise<StackStatus> {
  options.onProgress({ type: 'notice', level: 'warning', message: `Stack ${stackName} is in UPDATE_ROLLBACK_FAILED; continuing the rollback.` });
  const start = await operationStart(cfn, stackName);
  await cfn.continueUpdateRollback(stackName);
  return (await monitor(cfn, stackName, start, options)).status;
}

/** `events`: every event of the update, root and nested (which nested stacks it touched, for one). */
export type UpdateOutcome = { type: 'no-updates'; stack: Stack } | { type: 'updated'; stack: Stack; events: StackActivityEvent[] };

export async function updateStackAndWait(cfn: CloudFormationApi, input: UpdateStackInput, options: StackOperationOptions): Promise<UpdateOutcome> {
  const stackName = String(input.StackName);
  const before = await cfn.describeStack(stackName);
  if (!before) {
    throw new AmplifyError('RootStackNotFound', `The project's root stack ${stackName} does not exist.`, {
      resolution: 'Run "amplify env checkout <env>" for an env that exists, or "amplify init" to create this env again.',
    });
  }
  let status = new StackStatus(before.StackStatus ?? 'UNKNOWN', before.StackStatusReason);
  if (status.isInProgress) {
    throw new AmplifyError('StackBusy', `Stack ${stackName} is busy (${status.name}).`, {
      resolution: 'Wait for the running CloudFormation operation to finish, then push again.',
    });
  }
  if (status.needsContinueRollback) status = await recoverFromRollbackFailure(cfn, stackName, options);
  if (status.isUnusable) {
    throw new AmplifyError('StackUnusable', `Stack ${stackName} is in ${status.name} and cannot be updated.`, {
      resolution: 'Remove this env ("amplify env remove") and create it again with "amplify env add".',
    });
  }
  const start = await operationStart(cfn, stackName);
  if ((await cfn.updateStack(input)) === 'no-updates') return { type: 'no-updates', stack: before };
  faultPoint('push:after-update-stack-started');
  const result = await monitor(cfn, stackName, start, options);
  if (result.status.isSuccess && result.stack) return { type: 'updated', stack: result.stack, events: result.events };
  const message = failureMessage(stackName, 'Update', result);
  if (result.status.needsContinueRollback) await recoverFromRollbackFailure(cfn, stackName, options);
  throw new AmplifyError('StackDeployFailed', message, {
    resolution: 'Fix the resource named above and run "amplify push" again; nothing was changed locally.',
  });
}

/** Waits for whatever operation is running on the stack (one an interrupted command started) to end. */
export async function waitForStackOperation(cfn: CloudFormationApi, stackName: string, options: StackOperationOptions): Promise<StackOperationResult> {
  return monitor(cfn, stackName, await operationStart(cfn, stackName), options);
}

export async function deleteStackAndWait(cfn: CloudFormationApi, stackName: string, options: StackOperationOptions): Promise<'deleted' | 'not-found'> {
  const before = await cfn.describeStack(stackName);
  if (!before || new StackStatus(before.StackStatus ?? '').isDeleted) return 'not-found';
  const stackId = before.StackId ?? stackName;
  const start = await operationStart(cfn, stackId);
  await cfn.deleteStack(stackId);
  // Polled by id: a deleted stack is no longer found by name, but its id still answers with DELETE_COMPLETE.
  const result = await monitor(cfn, stackId, start, options);
  if (!result.status.isDeleted && !result.status.isNotFound) {
    throw new AmplifyError('StackDeleteFailed', failureMessage(stackName, 'Deletion', result), {
      resolution: 'Remove the blocking resource in the AWS console (or empty the bucket named above), then run the command again.',
    });
  }
  return 'deleted';
}
