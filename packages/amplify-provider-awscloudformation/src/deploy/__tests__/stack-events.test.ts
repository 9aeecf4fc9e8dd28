import {
  CloudFormationClient,
  ContinueUpdateRollbackCommand,
  DescribeStackEventsCommand,
  DescribeStacksCommand,
  type ResourceStatus,
  type StackEvent,
  UpdateStackCommand,
} from '@aws-sdk/client-cloudformation';
import { mockClient } from 'aws-sdk-client-mock';
import { SdkCloudFormationApi } from '../../aws/cloudformation-api';
import { StackEventPoller } from '../stack-event-poller';
import { findFailureCause, monitorStackOperation } from '../stack-activity-monitor';
import { updateStackAndWait } from '../stack-operations';
import type { ProgressEvent } from '../progress-event';

// This test makes its client directly, not through the factory that silences the SDK's Node-version notice.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
const cfnMock = mockClient(CloudFormationClient);
// "Now": stack operations only show events from their own start onwards.
const start = new Date();
const at = (seconds: number) => new Date(start.getTime() + seconds * 1000);

function event(id: string, stack: string, logicalId: string, status: ResourceStatus, seconds: number, extra: Partial<StackEvent> = {}): StackEvent {
  return { EventId: id, StackName: stack, StackId: stack, LogicalResourceId: logicalId, ResourceStatus: status, Timestamp: at(seconds), ResourceType: 'AWS::S3::Bucket', ...extra };
}

/** Event logs per stack that grow as the test advances; served newest first like CloudFormation. */
class EventLog {
  private readonly logs = new Map<string, StackEvent[]>();
  add(stack: string, ...events: StackEvent[]): void {
    this.logs.set(stack, [...(this.logs.get(stack) ?? []), ...events]);
  }
  page(stack: string): StackEvent[] {
    return [...(this.logs.get(stack) ?? [])].reverse();
  }
}

let log: EventLog;
let api: SdkCloudFormationApi;

beforeEach(() => {
  cfnMock.reset();
  log = new EventLog();
  cfnMock.on(DescribeStackEventsCommand).callsFake((input: { StackName: string }) => ({ StackEvents: log.page(input.StackName) }));
  api = new SdkCloudFormationApi(new CloudFormationClient({ region: 'us-east-1', credentials: { accessKeyId: 'a', secretAccessKey: 'b' } }));
});

