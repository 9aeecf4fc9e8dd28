import { EventEmitter } from 'events';
import type { RequestListener, Server } from 'http';
import * as os from 'os';
import * as path from 'path';
import { randomUUID } from 'crypto';

/** What dynalite answered: DynamoDB's status and JSON body (an error body has `__type` and `message`). */
export interface EngineAnswer {
  status: number;
  body: string;
}

/**
 * dynalite (DynamoDB's API over LevelDB) embedded in this process: its HTTP request listener is called directly
 * with a request built here, so it never listens on a socket of its own and only calls the DynamoDB service let
 * through (after their signature was verified) reach it.
 */
export class DynaliteEngine {
  private constructor(
    private readonly server: Server,
    private readonly listener: RequestListener,
  ) {}

  /** Opens (or creates) the LevelDB store in `directory`; ARNs carry `accountId` and `region`. */
  static open(directory: string, accountId: string, region: string): DynaliteEngine {
    const dynalite = require('dynalite') as (options: Record<string, unknown>) => Server;
    // dynalite reads the account and region of its ARNs from the environment once, while creating its store.
    const saved = { account: process.env.AWS_ACCOUNT_ID, region: process.env.AWS_REGION };
    process.env.AWS_ACCOUNT_ID = accountId;
    process.env.AWS_REGION = region;
    let server: Server;
    try {
      server = dynalite({ path: directory, createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
    } finally {
      restoreEnv('AWS_ACCOUNT_ID', saved.account);
      restoreEnv('AWS_REGION', saved.region);
    }
    const listener = server.listeners('request')[0] as RequestListener;
    return new DynaliteEngine(server, listener);
  }

  /** Runs one operation (`PutItem`, `Query`, ...) with its JSON input. */
  call(operation: string, input: unknown): Promise<EngineAnswer> {
    return new Promise((resolve, reject) => {
      const request = Object.assign(new EventEmitter(), {
        method: 'POST',
        url: '/',
        headers: {
          'content-type': 'application/x-amz-json-1.0',
          'x-amz-target': `DynamoDB_20120810.${operation}`,
          // dynalite wants a well-formed Authorization; the router verified the real one before.
          authorization: 'AWS4-HMAC-SHA256 Credential=local/20000101/local/dynamodb/aws4_request, SignedHeaders=host, Signature=local',
          'x-amz-date': '20000101T000000Z',
        },
      });
      let status = 200;
      const response = {
        set statusCode(value: number) {
          status = value;
        },
        get statusCode() {
          return status;
        },
        setHeader: () => undefined,
        end: (body?: string) => resolve({ status, body: body ?? '' }),
      };
      try {
        this.listener(request as never, response as never);
      } catch (error) {
        reject(error);
        return;
      }
      process.nextTick(() => {
        request.emit('data', Buffer.from(JSON.stringify(input)));
        request.emit('end');
      });
    });
  }

  /**
   * Closes the LevelDB store. dynalite closes its store only when its server closes, and a server closes only after
   * listening: it listens for that moment on a private Unix socket, never on a port.
   */
  close(): Promise<void> {
    const socket = path.join(os.tmpdir(), `dynalite-${process.pid}-${randomUUID().slice(0, 8)}.sock`);
    return new Promise((resolve, reject) => {
      this.server.listen(socket, () => this.server.close((error) => (error ? reject(error) : resolve())));
    });
  }
}

function restoreEnv(name: string, value: string | undefined): void {
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
}
