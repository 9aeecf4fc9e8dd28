import { randomUUID } from 'crypto';
import type { ResourceStatus, StackStatus } from './stack-status';
import type { ResourceRecord, StackRecord, StackStore } from './stack-store';

const now = (): string => new Date().toISOString();

/** Writes every status change of stacks and resources together with the event that reports it, as AWS lists them. */
export class StackRecorder {
  constructor(private readonly store: StackStore) {}

  setStatus(stackId: string, status: StackStatus, reason?: string, changes: Partial<StackRecord> = {}): StackRecord {
    const stack = this.store.getStack(stackId)!;
    const updated: StackRecord = { ...stack, ...changes, status, statusReason: reason };
    if (status === 'DELETE_COMPLETE') updated.deletionTime = now();
    this.store.saveStack(updated);
    this.stackEvent(stackId, status, reason);
    return updated;
  }

  stackEvent(stackId: string, status: StackStatus, reason?: string): void {
    const stack = this.store.getStack(stackId)!;
    this.store.addEvent({
      eventId: randomUUID(),
      stackId,
      stackName: stack.stackName,
      logicalId: stack.stackName,
      physicalId: stackId,
      type: 'AWS::CloudFormation::Stack',
      status,
      reason,
      timestamp: now(),
    });
  }

  /** Saves the resource's new state and records the event of the transition. */
  transition(stack: StackRecord, record: ResourceRecord, status: ResourceStatus, reason?: string, eventPhysicalId = record.physicalId): ResourceRecord {
    const updated: ResourceRecord = { ...record, status, statusReason: reason, lastUpdated: now() };
    this.store.putResource(stack.stackId, updated);
    this.store.addEvent({
      eventId: randomUUID(),
      stackId: stack.stackId,
      stackName: stack.stackName,
      logicalId: record.logicalId,
      physicalId: eventPhysicalId,
      type: record.type,
      status,
      reason,
      properties: status.endsWith('_IN_PROGRESS') ? JSON.stringify(record.properties) : undefined,
      timestamp: updated.lastUpdated,
    });
    return updated;
  }

  event(stack: StackRecord, record: ResourceRecord, status: ResourceStatus, reason: string | undefined, physicalId: string | undefined): void {
    this.store.addEvent({
      eventId: randomUUID(),
      stackId: stack.stackId,
      stackName: stack.stackName,
      logicalId: record.logicalId,
      physicalId,
      type: record.type,
      status,
      reason,
      timestamp: now(),
    });
  }
}
