import { createLiveActivityPrinter } from '../live-activity-printer';
import type { StackActivityEvent } from '../progress-event';

/** Applies the printer's output to a screen of lines, honouring "cursor up" and "erase line". */
function screen(): { write(text: string): void; lines: string[] } {
  const lines: string[] = [''];
  return {
    lines,
    write(text: string) {
      let rest = text;
      while (rest.length > 0) {
        if (rest.startsWith('\u001b[1A')) {
          lines.pop();
          if (lines.length === 0) lines.push('');
          rest = rest.slice(4);
        } else if (rest.startsWith('\u001b[2K')) {
          lines[lines.length - 1] = '';
          rest = rest.slice(4);
        } else if (rest[0] === '\r') {
          rest = rest.slice(1);
        } else if (rest[0] === '\n') {
          lines.push('');
          rest = rest.slice(1);
        } else {
          lines[lines.length - 1] += rest[0];
          rest = rest.slice(1);
        }
      }
    },
  };
}

const event = (logicalId: string, status: string, nestedPath: string[] = []): StackActivityEvent => ({
  type: 'stack-event',
  eventId: `${logicalId}-${status}`,
  stackName: nestedPath.length ? 'nested' : 'root',
  nestedPath,
  logicalId,
  resourceType: 'AWS::S3::Bucket',
  status,
  timestamp: new Date('2026-01-01T10:00:00Z'),
});

describe('createLiveActivityPrinter', () => {
  it('keeps in-progress resources in a block redrawn in place and logs the finished ones above it', () => {
    const out = screen();
    const print = createLiveActivityPrinter(out);
    print({ type: 'phase', phase: 'deploy', message: 'Updating resources in the cloud.' });
    print(event('storageimages', 'UPDATE_IN_PROGRESS'));
    print(event('S3Bucket', 'CREATE_IN_PROGRESS', ['storageimages']));
    expect(out.lines.filter(Boolean)).toEqual([
      'Updating resources in the cloud.',
      'In progress (2):',
      '  UPDATE_IN_PROGRESS             storageimages',
      '  CREATE_IN_PROGRESS             storageimages/S3Bucket',
    ]);
    print(event('S3Bucket', 'CREATE_COMPLETE', ['storageimages']));
    print(event('storageimages', 'UPDATE_COMPLETE'));
    const visible = out.lines.filter(Boolean);
    expect(visible[0]).toBe('Updating resources in the cloud.');
    expect(visible[1]).toMatch(/CREATE_COMPLETE\s+storageimages\/S3Bucket/);
    expect(visible[2]).toMatch(/UPDATE_COMPLETE\s+storageimages\s/);
    expect(visible).toHaveLength(3);
  });
});