describe('StackEventPoller', () => {
  it('returns each event once, oldest first, and skips events from before the operation', async () => {
    log.add('root', event('old', 'root', 'root', 'UPDATE_COMPLETE', -60, { ResourceType: 'AWS::CloudFormation::Stack' }));
    log.add('root', event('e1', 'root', 'root', 'UPDATE_IN_PROGRESS', 1, { ResourceType: 'AWS::CloudFormation::Stack' }), event('e2', 'root', 'Bucket', 'UPDATE_IN_PROGRESS', 2));
    const poller = new StackEventPoller(api, 'root', start);
    expect((await poller.poll()).map((e) => e.eventId)).toEqual(['e1', 'e2']);
    expect(await poller.poll()).toEqual([]);
    log.add('root', event('e3', 'root', 'Bucket', 'UPDATE_COMPLETE', 3));
    expect((await poller.poll()).map((e) => e.eventId)).toEqual(['e3']);
  });

  it('stops at the newest event from before the operation, even within the clock slack', async () => {
    log.add('root', event('prev', 'root', 'root', 'CREATE_COMPLETE', 0, { ResourceType: 'AWS::CloudFormation::Stack' }));
    log.add('root', event('now1', 'root', 'root', 'UPDATE_IN_PROGRESS', 0, { ResourceType: 'AWS::CloudFormation::Stack' }));
    const poller = new StackEventPoller(api, 'root', new Date(start.getTime() - 1000), [], 'prev');
    expect((await poller.poll()).map((e) => e.eventId)).toEqual(['now1']);
  });

  it('reads a nested stack from the parent\'s first event for it, even when its id is reported later', async () => {
    const nestedArn = 'arn:aws:cloudformation:us-east-1:1:stack/root-api-Y/1';
    const nestedType = { ResourceType: 'AWS::CloudFormation::Stack' };
    log.add('root', event('p1', 'root', 'apimain', 'CREATE_IN_PROGRESS', 1, nestedType));
    log.add(nestedArn, event('c1', 'root-api-Y', 'Table', 'CREATE_IN_PROGRESS', 1.5));
    log.add('root', event('p2', 'root', 'apimain', 'CREATE_IN_PROGRESS', 2, { ...nestedType, PhysicalResourceId: nestedArn, ResourceStatusReason: 'Resource creation Initiated' }));
    log.add(nestedArn, event('c2', 'root-api-Y', 'Table', 'CREATE_COMPLETE', 2.5));
    const poller = new StackEventPoller(api, 'root', start);
    expect((await poller.poll()).map((e) => e.eventId)).toEqual(['p1', 'c1', 'p2', 'c2']);
  });

  it('finds a nested stack that failed at once through the ARN in its parent\'s failure reason', async () => {
    const nestedArn = 'arn:aws:cloudformation:us-east-1:1:stack/root-storage-Z/9';
    log.add('root', event('p1', 'root', 'storagefiles', 'CREATE_IN_PROGRESS', 1, { ResourceType: 'AWS::CloudFormation::Stack' }));
    log.add(nestedArn, event('c1', 'root-storage-Z', 'Bucket', 'CREATE_FAILED', 1.5, { ResourceStatusReason: 'Bucket name is not valid' }));
    log.add('root', event('p2', 'root', 'storagefiles', 'CREATE_FAILED', 2, {
      ResourceType: 'AWS::CloudFormation::Stack',
      ResourceStatusReason: `Embedded stack ${nestedArn} was not successfully created: The following resource(s) failed to create: [Bucket].`,
    }));
    const events = await new StackEventPoller(api, 'root', start).poll();
    expect(events.map((e) => e.eventId)).toEqual(['p1', 'c1', 'p2']);
    expect(findFailureCause(events)).toMatchObject({ logicalId: 'Bucket', nestedPath: ['storagefiles'], reason: 'Bucket name is not valid' });
  });

  it('orders events of one millisecond so a nested stack\'s resources sit inside its parent\'s lines', async () => {
    const nestedArn = 'arn:aws:cloudformation:us-east-1:1:stack/root-fast/1';
    const nestedType = { ResourceType: 'AWS::CloudFormation::Stack', PhysicalResourceId: nestedArn };
    log.add('root', event('p1', 'root', 'storagefast', 'CREATE_IN_PROGRESS', 1, nestedType), event('p2', 'root', 'storagefast', 'CREATE_COMPLETE', 1, nestedType));
    log.add(nestedArn, event('c1', 'root-fast', 'Bucket', 'CREATE_IN_PROGRESS', 1), event('c2', 'root-fast', 'Bucket', 'CREATE_COMPLETE', 1));
    expect((await new StackEventPoller(api, 'root', start).poll()).map((e) => e.eventId)).toEqual(['p1', 'c1', 'c2', 'p2']);
  });

  it('follows pages until it reaches an event it has seen', async () => {
    const events = Array.from({ length: 5 }, (_, i) => event(`p${i}`, 'root', `R${i}`, 'CREATE_COMPLETE', i + 1)).reverse();
    cfnMock.on(DescribeStackEventsCommand).callsFake((input: { NextToken?: string }) =>
      input.NextToken ? { StackEvents: events.slice(3) } : { StackEvents: events.slice(0, 3), NextToken: 'more' },
    );
    const poller = new StackEventPoller(api, 'root', start);
    expect((await poller.poll()).map((e) => e.eventId)).toEqual(['p0', 'p1', 'p2', 'p3', 'p4']);
  });

  it('recurses into nested stacks and labels their events with the path', async () => {
    const nestedArn = 'arn:aws:cloudformation:us-east-1:1:stack/root-storage-X/1';
    log.add('root', event('r1', 'root', 'storageimages', 'UPDATE_IN_PROGRESS', 1, { ResourceType: 'AWS::CloudFormation::Stack', PhysicalResourceId: nestedArn }));
    log.add(nestedArn, event('n1', 'root-storage-X', 'S3Bucket', 'UPDATE_IN_PROGRESS', 2), event('n2', 'root-storage-X', 'S3Bucket', 'UPDATE_COMPLETE', 3));
    const poller = new StackEventPoller(api, 'root', start);
    const events = await poller.poll();
    expect(events.map((e) => [e.eventId, e.nestedPath])).toEqual([
      ['r1', []],
      ['n1', ['storageimages']],
      ['n2', ['storageimages']],
    ]);
    // Once the parent reports the nested stack finished, its final events are read.
    log.add(nestedArn, event('n3', 'root-storage-X', 'BucketPolicy', 'UPDATE_COMPLETE', 4, { ResourceType: 'AWS::S3::BucketPolicy' }));
    // The nested stack's own status event repeats what the parent reports for it: not shown twice.
    log.add(nestedArn, event('n3self', 'root-storage-X', 'root-storage-X', 'UPDATE_COMPLETE', 4, { ResourceType: 'AWS::CloudFormation::Stack' }));
    log.add('root', event('r2', 'root', 'storageimages', 'UPDATE_COMPLETE', 5, { ResourceType: 'AWS::CloudFormation::Stack', PhysicalResourceId: nestedArn }));
    expect((await poller.poll()).map((e) => e.eventId)).toEqual(['n3', 'r2']);
    // Its cleanup runs during the parent's and reports nothing new in the parent: still read while the parent is busy.
    log.add(nestedArn, event('cleanup', 'root-storage-X', 'OldBucket', 'DELETE_COMPLETE', 6));
    log.add('root', event('r3', 'root', 'root', 'UPDATE_COMPLETE', 7, { ResourceType: 'AWS::CloudFormation::Stack' }));
    expect((await poller.poll()).map((e) => e.eventId)).toEqual(['cleanup', 'r3']);
    // Once the parent itself has finished, the nested stack is not read again.
    log.add(nestedArn, event('late', 'root-storage-X', 'S3Bucket', 'UPDATE_COMPLETE', 8));
    expect(await poller.poll()).toEqual([]);
  });
});

