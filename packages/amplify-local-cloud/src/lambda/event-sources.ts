import { randomUUID } from 'crypto';
import type { DeployedResources } from '../contracts';
import type { StreamRecord } from '../dynamodb';
import type { ObjectEvent } from '../s3/s3-store';
import type { LambdaService } from './lambda-service';

const DEFAULT_BATCH_SIZE = 100;

/**
 * The event sources of deployed functions: DynamoDB stream records go to the functions of the
 * `AWS::Lambda::EventSourceMapping`s on that stream (in order, in batches, synchronously as Lambda's poller invokes
 * them); S3 object events go to the functions of the bucket's `NotificationConfiguration.LambdaConfigurations`
 * (asynchronously, as S3 invokes them). A failed batch is logged to the function's log and not retried.
 */
export class EventSources {
  private readonly mappingQueues = new Map<string, Promise<unknown>>();

  constructor(
    private readonly lambda: LambdaService,
    private readonly deployed: DeployedResources,
    private readonly region: string,
  ) {}

  /** Called inside the write that made the records: a failure here is reported, never the write's. */
  deliverStreamRecords(streamArn: string, records: StreamRecord[]): void {
    try {
      this.queueStreamRecords(streamArn, records);
    } catch (error) {
      report(`stream records of ${streamArn} were not delivered`, error);
    }
  }

  /** Called inside the S3 write that made the event: a failure here is reported, never the write's. */
  deliverObjectEvent(event: ObjectEvent): void {
    try {
      this.notifyBucketTriggers(event);
    } catch (error) {
      report(`the S3 event of ${event.bucket}/${event.key} was not delivered`, error);
    }
  }

  private queueStreamRecords(streamArn: string, records: StreamRecord[]): void {
    const mappings = this.deployed
      .ofType('AWS::Lambda::EventSourceMapping')
      .filter((mapping) => mapping.properties.EventSourceArn === streamArn && String(mapping.properties.Enabled ?? true) !== 'false');
    for (const mapping of mappings) {
      const batchSize = Number(mapping.properties.BatchSize ?? DEFAULT_BATCH_SIZE);
      const functionReference = String(mapping.properties.FunctionName);
      for (let start = 0; start < records.length; start += batchSize) {
        const batch = records.slice(start, start + batchSize);
        const previous = this.mappingQueues.get(mapping.physicalId) ?? Promise.resolve();
        const next = previous.then(() => this.invokeForMapping(functionReference, { Records: batch }));
        this.mappingQueues.set(mapping.physicalId, next);
        this.lambda.track(next);
      }
    }
  }

  private notifyBucketTriggers(event: ObjectEvent): void {
    const bucket = this.deployed.ofType('AWS::S3::Bucket').find((candidate) => candidate.physicalId === event.bucket);
    const notifications = bucket?.properties.NotificationConfiguration;
    const configurations = isObject(notifications) && Array.isArray(notifications.LambdaConfigurations) ? notifications.LambdaConfigurations.filter(isObject) : [];
    for (const configuration of configurations) {
      if (!eventMatches(String(configuration.Event), event.eventName) || !keyMatches(configuration.Filter, event.key)) continue;
      const functionReference = String(configuration.Function);
      this.lambda.track(
        this.lambda.invoke(functionReference, s3Event(event, this.region), 'Event').catch((error: unknown) => report(`S3 notification of ${event.bucket} to ${functionReference} failed`, error)),
      );
    }
  }

  private async invokeForMapping(functionReference: string, event: { Records: StreamRecord[] }): Promise<void> {
    try {
      await this.lambda.invoke(functionReference, event, 'RequestResponse');
    } catch (error) {
      report(`stream records for ${functionReference} were not delivered`, error);
    }
  }
}

function report(what: string, error: unknown): void {
  process.stderr.write(`local-cloud: ${what}: ${error instanceof Error ? error.message : String(error)}\n`);
}

/** `s3:ObjectCreated:*` matches `ObjectCreated:Put`. */
function eventMatches(pattern: string, eventName: string): boolean {
  const wanted = pattern.replace(/^s3:/, '');
  return wanted.endsWith(':*') ? eventName.startsWith(wanted.slice(0, -1)) : wanted === eventName;
}

function keyMatches(filter: unknown, key: string): boolean {
  const rules = isObject(filter) && isObject(filter.S3Key) && Array.isArray(filter.S3Key.Rules) ? filter.S3Key.Rules.filter(isObject) : [];
  return rules.every((rule) => {
    const value = String(rule.Value ?? '');
    const name = String(rule.Name ?? '').toLowerCase();
    return name === 'prefix' ? key.startsWith(value) : name === 'suffix' ? key.endsWith(value) : true;
  });
}

/** The event S3 sends a function: one record, the key URL-encoded as S3 encodes it there. */
function s3Event(event: ObjectEvent, region: string): { Records: unknown[] } {
  const object: Record<string, unknown> = {
    key: encodeURIComponent(event.key).replace(/%20/g, '+').replace(/%2F/g, '/'),
    sequencer: Date.now().toString(16).toUpperCase(),
  };
  if (event.size !== undefined) object.size = event.size;
  if (event.etag !== undefined) object.eTag = event.etag.replace(/"/g, '');
  return {
    Records: [
      {
        eventVersion: '2.1',
        eventSource: 'aws:s3',
        awsRegion: region,
        eventTime: new Date().toISOString(),
        eventName: event.eventName,
        userIdentity: { principalId: 'AWS:local' },
        requestParameters: { sourceIPAddress: '127.0.0.1' },
        responseElements: { 'x-amz-request-id': randomUUID().replace(/-/g, '').slice(0, 16).toUpperCase(), 'x-amz-id-2': randomUUID() },
        s3: {
          s3SchemaVersion: '1.0',
          configurationId: 'local-cloud',
          bucket: { name: event.bucket, ownerIdentity: { principalId: 'local' }, arn: `arn:aws:s3:::${event.bucket}` },
          object,
        },
      },
    ],
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
