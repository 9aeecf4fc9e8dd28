import { randomUUID } from 'crypto';

export type AttributeMap = Record<string, unknown>;

/** A change of one item, as DynamoDB Streams records it (the shape a table-trigger Lambda receives). */
export interface StreamRecord {
  eventID: string;
  eventName: 'INSERT' | 'MODIFY' | 'REMOVE';
  eventVersion: '1.1';
  eventSource: 'aws:dynamodb';
  awsRegion: string;
  dynamodb: {
    ApproximateCreationDateTime: number;
    Keys: AttributeMap;
    NewImage?: AttributeMap;
    OldImage?: AttributeMap;
    SequenceNumber: string;
    SizeBytes: number;
    StreamViewType: string;
  };
  eventSourceARN: string;
  /** Set on removals made by time to live. */
  userIdentity?: { type: 'Service'; principalId: 'dynamodb.amazonaws.com' };
}

export interface ItemChange {
  keys: AttributeMap;
  oldImage: AttributeMap | undefined;
  newImage: AttributeMap | undefined;
  byTimeToLive?: boolean;
}

// Sequence numbers only grow, across restarts too: they start from the clock.
let lastSequence = BigInt(Date.now()) * 1_000_000n;

/** The record of a change, or `undefined` when nothing changed (a delete of a missing item, an identical put). */
export function streamRecord(change: ItemChange, stream: { arn: string; viewType: string; region: string }): StreamRecord | undefined {
  const { oldImage, newImage } = change;
  if (oldImage === undefined && newImage === undefined) return undefined;
  if (oldImage !== undefined && newImage !== undefined && sameImage(oldImage, newImage)) return undefined;
  lastSequence += 1n;
  const eventName = oldImage === undefined ? 'INSERT' : newImage === undefined ? 'REMOVE' : 'MODIFY';
  const withNew = stream.viewType === 'NEW_IMAGE' || stream.viewType === 'NEW_AND_OLD_IMAGES';
  const withOld = stream.viewType === 'OLD_IMAGE' || stream.viewType === 'NEW_AND_OLD_IMAGES';
  const dynamodb: StreamRecord['dynamodb'] = {
    ApproximateCreationDateTime: Math.floor(Date.now() / 1000),
    Keys: change.keys,
    ...(withNew && newImage !== undefined ? { NewImage: newImage } : {}),
    ...(withOld && oldImage !== undefined ? { OldImage: oldImage } : {}),
    SequenceNumber: lastSequence.toString(),
    SizeBytes: Buffer.byteLength(JSON.stringify([change.keys, withNew ? newImage : undefined, withOld ? oldImage : undefined])),
    StreamViewType: stream.viewType,
  };
  return {
    eventID: randomUUID().replace(/-/g, ''),
    eventName,
    eventVersion: '1.1',
    eventSource: 'aws:dynamodb',
    awsRegion: stream.region,
    dynamodb,
    eventSourceARN: stream.arn,
    ...(change.byTimeToLive ? { userIdentity: { type: 'Service', principalId: 'dynamodb.amazonaws.com' } as const } : {}),
  };
}

function sameImage(left: AttributeMap, right: AttributeMap): boolean {
  return canonical(left) === canonical(right);
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}