describe('monitorStackOperation', () => {
  it('polls once more after the stack settles, so the failure reason is never lost', async () => {
    let describes = 0;
    cfnMock.on(DescribeStacksCommand).callsFake(() => {
      describes++;
      if (describes === 2) {
        // The failure lands between the status read and the final poll.
        log.add('root', event('f1', 'root', 'Bucket', 'UPDATE_FAILED', 2, { ResourceStatusReason: 'Bucket name already taken' }));
        log.add('root', event('f2', 'root', 'root', 'UPDATE_ROLLBACK_COMPLETE', 3, { ResourceType: 'AWS::CloudFormation::Stack' }));
      }
      return { Stacks: [{ StackName: 'root', CreationTime: start, StackStatus: describes === 1 ? 'UPDATE_IN_PROGRESS' : 'UPDATE_ROLLBACK_COMPLETE' }] };
    });
    const seen: ProgressEvent[] = [];
    const result = await monitorStackOperation(api, 'root', { startTime: start, onProgress: (e) => seen.push(e), initialPollIntervalMs: 1 });
    expect(result.status.name).toBe('UPDATE_ROLLBACK_COMPLETE');
    expect(result.status.isFailure).toBe(true);
    expect(seen.map((e) => (e.type === 'stack-event' ? e.eventId : e.type))).toEqual(['f1', 'f2']);
    expect(findFailureCause(result.events)).toEqual({ logicalId: 'Bucket', resourceType: 'AWS::S3::Bucket', nestedPath: [], reason: 'Bucket name already taken' });
  });
});

describe('findFailureCause', () => {
  it('prefers the root cause in the deepest nested stack over cascade messages', () => {
    const base = { type: 'stack-event' as const, stackName: 's', resourceType: 'AWS::CloudFormation::Stack', timestamp: start };
    const cause = findFailureCause([
      { ...base, eventId: '1', nestedPath: [], logicalId: 'storageimages', status: 'UPDATE_FAILED', reason: 'Embedded stack arn:x was not successfully updated.' },
      { ...base, eventId: '2', nestedPath: ['storageimages'], logicalId: 'Other', status: 'UPDATE_FAILED', reason: 'Resource update cancelled' },
      { ...base, eventId: '3', nestedPath: ['storageimages'], logicalId: 'Table', resourceType: 'AWS::DynamoDB::Table', status: 'UPDATE_FAILED', reason: 'KeySchema is invalid' },
    ]);
    expect(cause).toEqual({ logicalId: 'Table', resourceType: 'AWS::DynamoDB::Table', nestedPath: ['storageimages'], reason: 'KeySchema is invalid' });
  });
});

