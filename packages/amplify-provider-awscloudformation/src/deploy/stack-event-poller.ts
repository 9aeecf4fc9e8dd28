import type { StackEvent } from '@aws-sdk/client-cloudformation';
import type { CloudFormationApi } from '../aws/cloudformation-api';
import type { StackActivityEvent } from './progress-event';

const NESTED_STACK_TYPE = 'AWS::CloudFormation::Stack';

interface NestedStackPoller {
  poller: StackEventPoller;
  /**
   * `active` while the parent reports it in progress; `final-poll` once the parent reported a terminal status
   * (its last events may still be unread); `idle` afterwards. A later operation on the same nested stack
   * (a rollback) reactivates the same poller, so its events are never read twice.
   */
  state: 'active' | 'final-poll' | 'idle';
}

/**
 * Reads the events of one stack operation: only events since the operation started, each once, oldest first,
 * recursing into nested stacks as they appear (STYLE §10; modelled on the CDK's poller).
 */
export class StackEventPoller {
  private readonly seen = new Set<string>();
  private readonly nested = new Map<string, NestedStackPoller>();

  constructor(
    private readonly cfn: CloudFormationApi,
    private readonly stackName: string,
    private readonly startTime: Date,
    private readonly nestedPath: string[] = [],
  ) {}

  /** New events since the previous call, across this stack and every nested stack seen so far. */
  async poll(): Promise<StackActivityEvent[]> {
    const fresh = await this.pollOwn();
    for (const event of fresh) this.trackNested(event);
    const events: StackActivityEvent[] = [...fresh];
    for (const child of this.nested.values()) {
      if (child.state === 'idle') continue;
      events.push(...(await child.poller.poll()));
      if (child.state === 'final-poll') child.state = 'idle';
    }
    return events.sort((a, b) => a.timestamp.getTime() - b.timestamp.getTime());
  }

  private async pollOwn(): Promise<StackActivityEvent[]> {
    const collected: StackEvent[] = [];
    let nextToken: string | undefined;
    // Pages are newest first: stop at the first event already seen or older than this operation.
    pages: do {
      const page = await this.cfn.describeStackEvents(this.stackName, nextToken);
      for (const event of page.events) {
        const id = event.EventId ?? `${event.LogicalResourceId}-${event.ResourceStatus}-${String(event.Timestamp)}`;
        if (this.seen.has(id)) break pages;
        if (event.Timestamp && event.Timestamp.getTime() < this.startTime.getTime()) break pages;
        this.seen.add(id);
        collected.push(event);
      }
      nextToken = page.nextToken;
    } while (nextToken);
    return collected.reverse().map((event) => this.toActivity(event));
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
    const existing = this.nested.get(event.logicalId);
    if (existing) {
      existing.state = inProgress ? 'active' : 'final-poll';
      return;
    }
    // The physical id (the nested stack's ARN) is only known once CloudFormation has started creating it.
    if (!event.physicalId) return;
    this.nested.set(event.logicalId, {
      poller: new StackEventPoller(this.cfn, event.physicalId, this.startTime, [...this.nestedPath, event.logicalId]),
      state: inProgress ? 'active' : 'final-poll',
    });
  }
}
