import type { ProgressEvent, StackActivityEvent } from './progress-event';
import { createEventLogPrinter } from './event-printer';

const ERASE_LINE = '\u001b[2K';
const CURSOR_UP = '\u001b[1A';

function resourcePath(event: StackActivityEvent): string {
  return [...event.nestedPath, event.logicalId].join('/');
}

/**
 * The terminal view of a deployment: finished and failed resources scroll by as log lines, while the resources
 * still in progress sit in a block at the bottom that is redrawn in place. Only for a TTY; pipes and CI get the
 * plain event log.
 */
export function createLiveActivityPrinter(out: { write(text: string): unknown }): (event: ProgressEvent) => void {
  const inProgress = new Map<string, StackActivityEvent>();
  let drawnLines = 0;
  const log = createEventLogPrinter((line) => out.write(`${line}\n`));

  const redraw = (printAbove: () => void) => {
    out.write(`${CURSOR_UP}${ERASE_LINE}`.repeat(drawnLines) + (drawnLines > 0 ? '\r' : ''));
    printAbove();
    const block = [...inProgress.values()].map((event) => `  ${event.status.padEnd(30)} ${resourcePath(event)}`);
    if (block.length > 0) out.write(`${[`In progress (${block.length}):`, ...block].join('\n')}\n`);
    drawnLines = block.length > 0 ? block.length + 1 : 0;
  };

  return (event) => {
    if (event.type !== 'stack-event') {
      redraw(() => log(event));
      return;
    }
    const key = `${event.stackName}|${resourcePath(event)}`;
    if (event.status.endsWith('_IN_PROGRESS')) {
      inProgress.set(key, event);
      redraw(() => undefined);
      return;
    }
    inProgress.delete(key);
    redraw(() => log(event));
  };
}