describe('updateStackAndWait', () => {
  const input = { StackName: 'root', TemplateURL: 'https://s3.amazonaws.com/b/root.json' };

  it('treats "No updates are to be performed." as success without waiting', async () => {
    cfnMock.on(DescribeStacksCommand).resolves({ Stacks: [{ StackName: 'root', CreationTime: start, StackStatus: 'UPDATE_COMPLETE' }] });
    cfnMock.on(UpdateStackCommand).rejects(Object.assign(new Error('No updates are to be performed.'), { name: 'ValidationError' }));
    const outcome = await updateStackAndWait(api, input, { onProgress: () => undefined });
    expect(outcome.type).toBe('no-updates');
  });

  it('throws an error naming the failing resource, its nested stack and the reason', async () => {
    let describes = 0;
    cfnMock.on(UpdateStackCommand).callsFake(() => {
      const arn = 'arn:nested';
      log.add('root', event('u1', 'root', 'storageimages', 'UPDATE_IN_PROGRESS', 1, { ResourceType: 'AWS::CloudFormation::Stack', PhysicalResourceId: arn }));
      log.add(arn, event('u2', 'nested', 'S3Bucket', 'UPDATE_FAILED', 2, { ResourceStatusReason: 'Access Denied' }));
      log.add('root', event('u3', 'root', 'storageimages', 'UPDATE_FAILED', 3, { ResourceType: 'AWS::CloudFormation::Stack', PhysicalResourceId: arn, ResourceStatusReason: 'Embedded stack arn:nested was not successfully updated.' }));
      return { StackId: 'root' };
    });
    cfnMock.on(DescribeStacksCommand).callsFake(() => {
      describes++;
      return { Stacks: [{ StackName: 'root', CreationTime: start, StackStatus: describes === 1 ? 'UPDATE_COMPLETE' : 'UPDATE_ROLLBACK_COMPLETE' }] };
    });
    await expect(updateStackAndWait(api, input, { onProgress: () => undefined, maxPollIntervalMs: 5 })).rejects.toMatchObject({
      code: 'StackDeployFailed',
      message: expect.stringContaining('S3Bucket (AWS::S3::Bucket) in nested stack storageimages failed: Access Denied'),
    });
  });

  it('continues a rollback stuck in UPDATE_ROLLBACK_FAILED before updating', async () => {
    const statuses = ['UPDATE_ROLLBACK_FAILED', 'UPDATE_ROLLBACK_COMPLETE', 'UPDATE_COMPLETE'];
    cfnMock.on(DescribeStacksCommand).callsFake(() => ({ Stacks: [{ StackName: 'root', CreationTime: start, StackStatus: statuses.shift() ?? 'UPDATE_COMPLETE' }] }));
    cfnMock.on(ContinueUpdateRollbackCommand).resolves({});
    cfnMock.on(UpdateStackCommand).resolves({ StackId: 'root' });
    const outcome = await updateStackAndWait(api, input, { onProgress: () => undefined, maxPollIntervalMs: 5 });
    expect(outcome.type).toBe('updated');
    expect(cfnMock.commandCalls(ContinueUpdateRollbackCommand)).toHaveLength(1);
  });

  it('refuses to update a stack that is busy', async () => {
    cfnMock.on(DescribeStacksCommand).resolves({ Stacks: [{ StackName: 'root', CreationTime: start, StackStatus: 'UPDATE_IN_PROGRESS' }] });
    await expect(updateStackAndWait(api, input, { onProgress: () => undefined })).rejects.toMatchObject({ code: 'StackBusy' });
    expect(cfnMock.commandCalls(UpdateStackCommand)).toHaveLength(0);
  });
});
