import type { StackEvent } from '@aws-sdk/client-cloudformation';
import type { CloudFormationApi } from '../aws/cloudformation-api';
import type { StackActivityEvent } from './progress-event';

const NESTED_STACK_TYPE = 'AWS::CloudFormation::Stack';

interface NestedStackPoller {
  poller: StackEventPoller;
  /**
   * `active` while the parent reports it in progress; `final-poll` once the parent reported a terminal status
   * (its last events may still be unread, and its cleanup, which CloudFormation runs during the parent's, reports
   * no new event in the parent); `idle` once the parent itself has finished. A later operation on the same nested stack
   * (a rollback) reactivates the same poller, so its events are never read twice.
   */
  state: 'active' | 'final-poll' | 'idle';
}

/**
 * Reads the events of one stack operation: only events since the operation started, each once, oldest first,
 * recursing into nested stacks as they appear (modelled on the CDK's poller).
 */
export class StackEventPoller {
  private readonly seen = new Set<string>();
  private readonly nested = new Map<string, NestedStackPoller>();
  /** When this operation first reported each nested stack, by logical id. */
  private readonly nestedStarts = new Map<string, Date>();
  /** Whether this stack's own latest status is in progress (cleanup included); unknown counts as in progress. */
  private selfInProgress = true;

  /**
   * @param startTime events older than this belong to earlier operations
   * @param stopAtEventId the newest event before this operation began: a second boundary, because an operation
   *   that follows another within the clock slack would otherwise show the earlier one's events again
   */
  constructor(
    private readonly cfn: CloudFormationApi,
    private readonly stackName: string,
    private readonly startTime: Date,
    private readonly nestedPath: string[] = [],
    private readonly stopAtEventId?: string,
  ) {}

  /** New events since the previous call, across this stack and every nested stack seen so far. */
  async poll(): Promise<StackActivityEvent[]> {
    const fresh = await this.pollOwn();
    for (const event of fresh) this.trackNested(event);
    const streams: StackActivityEvent[][] = [fresh];
    for (const child of this.nested.values()) {
      if (child.state === 'idle') continue;
      streams.push(await child.poller.poll());
      if (child.state === 'final-poll' && !this.selfInProgress) child.state = 'idle';
    }
    return mergeEventStreams(streams);
  }

  private async pollOwn(): Promise<StackActivityEvent[]> {
    const collected: StackEvent[] = [];
    let nextToken: string | undefined;
    // Pages are newest first: stop at the first event already seen or older than this operation.
    pages: do {
      const page = await this.cfn.describeStackEvents(this.stackName, nextToken);
      for (const event of page.events) {
        const id = event.EventId ?? `${event.LogicalResourceId}-${event.ResourceStatus}-${String(event.Timestamp)}`;
        if (this.seen.has(id) || id === this.stopAtEventId) break pages;
        if (event.Timestamp && event.Timestamp.getTime() < this.startTime.getTime()) break pages;
        this.seen.add(id);
        collected.push(event);
      }
      nextToken = page.nextToken;
    } while (nextToken);
    const latestSelf = collected.find((event) => event.LogicalResourceId === event.StackName);
    if (latestSelf?.ResourceStatus) this.selfInProgress = latestSelf.ResourceStatus.endsWith('_IN_PROGRESS');
    // A nested stack's own status events repeat what its parent reports for it (under the nested stack's name).
    const own = this.nestedPath.length > 0 ? collected.filter((event) => event.LogicalResourceId !== event.StackName) : collected;
    return own.reverse().map((event) => this.toActivity(event));
  }

  private toActivity(event: StackEvent): StackActivityEvent {
    return {
      type: 'stack-event',
      eventId: event.EventId ?? '',
      stackName: event.StackName ?? this.stackName,
      nestedPath: this.nestedPath,
      logicalId: event.LogicalResourceId ?? '',
      physicalId: event.PhysicalResourceId || undefined,
      resourceType: event.ResourceType ?? '',
      status: event.ResourceStatus ?? '',
      reason: event.ResourceStatusReason || undefined,
      timestamp: event.Timestamp ?? new Date(),
    };
  }

  private trackNested(event: StackActivityEvent): void {
    // A stack's own status events name the stack itself as the resource: not a nested stack.
    if (event.resourceType !== NESTED_STACK_TYPE || event.logicalId === '' || event.logicalId === event.stackName) return;
    const inProgress = event.status.endsWith('_IN_PROGRESS');
    if (!this.nestedStarts.has(event.logicalId)) this.nestedStarts.set(event.logicalId, event.timestamp);
    const existing = this.nested.get(event.logicalId);
    if (existing) {
      existing.state = inProgress ? 'active' : 'final-poll';
      return;
    }
    // The physical id (the nested stack's ARN) is only known once CloudFormation has started creating it; a
    // nested stack that failed at once may only be named in its parent's failure reason.
    const physicalId = event.physicalId ?? /Embedded stack (arn:\S+?) was not/.exec(event.reason ?? '')?.[1];
    if (!physicalId) return;
    // The nested stack's part of this operation starts no earlier than the parent's first event for it (both
    // are CloudFormation's timestamps, so no clock slack is needed between them).
    const first = this.nestedStarts.get(event.logicalId) ?? this.startTime;
    const childStart = first.getTime() > this.startTime.getTime() ? first : this.startTime;
    this.nested.set(event.logicalId, {
      poller: new StackEventPoller(this.cfn, physicalId, childStart, [...this.nestedPath, event.logicalId]),
      state: inProgress ? 'active' : 'final-poll',
    });
  }
}

/**
 * Where an event sorts among events of other stacks stamped with the same millisecond (the local cloud does a
 * whole nested stack within one): starts outside-in, then finishes inside-out, so a nested stack's resources
 * appear between its parent's "in progress" and "complete" lines.
 */
function tieRank(event: StackActivityEvent): number {
  const depth = event.nestedPath.length;
  return event.status.endsWith('_IN_PROGRESS') ? depth : 1000 - depth;
}

/** Merges per-stack event lists (each already in order) by time, keeping each stack's own order. */
function mergeEventStreams(streams: StackActivityEvent[][]): StackActivityEvent[] {
  const heads = streams.map(() => 0);
  const merged: StackActivityEvent[] = [];
  for (;;) {
    let pick = -1;
    for (let i = 0; i < streams.length; i++) {
      const candidate = streams[i][heads[i]];
      if (!candidate) continue;
      if (pick < 0) {
        pick = i;
        continue;
      }
      const best = streams[pick][heads[pick]];
      const byTime = candidate.timestamp.getTime() - best.timestamp.getTime();
      if (byTime < 0 || (byTime === 0 && tieRank(candidate) < tieRank(best))) pick = i;
    }
    if (pick < 0) return merged;
    merged.push(streams[pick][heads[pick]++]);
  }
}

/** The id of a stack's newest event, taken just before an operation starts (see `stopAtEventId`). */
export async function latestEventId(cfn: CloudFormationApi, stackName: string): Promise<string | undefined> {
  const page = await cfn.describeStackEvents(stackName);
  return page.events[0]?.EventId;
}
