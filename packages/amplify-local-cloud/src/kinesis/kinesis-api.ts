import * as fs from 'fs';
import * as path from 'path';
import type { ServiceHandler, ServiceRequest, ServiceResponse } from '../contracts';
import type { DeployedResources } from '../pinpoint/deployed-resources';
import { JsonServiceError, parseBody } from '../pinpoint/json-service';

const TARGET_PREFIX = 'Kinesis_20131202.';
export const KINESIS_RECORDS_FILE = path.join('kinesis', 'records.jsonl');

/** One record as the local cloud received it (data still base64, as sent). */
export interface ReceivedRecord {
  receivedAt: string;
  streamName: string;
  partitionKey: string;
  data: string;
  sequenceNumber: string;
}

function reply(status: number, body: unknown, errorType?: string): ServiceResponse {
  return { status, headers: { 'Content-Type': 'application/x-amz-json-1.1', ...(errorType ? { 'x-amzn-ErrorType': errorType } : {}) }, body: JSON.stringify(body) };
}

/**
 * Kinesis Data Streams' `PutRecord` and `PutRecords` (JSON 1.1, signing name `kinesis`) on streams the stacks made,
 * by `StreamName` or `StreamARN`: each record is appended to `<data-dir>/kinesis/records.jsonl` and answered with a
 * sequence number on shard 0. What apps' analytics send; reading streams back is not emulated.
 */
export function createKinesisHandler(resources: DeployedResources, dataDir: string, now: () => Date = () => new Date()): ServiceHandler {
  let sequence = 0n;
  const file = path.join(dataDir, KINESIS_RECORDS_FILE);
  const streamOf = (body: Record<string, unknown>): string => {
    const name = typeof body.StreamName === 'string' ? body.StreamName : typeof body.StreamARN === 'string' ? body.StreamARN.split(':stream/')[1] : undefined;
    if (!name) throw new JsonServiceError('ValidationException', 'StreamName or StreamARN is required', 400);
    if (!resources.find('AWS::Kinesis::Stream', name)) throw new JsonServiceError('ResourceNotFoundException', `Stream ${name} under account 123456789012 not found.`, 400);
    return name;
  };
  const accept = (streamName: string, entry: Record<string, unknown>): ReceivedRecord => {
    if (typeof entry.Data !== 'string' || typeof entry.PartitionKey !== 'string' || entry.PartitionKey.length === 0) {
      throw new JsonServiceError('ValidationException', 'Each record needs Data (base64) and a PartitionKey', 400);
    }
    sequence += 1n;
    // Decimal and increasing, as Kinesis sequence numbers are.
    const sequenceNumber = (BigInt(now().getTime()) * 10n ** 20n + sequence).toString();
    return { receivedAt: now().toISOString(), streamName, partitionKey: entry.PartitionKey, data: entry.Data, sequenceNumber };
  };
  const save = (records: ReceivedRecord[]): void => {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.appendFileSync(file, records.map((record) => `${JSON.stringify(record)}\n`).join(''));
  };
  const route = (request: ServiceRequest): ServiceResponse => {
    const target = String(request.headers['x-amz-target'] ?? '');
    const body = parseBody(request.body, 'SerializationException');
    switch (target.startsWith(TARGET_PREFIX) ? target.slice(TARGET_PREFIX.length) : '') {
      case 'PutRecord': {
        const record = accept(streamOf(body), body);
        save([record]);
        return reply(200, { SequenceNumber: record.sequenceNumber, ShardId: 'shardId-000000000000' });
      }
      case 'PutRecords': {
        const stream = streamOf(body);
        if (!Array.isArray(body.Records) || body.Records.length === 0 || body.Records.length > 500) {
          throw new JsonServiceError('ValidationException', 'Records must hold 1 to 500 records', 400);
        }
        const records = body.Records.map((entry) => accept(stream, typeof entry === 'object' && entry !== null ? (entry as Record<string, unknown>) : {}));
        save(records);
        return reply(200, { FailedRecordCount: 0, Records: records.map((record) => ({ SequenceNumber: record.sequenceNumber, ShardId: 'shardId-000000000000' })) });
      }
      default:
        throw new JsonServiceError('UnknownOperationException', `The local cloud answers Kinesis PutRecord and PutRecords, not '${target}'`, 400);
    }
  };
  return async (request) => {
    try {
      return route(request);
    } catch (error) {
      if (error instanceof JsonServiceError) return reply(error.status, { __type: error.code, message: error.message }, error.code);
      throw error;
    }
  };
}
