import type { ProgressEvent } from './progress-event';

function pad(text: string, width: number): string {
  return text.length >= width ? text : text + ' '.repeat(width - text.length);
}

/**
 * Renders progress as a plain event log, one line per event: what CI logs and pipes need. A richer live view for
 * terminals belongs to the CLI; this stays the fallback and the format tests can read.
 */
export function createEventLogPrinter(writeLine: (line: string) => void): (event: ProgressEvent) => void {
  return (event) => {
    switch (event.type) {
      case 'phase':
        writeLine(event.message);
        return;
      case 'notice':
        writeLine(event.level === 'warning' ? `Warning: ${event.message}` : event.message);
        return;
      case 'stack-event': {
        const resource = [...event.nestedPath, event.logicalId].join('/');
        const time = event.timestamp.toISOString().slice(11, 19);
        const reason = event.reason ? `  ${event.reason}` : '';
        writeLine(`${time}  ${pad(event.status, 30)} ${pad(resource, 40)} ${event.resourceType}${reason}`);
        return;
      }
    }
  };
}
