import type { Stack } from '@aws-sdk/client-cloudformation';
import { faultPoint } from 'amplify-cli-core';
import type { CloudFormationApi } from '../aws/cloudformation-api';
import { StackEventPoller } from './stack-event-poller';
import { StackStatus, isFailedResourceStatus } from './stack-status';
import type { ProgressListener, StackActivityEvent } from './progress-event';

export interface MonitorOptions {
  /** Events older than this belong to earlier operations and are not shown. */
  startTime: Date;
  /** The newest event from before this operation (see `StackEventPoller`). */
  stopAtEventId?: string;
  onProgress: ProgressListener;
  /** First wait between polls; doubles up to `maxPollIntervalMs` (the local cloud answers in milliseconds). */
  initialPollIntervalMs?: number;
  maxPollIntervalMs?: number;
}

export interface StackOperationResult {
  status: StackStatus;
  stack?: Stack;
  /** Every event of the operation, root and nested, in order: the failure report is built from these. */
  events: StackActivityEvent[];
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Waits until a stack operation ends, streaming its events; always polls once more after the stack settled,
 * because the event that carries the failure reason often lands after the status the loop saw.
 */
export async function monitorStackOperation(cfn: CloudFormationApi, stackName: string, options: MonitorOptions): Promise<StackOperationResult> {
  const poller = new StackEventPoller(cfn, stackName, options.startTime, [], options.stopAtEventId);
  const events: StackActivityEvent[] = [];
  const emit = (batch: StackActivityEvent[]) => {
    for (const event of batch) {
      events.push(event);
      options.onProgress(event);
    }
  };
  let interval = options.initialPollIntervalMs ?? 25;
  const maxInterval = options.maxPollIntervalMs ?? 5000;
  for (;;) {
    const stack = await cfn.describeStack(stackName);
    faultPoint('push:during-stack-wait');
    const status = stack ? new StackStatus(stack.StackStatus ?? 'UNKNOWN', stack.StackStatusReason) : StackStatus.notFound();
    if (!status.isInProgress) {
      // A stack that vanished (delete finished) can still be read by its id for the final events.
      emit(await poller.poll().catch(() => []));
      return { status, stack, events };
    }
    emit(await poller.poll());
    await sleep(interval);
    interval = Math.min(interval * 2, maxInterval);
  }
}

/** Cascade messages that only point at another failure; the root cause is the event they point to. */
const CASCADE_REASONS = [/Resource creation cancelled/i, /Resource update cancelled/i, /The following resource\(s\) failed/i, /Embedded stack .* was not successfully/i];

export interface FailureCause {
  logicalId: string;
  resourceType: string;
  nestedPath: string[];
  reason: string;
}

/**
 * The resource that made the operation fail: the first failed event with a real reason, preferring the deepest
 * nested stack (a nested stack's failure is only reported by its parent as "Embedded stack ... was not successfully ...").
 */
export function findFailureCause(events: StackActivityEvent[]): FailureCause | undefined {
  const failed = events.filter((e) => isFailedResourceStatus(e.status) && e.reason);
  const root = failed.filter((e) => !CASCADE_REASONS.some((pattern) => pattern.test(e.reason ?? '')));
  const pick = (root.length > 0 ? root : failed).sort((a, b) => b.nestedPath.length - a.nestedPath.length || a.timestamp.getTime() - b.timestamp.getTime())[0];
  if (!pick) return undefined;
  return { logicalId: pick.logicalId, resourceType: pick.resourceType, nestedPath: pick.nestedPath, reason: pick.reason ?? '' };
}

export function describeFailureCause(cause: FailureCause): string {
  const where = cause.nestedPath.length > 0 ? ` in nested stack ${cause.nestedPath.join('/')}` : '';
  return `${cause.logicalId} (${cause.resourceType})${where} failed: ${cause.reason}`;
}
