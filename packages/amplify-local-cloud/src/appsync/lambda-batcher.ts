import { ResolverError } from './appsync-errors';
import type { LambdaInvoker } from './ports';

interface PendingBatch {
  functionArn: string;
  entries: { payload: unknown; resolve(value: unknown): void; reject(error: unknown): void }[];
}

/**
 * Lambda `BatchInvoke` as AppSync runs it: the items one resolver site asks for while a request executes (the
 * `author` of each post of a list) go to the function together, at most `maxBatchSize` at a time, as one list of
 * payloads; the function answers a list of results in the same order.
 */
export class LambdaBatcher {
  private readonly pending = new Map<string, PendingBatch>();

  constructor(private readonly lambda: LambdaInvoker) {}

  enqueue(site: string, functionArn: string, maxBatchSize: number | undefined, payload: unknown): Promise<unknown> {
    const key = `${site}\n${functionArn}`;
    return new Promise((resolve, reject) => {
      let batch = this.pending.get(key);
      if (batch === undefined) {
        batch = { functionArn, entries: [] };
        this.pending.set(key, batch);
        // Siblings in a list resolve in the same turn of the event loop: the batch goes out after it.
        setImmediate(() => this.flush(key, batch!));
      }
      batch.entries.push({ payload, resolve, reject });
      if (maxBatchSize !== undefined && maxBatchSize > 0 && batch.entries.length >= maxBatchSize) this.flush(key, batch);
    });
  }

  private flush(key: string, batch: PendingBatch): void {
    if (this.pending.get(key) !== batch) return;
    this.pending.delete(key);
    const { entries } = batch;
    this.lambda.invoke(batch.functionArn, entries.map((entry) => entry.payload)).then(
      (answer) => {
        if (!Array.isArray(answer) || answer.length !== entries.length) {
          const error = new ResolverError(`The BatchInvoke function ${batch.functionArn} must answer a list of ${entries.length} results, one per payload.`, 'Lambda:Unhandled');
          entries.forEach((entry) => entry.reject(error));
          return;
        }
        entries.forEach((entry, index) => entry.resolve(answer[index] ?? null));
      },
      (error: unknown) => entries.forEach((entry) => entry.reject(error)),
    );
  }
}
