import type { AddressInfo } from 'net';
import type { Server } from 'http';
import type { DynamoDbExecutor } from '../../ports';

/** A DynamoDB failure as DynamoDB names it. */
class DynamoDbFailure extends Error {
  constructor(code: string, message: string) {
    super(message);
    this.name = code;
  }
}

/** A real DynamoDB for tests: dynalite in memory, on a loopback port, called with DynamoDB's JSON protocol. */
export interface DynaliteExecutor extends DynamoDbExecutor {
  /** Creates a table keyed by `id` (a String), waiting until it is ACTIVE. */
  createTable(name: string): Promise<void>;
  close(): Promise<void>;
}

export async function startDynalite(): Promise<DynaliteExecutor> {
  const dynalite = require('dynalite') as (options: Record<string, unknown>) => Server;
  const server = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const execute = async (operation: string, input: Record<string, unknown>): Promise<Record<string, unknown>> => {
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-amz-json-1.0',
        'X-Amz-Target': `DynamoDB_20120810.${operation}`,
        // dynalite checks that a signature is present, not what it signs.
        Authorization: 'AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0',
        'X-Amz-Date': '20260101T000000Z',
      },
      body: JSON.stringify(input),
    });
    const body = (await response.json()) as Record<string, unknown>;
    if (response.status !== 200) throw new DynamoDbFailure(String(body.__type ?? 'InternalFailure').split('#').pop()!, String(body.message ?? body.Message ?? ''));
    return body;
  };
  return {
    execute,
    async createTable(name) {
      await execute('CreateTable', {
        TableName: name,
        KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
        AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
        BillingMode: 'PAY_PER_REQUEST',
      });
      for (;;) {
        const { Table } = (await execute('DescribeTable', { TableName: name })) as { Table: { TableStatus: string } };
        if (Table.TableStatus === 'ACTIVE') return;
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
