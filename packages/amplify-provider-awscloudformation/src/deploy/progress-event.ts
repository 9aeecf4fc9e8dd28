/**
 * What the provider's engines report while they work. The CLI decides how to render them: a live
 * view on a TTY, a plain log in CI, JSON under --json. Engines never print.
 */
export interface StackActivityEvent {
  type: 'stack-event';
  eventId: string;
  /** The stack the event belongs to (a nested stack's own name for nested events). */
  stackName: string;
  /** Logical ids from the root stack down to the nested stack that holds this resource; empty for the root. */
  nestedPath: string[];
  logicalId: string;
  physicalId?: string;
  resourceType: string;
  status: string;
  reason?: string;
  timestamp: Date;
}

export interface PhaseEvent {
  type: 'phase';
  phase: 'validate' | 'package' | 'upload' | 'deploy' | 'outputs' | 'current-cloud-backend' | 'delete' | 'init';
  message: string;
}

export interface NoticeEvent {
  type: 'notice';
  level: 'info' | 'warning';
  message: string;
}

export type ProgressEvent = StackActivityEvent | PhaseEvent | NoticeEvent;

export type ProgressListener = (event: ProgressEvent) => void;

/** For callers that do not want progress (benchmarks, tests that only check results). */
export const ignoreProgress: ProgressListener = () => undefined;
