/**
 * CloudFormation's stack and resource statuses as types, so the engine asks `isInProgress(status)` instead of
 * comparing strings across the code. The names are exactly AWS's: clients poll for them.
 */
export const STACK_STATUSES = [
  'CREATE_IN_PROGRESS',
  'CREATE_FAILED',
  'CREATE_COMPLETE',
  'ROLLBACK_IN_PROGRESS',
  'ROLLBACK_FAILED',
  'ROLLBACK_COMPLETE',
  'DELETE_IN_PROGRESS',
  'DELETE_FAILED',
  'DELETE_COMPLETE',
  'UPDATE_IN_PROGRESS',
  'UPDATE_COMPLETE_CLEANUP_IN_PROGRESS',
  'UPDATE_COMPLETE',
  'UPDATE_FAILED',
  'UPDATE_ROLLBACK_IN_PROGRESS',
  'UPDATE_ROLLBACK_FAILED',
  'UPDATE_ROLLBACK_COMPLETE_CLEANUP_IN_PROGRESS',
  'UPDATE_ROLLBACK_COMPLETE',
] as const;

export type StackStatus = (typeof STACK_STATUSES)[number];

export type ResourceStatus =
  | 'CREATE_IN_PROGRESS'
  | 'CREATE_FAILED'
  | 'CREATE_COMPLETE'
  | 'DELETE_IN_PROGRESS'
  | 'DELETE_FAILED'
  | 'DELETE_COMPLETE'
  | 'DELETE_SKIPPED'
  | 'UPDATE_IN_PROGRESS'
  | 'UPDATE_FAILED'
  | 'UPDATE_COMPLETE';

export function isStackStatus(value: string): value is StackStatus {
  return (STACK_STATUSES as readonly string[]).includes(value);
}

export function isInProgress(status: StackStatus | ResourceStatus): boolean {
  return status.endsWith('_IN_PROGRESS');
}

export function isFailure(status: StackStatus | ResourceStatus): boolean {
  return status.endsWith('_FAILED') || status === 'ROLLBACK_COMPLETE' || status === 'UPDATE_ROLLBACK_COMPLETE';
}

export function isComplete(status: StackStatus | ResourceStatus): boolean {
  return !isInProgress(status);
}

/** Stacks in these states accept an UpdateStack (AWS refuses updates in every other state). */
export function isUpdatable(status: StackStatus): boolean {
  return status === 'CREATE_COMPLETE' || status === 'UPDATE_COMPLETE' || status === 'UPDATE_ROLLBACK_COMPLETE';
}
