import * as fs from 'fs';
import * as path from 'path';

/** One analytics event as the local cloud recorded it. */
export interface RecordedEvent {
  receivedAt: string;
  appId: string;
  endpointId: string;
  eventId: string;
  eventType: string;
  timestamp?: string;
  attributes: Record<string, string>;
  metrics: Record<string, number>;
  sessionId?: string;
}

export interface RecordedEndpoint {
  receivedAt: string;
  appId: string;
  endpointId: string;
  endpoint: Record<string, unknown>;
}

export const PINPOINT_DIR = 'pinpoint';
const EVENTS_FILE = 'events.jsonl';
const ENDPOINTS_FILE = 'endpoints.jsonl';

/**
 * The analytics events and endpoint registrations the local cloud received, one JSON line each under
 * `<dataDir>/pinpoint/`: plain files, so `amplify local-cloud events` reads them while the server holds its database.
 */
export class PinpointEventLog {
  private readonly dir: string;

  constructor(dataDir: string) {
    this.dir = path.join(dataDir, PINPOINT_DIR);
  }

  appendEvents(events: RecordedEvent[]): void {
    this.append(EVENTS_FILE, events);
  }

  appendEndpoint(endpoint: RecordedEndpoint): void {
    this.append(ENDPOINTS_FILE, [endpoint]);
  }

  /** Recorded events, oldest first; the last `limit` of them when given. */
  events(options: { appId?: string; limit?: number } = {}): RecordedEvent[] {
    const all = this.read<RecordedEvent>(EVENTS_FILE).filter((event) => options.appId === undefined || event.appId === options.appId);
    return options.limit === undefined ? all : all.slice(-options.limit);
  }

  endpoints(): RecordedEndpoint[] {
    return this.read<RecordedEndpoint>(ENDPOINTS_FILE);
  }

  private append(file: string, records: unknown[]): void {
    if (records.length === 0) return;
    fs.mkdirSync(this.dir, { recursive: true });
    fs.appendFileSync(path.join(this.dir, file), records.map((record) => `${JSON.stringify(record)}\n`).join(''));
  }

  private read<T>(file: string): T[] {
    const target = path.join(this.dir, file);
    if (!fs.existsSync(target)) return [];
    // A line cut short by a crash is skipped rather than failing every later read.
    return fs
      .readFileSync(target, 'utf8')
      .split('\n')
      .flatMap((line) => {
        try {
          return line.trim() === '' ? [] : [JSON.parse(line) as T];
        } catch {
          return [];
        }
      });
  }
}
