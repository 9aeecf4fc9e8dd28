/**
 * A CloudFormation stack status as a type with questions, so the rest of the code never compares
 * status strings.
 */
export class StackStatus {
  static notFound(): StackStatus {
    return new StackStatus('NOT_FOUND');
  }

  constructor(
    readonly name: string,
    readonly reason?: string,
  ) {}

  get isNotFound(): boolean {
    return this.name === 'NOT_FOUND';
  }

  /** REVIEW_IN_PROGRESS is a stack created for a change set that was never executed: nothing is running. */
  get isInProgress(): boolean {
    return this.name.endsWith('_IN_PROGRESS') && this.name !== 'REVIEW_IN_PROGRESS';
  }

  get isRollback(): boolean {
    return this.name.includes('ROLLBACK');
  }

  get isFailure(): boolean {
    return this.name.endsWith('FAILED') || (this.isRollback && !this.isInProgress);
  }

  get isDeleted(): boolean {
    return this.name === 'DELETE_COMPLETE';
  }

  get isSuccess(): boolean {
    return !this.isNotFound && !this.isInProgress && !this.isFailure;
  }

  /** The one state from which no update is accepted until CloudFormation is told to continue the rollback. */
  get needsContinueRollback(): boolean {
    return this.name === 'UPDATE_ROLLBACK_FAILED';
  }

  /** A stack whose first create failed can only be deleted. */
  get isUnusable(): boolean {
    return this.name === 'ROLLBACK_COMPLETE' || this.name === 'ROLLBACK_FAILED' || this.name === 'CREATE_FAILED';
  }

  toString(): string {
    return this.reason ? `${this.name} (${this.reason})` : this.name;
  }
}

/** The status of one resource's event: same questions, for a single line of the event log. */
export function isFailedResourceStatus(status: string | undefined): boolean {
  return status !== undefined && status.endsWith('_FAILED');
}
