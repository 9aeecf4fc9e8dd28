import { randomUUID } from 'crypto';
import type { Database } from 'better-sqlite3';
import type { ServiceRequest, ServiceResponse, TableAdministration } from '../contracts';
import { DynaliteEngine } from './dynalite-engine';
import { DynamoDbError } from './dynamodb-errors';
import { streamRecord, type AttributeMap, type ItemChange, type StreamRecord } from './stream-records';
import { createTableInput, isObject, shapeOf, streamViewTypeOf, ttlAttributeOf } from './table-definition';
import { TableSettingsStore, type TableSettings } from './table-settings';

type Json = Record<string, unknown>;

/** Receives the records of a table's stream, in order, once the write that made them is done. */
export type StreamListener = (streamArn: string, records: StreamRecord[]) => void;

export interface DynamoDbServiceOptions {
  /** The LevelDB folder of the tables' items. */
  directory: string;
  db: Database;
  accountId: string;
  region: string;
  /** How often tables with time to live are swept of expired items (they are also swept before each read). */
  ttlSweepMs?: number;
}

const TARGET_PREFIX = 'DynamoDB_20120810.';
const WRITES = new Set(['PutItem', 'UpdateItem', 'DeleteItem', 'BatchWriteItem']);
const READS = new Set(['GetItem', 'Query', 'Scan']);
const DEFAULT_TTL_SWEEP_MS = 30_000;
/** Reads sweep a table at most this often: expiry is lazy on AWS too (items may outlive their time for a while). */
const TTL_READ_SWEEP_MS = 1000;

/**
 * DynamoDB of the local cloud: dynalite does tables, items, queries and expressions; this adds what Amplify uses and
 * dynalite lacks — time to live (UpdateTimeToLive, DescribeTimeToLive, expiry), streams (records for every change of
 * a table whose stream is on, handed to a listener: the Lambda event source mappings), TransactWriteItems and
 * TransactGetItems, and index changes (rebuilding the table, as dynalite cannot add or drop a GSI).
 *
 * Writes are serialised, so that the old and new images of a stream record are those of that write.
 */
export class DynamoDbService implements TableAdministration {
  private readonly settingsStore: TableSettingsStore;
  private readonly keySchemas = new Map<string, string[]>();
  private readonly lastSwept = new Map<string, number>();
  private readonly listeners: StreamListener[] = [];
  private writeQueue: Promise<unknown> = Promise.resolve();
  private readonly sweepTimer: NodeJS.Timeout;

  private constructor(
    private readonly engine: DynaliteEngine,
    db: Database,
    private readonly accountId: string,
    private readonly region: string,
    ttlSweepMs: number,
  ) {
    this.settingsStore = new TableSettingsStore(db);
    this.sweepTimer = setInterval(() => void this.sweepAll(), ttlSweepMs);
    this.sweepTimer.unref();
  }

  static open(options: DynamoDbServiceOptions): DynamoDbService {
    const engine = DynaliteEngine.open(options.directory, options.accountId, options.region);
    return new DynamoDbService(engine, options.db, options.accountId, options.region, options.ttlSweepMs ?? DEFAULT_TTL_SWEEP_MS);
  }

  /** Stream records go to `listener` from now on. */
  onStreamRecords(listener: StreamListener): void {
    this.listeners.push(listener);
  }

  /** The DynamoDB JSON API over HTTP (`X-Amz-Target: DynamoDB_20120810.<Operation>`), the signature already checked. */
  async handle(request: ServiceRequest): Promise<ServiceResponse> {
    const target = String(request.headers['x-amz-target'] ?? '');
    const requestId = randomUUID().replace(/-/g, '').toUpperCase();
    const headers = { 'Content-Type': 'application/x-amz-json-1.0', 'x-amzn-RequestId': requestId };
    try {
      if (request.method !== 'POST' || !target.startsWith(TARGET_PREFIX)) {
        throw new DynamoDbError('UnknownOperationException', `The local cloud's DynamoDB answers POST requests with X-Amz-Target ${TARGET_PREFIX}<Operation>.`);
      }
      let input: unknown;
      try {
        input = JSON.parse(request.body.toString('utf8') || '{}');
      } catch {
        throw new DynamoDbError('SerializationException', 'The request body is not valid JSON.');
      }
      const output = await this.execute(target.slice(TARGET_PREFIX.length), isObject(input) ? input : {});
      return { status: 200, headers, body: JSON.stringify(output) };
    } catch (error) {
      if (error instanceof DynamoDbError) return { status: error.status, headers, body: error.toBody() };
      throw error;
    }
  }

  /** One DynamoDB operation in-process (for the other data-plane services); throws `DynamoDbError`. */
  async execute(operation: string, input: Json): Promise<Json> {
    switch (operation) {
      case 'UpdateTimeToLive':
        return this.updateTimeToLive(input);
      case 'DescribeTimeToLive':
        return this.describeTimeToLive(input);
      case 'TransactWriteItems':
        return this.serialised(() => this.transactWrite(input));
      case 'TransactGetItems':
        return this.transactGet(input);
      case 'BatchGetItem':
        await Promise.all(Object.keys(isObject(input.RequestItems) ? input.RequestItems : {}).map((table) => this.sweepIfDue(table)));
        return this.call(operation, input);
      case 'DescribeTable':
        return this.withStream(await this.call(operation, input));
      case 'CreateTable':
        return this.createTable(input);
      case 'UpdateTable':
        return this.updateTable(input);
      case 'DeleteTable': {
        const output = await this.call(operation, input);
        this.forgetTable(String(input.TableName));
        return output;
      }
      default:
        if (WRITES.has(operation)) return this.serialised(() => this.write(operation, input));
        if (READS.has(operation)) await this.sweepIfDue(String(input.TableName));
        return this.call(operation, input);
    }
  }

  async deployTable(name: string, properties: Json, region: string): Promise<{ tableArn: string; streamArn?: string }> {
    const input = createTableInput(name, properties);
    const existing = await this.describe(name);
    if (existing === undefined) {
      await this.call('CreateTable', input);
      await this.waitForStatus(name, 'ACTIVE');
    } else if (shapeOf(existing) !== shapeOf(input)) {
      await this.serialised(() => this.rebuild(name, input));
    }
    const viewType = streamViewTypeOf(properties);
    const previous = this.settingsStore.settings(name);
    const tableArn = `arn:aws:dynamodb:${region}:${this.accountId}:table/${name}`;
    const streamArn = viewType === undefined ? undefined : previous.streamViewType === viewType && previous.streamArn ? previous.streamArn : newStreamArn(tableArn);
    this.settingsStore.update(name, { streamViewType: viewType, streamArn, ttlAttribute: ttlAttributeOf(properties) });
    return streamArn === undefined ? { tableArn } : { tableArn, streamArn };
  }

  async deleteTable(name: string): Promise<void> {
    try {
      await this.call('DeleteTable', { TableName: name });
      await this.waitForStatus(name, undefined);
    } catch (error) {
      if (!(error instanceof DynamoDbError && error.code === 'ResourceNotFoundException')) throw error;
    }
    this.forgetTable(name);
  }

  /** The names of the tables, for `status`. */
  async tableNames(): Promise<string[]> {
    const names: string[] = [];
    let start: unknown;
    do {
      const page = await this.call('ListTables', start === undefined ? {} : { ExclusiveStartTableName: start });
      names.push(...((page.TableNames as string[] | undefined) ?? []));
      start = page.LastEvaluatedTableName;
    } while (start !== undefined);
    return names;
  }

  async close(): Promise<void> {
    clearInterval(this.sweepTimer);
    await this.writeQueue.catch(() => undefined);
    await this.engine.close();
  }

  private async call(operation: string, input: Json): Promise<Json> {
    const answer = await this.engine.call(operation, input);
    if (answer.status !== 200) throw DynamoDbError.fromAnswer(answer.status, answer.body);
    return answer.body === '' ? {} : (JSON.parse(answer.body) as Json);
  }

  private serialised<T>(work: () => Promise<T>): Promise<T> {
    const result = this.writeQueue.then(work, work);
    this.writeQueue = result.catch(() => undefined);
    return result;
  }

  private async createTable(input: Json): Promise<Json> {
    const output = await this.call('CreateTable', input);
    const name = String(input.TableName);
    const viewType = streamViewTypeOf(input);
    if (viewType !== undefined) {
      const description = isObject(output.TableDescription) ? output.TableDescription : {};
      const streamArn = newStreamArn(String(description.TableArn));
      this.settingsStore.update(name, { streamViewType: viewType, streamArn });
      output.TableDescription = { ...description, StreamSpecification: { StreamEnabled: true, StreamViewType: viewType }, LatestStreamArn: streamArn };
    }
    return output;
  }

  /** UpdateTable: index creations and deletions rebuild the table; stream changes are kept here; the rest is dynalite's. */
  private async updateTable(input: Json): Promise<Json> {
    const name = String(input.TableName);
    const updates = Array.isArray(input.GlobalSecondaryIndexUpdates) ? (input.GlobalSecondaryIndexUpdates as Json[]) : [];
    const structural = updates.filter((update) => isObject(update.Create) || isObject(update.Delete));
    if (structural.length > 0) {
      const table = await this.describe(name);
      if (table === undefined) throw new DynamoDbError('ResourceNotFoundException', `Requested resource not found: Table: ${name} not found`);
      let indexes = Array.isArray(table.GlobalSecondaryIndexes) ? (table.GlobalSecondaryIndexes as Json[]) : [];
      for (const update of structural) {
        if (isObject(update.Delete)) {
          const indexName = update.Delete.IndexName;
          if (!indexes.some((index) => index.IndexName === indexName)) {
            throw new DynamoDbError('ResourceNotFoundException', `Requested resource not found: Table: ${name} has no index ${String(indexName)}`);
          }
          indexes = indexes.filter((index) => index.IndexName !== indexName);
        } else if (isObject(update.Create)) {
          indexes = [...indexes, update.Create];
        }
      }
      const definitions = new Map<string, Json>();
      for (const definition of [...((table.AttributeDefinitions as Json[]) ?? []), ...((input.AttributeDefinitions as Json[] | undefined) ?? [])]) {
        definitions.set(String(definition.AttributeName), definition);
      }
      const billing = isObject(table.BillingModeSummary) ? table.BillingModeSummary.BillingMode : undefined;
      const locals = Array.isArray(table.LocalSecondaryIndexes) ? (table.LocalSecondaryIndexes as Json[]) : [];
      // Only attributes some key uses stay defined: DynamoDB drops those of a deleted index.
      const keyed = new Set(
        [table, ...indexes, ...locals].flatMap((owner) => (Array.isArray(owner.KeySchema) ? (owner.KeySchema as Json[]) : []).map((element) => String(element.AttributeName))),
      );
      const properties: Json = {
        KeySchema: table.KeySchema,
        AttributeDefinitions: [...definitions.values()].filter((definition) => keyed.has(String(definition.AttributeName))),
        BillingMode: billing ?? 'PROVISIONED',
        ProvisionedThroughput: table.ProvisionedThroughput,
        GlobalSecondaryIndexes: indexes,
        LocalSecondaryIndexes: table.LocalSecondaryIndexes,
      };
      await this.serialised(() => this.rebuild(name, createTableInput(name, properties)));
    }
    const rest: Json = { ...input };
    delete rest.GlobalSecondaryIndexUpdates;
    delete rest.AttributeDefinitions;
    const remaining = updates.filter((update) => !structural.includes(update));
    if (remaining.length > 0) rest.GlobalSecondaryIndexUpdates = remaining;
    if (isObject(input.StreamSpecification)) {
      const viewType = streamViewTypeOf(input);
      delete rest.StreamSpecification;
      const table = await this.describe(name);
      if (table === undefined) throw new DynamoDbError('ResourceNotFoundException', `Requested resource not found: Table: ${name} not found`);
      this.settingsStore.update(name, { streamViewType: viewType, streamArn: viewType === undefined ? undefined : newStreamArn(String(table.TableArn)) });
    }
    const changesLeft = Object.keys(rest).some((key) => key !== 'TableName');
    if (changesLeft) return this.withStream(await this.call('UpdateTable', rest), 'TableDescription');
    const table = await this.describe(name);
    if (table === undefined) throw new DynamoDbError('ResourceNotFoundException', `Requested resource not found: Table: ${name} not found`);
    return this.withStream({ TableDescription: table }, 'TableDescription');
  }

  /** Recreates the table with another shape, its items kept: dynalite cannot add or drop an index in place. */
  private async rebuild(name: string, input: Json): Promise<void> {
    const items: Json[] = [];
    let start: unknown;
    do {
      const page = await this.call('Scan', { TableName: name, ConsistentRead: true, ...(start === undefined ? {} : { ExclusiveStartKey: start }) });
      items.push(...((page.Items as Json[] | undefined) ?? []));
      start = page.LastEvaluatedKey;
    } while (start !== undefined);
    await this.call('DeleteTable', { TableName: name });
    await this.waitForStatus(name, undefined);
    this.keySchemas.delete(name);
    await this.call('CreateTable', input);
    await this.waitForStatus(name, 'ACTIVE');
    for (const item of items) await this.call('PutItem', { TableName: name, Item: item });
  }

  private async describe(name: string): Promise<Json | undefined> {
    try {
      const output = await this.call('DescribeTable', { TableName: name });
      return isObject(output.Table) ? output.Table : undefined;
    } catch (error) {
      if (error instanceof DynamoDbError && error.code === 'ResourceNotFoundException') return undefined;
      throw error;
    }
  }

  /** Waits until the table has the status (`undefined`: until it is gone); dynalite changes it on its next tick. */
  private async waitForStatus(name: string, status: string | undefined): Promise<void> {
    for (let attempt = 0; attempt < 500; attempt++) {
      const table = await this.describe(name);
      if (status === undefined ? table === undefined : table?.TableStatus === status) return;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    throw new DynamoDbError('InternalServerError', `Table ${name} did not become ${status ?? 'deleted'} in time`, 500);
  }

  private forgetTable(name: string): void {
    this.settingsStore.forget(name);
    this.keySchemas.delete(name);
    this.lastSwept.delete(name);
  }

  private withStream(output: Json, member = 'Table'): Json {
    const table = output[member];
    if (!isObject(table)) return output;
    const settings = this.settingsStore.settings(String(table.TableName));
    if (settings.streamArn === undefined) return output;
    return {
      ...output,
      [member]: { ...table, StreamSpecification: { StreamEnabled: true, StreamViewType: settings.streamViewType }, LatestStreamArn: settings.streamArn, LatestStreamLabel: settings.streamArn.split('/').pop() },
    };
  }

  private async updateTimeToLive(input: Json): Promise<Json> {
    const name = String(input.TableName ?? '');
    const spec = isObject(input.TimeToLiveSpecification) ? input.TimeToLiveSpecification : undefined;
    if (spec === undefined || typeof spec.AttributeName !== 'string' || typeof spec.Enabled !== 'boolean') {
      throw new DynamoDbError('ValidationException', '1 validation error detected: TimeToLiveSpecification needs AttributeName and Enabled');
    }
    if ((await this.describe(name)) === undefined) throw new DynamoDbError('ResourceNotFoundException', `Requested resource not found: Table: ${name} not found`);
    const current = this.settingsStore.settings(name).ttlAttribute;
    if (spec.Enabled && current !== undefined) throw new DynamoDbError('ValidationException', 'TimeToLive is already enabled');
    if (!spec.Enabled && current === undefined) throw new DynamoDbError('ValidationException', 'TimeToLive is already disabled');
    this.settingsStore.update(name, { ttlAttribute: spec.Enabled ? spec.AttributeName : undefined });
    return { TimeToLiveSpecification: { AttributeName: spec.AttributeName, Enabled: spec.Enabled } };
  }

  private async describeTimeToLive(input: Json): Promise<Json> {
    const name = String(input.TableName ?? '');
    if ((await this.describe(name)) === undefined) throw new DynamoDbError('ResourceNotFoundException', `Requested resource not found: Table: ${name} not found`);
    const attribute = this.settingsStore.settings(name).ttlAttribute;
    return { TimeToLiveDescription: attribute === undefined ? { TimeToLiveStatus: 'DISABLED' } : { TimeToLiveStatus: 'ENABLED', AttributeName: attribute } };
  }

  private async keyNames(table: string): Promise<string[]> {
    let names = this.keySchemas.get(table);
    if (names === undefined) {
      const description = await this.describe(table);
      if (description === undefined) throw new DynamoDbError('ResourceNotFoundException', 'Requested resource not found');
      names = (description.KeySchema as Json[]).map((element) => String(element.AttributeName));
      this.keySchemas.set(table, names);
    }
    return names;
  }

  private async keyOf(table: string, item: Json): Promise<AttributeMap> {
    const key: AttributeMap = {};
    for (const name of await this.keyNames(table)) if (item[name] !== undefined) key[name] = item[name];
    return key;
  }

  private async currentItem(table: string, key: AttributeMap): Promise<AttributeMap | undefined> {
    const output = await this.call('GetItem', { TableName: table, Key: key, ConsistentRead: true });
    return isObject(output.Item) ? output.Item : undefined;
  }

  /** The items a write touches, by table, with their keys (only for tables whose stream is on). */
  private async touchedKeys(operation: string, input: Json): Promise<{ table: string; key: AttributeMap }[]> {
    const touched: { table: string; key: AttributeMap }[] = [];
    const add = async (table: string, keyOrItem: unknown) => {
      if (this.settingsStore.settings(table).streamArn === undefined || !isObject(keyOrItem)) return;
      touched.push({ table, key: await this.keyOf(table, keyOrItem) });
    };
    if (operation === 'BatchWriteItem') {
      for (const [table, requests] of Object.entries(isObject(input.RequestItems) ? input.RequestItems : {})) {
        for (const request of Array.isArray(requests) ? (requests as Json[]) : []) {
          if (isObject(request.PutRequest)) await add(table, request.PutRequest.Item);
          if (isObject(request.DeleteRequest)) await add(table, request.DeleteRequest.Key);
        }
      }
    } else {
      await add(String(input.TableName), operation === 'PutItem' ? input.Item : input.Key);
    }
    return touched;
  }

  private async write(operation: string, input: Json): Promise<Json> {
    const touched = await this.touchedKeys(operation, input).catch(() => []);
    const before = await Promise.all(touched.map(({ table, key }) => this.currentItem(table, key)));
    const output = await this.call(operation, input);
    await this.publish(touched, before);
    return output;
  }

  /** Stream records for the touched items, from their images before and now. */
  private async publish(touched: { table: string; key: AttributeMap }[], before: (AttributeMap | undefined)[], byTimeToLive = false): Promise<void> {
    const byStream = new Map<string, StreamRecord[]>();
    for (const [index, { table, key }] of touched.entries()) {
      const settings = this.settingsStore.settings(table);
      if (settings.streamArn === undefined) continue;
      const change: ItemChange = { keys: key, oldImage: before[index], newImage: byTimeToLive ? undefined : await this.currentItem(table, key), byTimeToLive };
      const record = streamRecord(change, { arn: settings.streamArn, viewType: settings.streamViewType ?? 'NEW_AND_OLD_IMAGES', region: this.region });
      if (record === undefined) continue;
      byStream.set(settings.streamArn, [...(byStream.get(settings.streamArn) ?? []), record]);
    }
    for (const [streamArn, records] of byStream) {
      for (const listener of this.listeners) listener(streamArn, records);
    }
  }

  /**
   * TransactWriteItems: every action runs in order under the write lock with its condition; when one is refused, the
   * items already written are put back as they were and the transaction is cancelled with a reason per action.
   */
  private async transactWrite(input: Json): Promise<Json> {
    const actions = Array.isArray(input.TransactItems) ? (input.TransactItems as Json[]) : [];
    if (actions.length === 0 || actions.length > 100) {
      throw new DynamoDbError('ValidationException', '1 validation error detected: TransactItems must have between 1 and 100 items');
    }
    const steps = await Promise.all(
      actions.map(async (action) => {
        const [kind, body] = Object.entries(action).find(([, value]) => isObject(value)) ?? [];
        if (kind === undefined || !isObject(body) || !['ConditionCheck', 'Put', 'Delete', 'Update'].includes(kind)) {
          throw new DynamoDbError('ValidationException', 'Each TransactItem needs exactly one of ConditionCheck, Put, Delete or Update');
        }
        const table = String(body.TableName);
        const key = await this.keyOf(table, kind === 'Put' ? (body.Item as Json) : (body.Key as Json));
        return { kind, body, table, key };
      }),
    );
    const identities = steps.map((step) => `${step.table}\u0000${JSON.stringify(step.key)}`);
    if (new Set(identities).size !== identities.length) {
      throw new DynamoDbError('ValidationException', 'Transaction request cannot include multiple operations on one item');
    }
    const before = await Promise.all(steps.map((step) => this.currentItem(step.table, step.key)));
    const reasons: Json[] = steps.map(() => ({ Code: 'None' }));
    let failedAt = -1;
    for (const [index, step] of steps.entries()) {
      try {
        await this.transactStep(step.kind, step.body, step.table, step.key, before[index]);
      } catch (error) {
        if (!(error instanceof DynamoDbError && error.code === 'ConditionalCheckFailedException')) {
          await this.restore(steps.slice(0, index), before);
          throw error;
        }
        reasons[index] = { Code: 'ConditionalCheckFailed', Message: 'The conditional request failed' };
        failedAt = index;
        break;
      }
    }
    if (failedAt >= 0) {
      await this.restore(steps.slice(0, failedAt), before);
      throw new DynamoDbError(
        'TransactionCanceledException',
        `Transaction cancelled, please refer cancellation reasons for specific reasons [${reasons.map((reason) => reason.Code).join(', ')}]`,
        400,
        { CancellationReasons: reasons },
      );
    }
    const written = steps.map((step, index) => ({ step, before: before[index] })).filter(({ step }) => step.kind !== 'ConditionCheck');
    await this.publish(
      written.map(({ step }) => ({ table: step.table, key: step.key })),
      written.map(({ before: image }) => image),
    );
    return {};
  }

  private async transactStep(kind: string, body: Json, table: string, key: AttributeMap, current: AttributeMap | undefined): Promise<void> {
    const condition = {
      ...(body.ConditionExpression !== undefined ? { ConditionExpression: body.ConditionExpression } : {}),
      ...(body.ExpressionAttributeNames !== undefined ? { ExpressionAttributeNames: body.ExpressionAttributeNames } : {}),
      ...(body.ExpressionAttributeValues !== undefined ? { ExpressionAttributeValues: body.ExpressionAttributeValues } : {}),
    };
    switch (kind) {
      case 'Put':
        await this.call('PutItem', { TableName: table, Item: body.Item, ...condition });
        return;
      case 'Delete':
        await this.call('DeleteItem', { TableName: table, Key: key, ...condition });
        return;
      case 'Update':
        await this.call('UpdateItem', { TableName: table, Key: key, UpdateExpression: body.UpdateExpression, ...condition });
        return;
      default:
        // A condition alone: rewriting the item as it is (or deleting the item that is not there) under the condition.
        if (current === undefined) await this.call('DeleteItem', { TableName: table, Key: key, ...condition });
        else await this.call('PutItem', { TableName: table, Item: current, ...condition });
    }
  }

  private async restore(steps: { table: string; key: AttributeMap }[], before: (AttributeMap | undefined)[]): Promise<void> {
    for (const [index, step] of steps.entries()) {
      const image = before[index];
      if (image === undefined) await this.call('DeleteItem', { TableName: step.table, Key: step.key });
      else await this.call('PutItem', { TableName: step.table, Item: image });
    }
  }

  private async transactGet(input: Json): Promise<Json> {
    const actions = Array.isArray(input.TransactItems) ? (input.TransactItems as Json[]) : [];
    if (actions.length === 0 || actions.length > 100) {
      throw new DynamoDbError('ValidationException', '1 validation error detected: TransactItems must have between 1 and 100 items');
    }
    const responses = await Promise.all(
      actions.map(async (action) => {
        if (!isObject(action.Get)) throw new DynamoDbError('ValidationException', 'Each TransactGetItem needs Get');
        const get = action.Get;
        const output = await this.call('GetItem', {
          TableName: get.TableName,
          Key: get.Key,
          ConsistentRead: true,
          ...(get.ProjectionExpression !== undefined ? { ProjectionExpression: get.ProjectionExpression } : {}),
          ...(get.ExpressionAttributeNames !== undefined ? { ExpressionAttributeNames: get.ExpressionAttributeNames } : {}),
        });
        return isObject(output.Item) ? { Item: output.Item } : {};
      }),
    );
    return { Responses: responses };
  }

  private async sweepIfDue(table: string): Promise<void> {
    const settings: TableSettings = this.settingsStore.settings(table);
    if (settings.ttlAttribute === undefined) return;
    const last = this.lastSwept.get(table) ?? 0;
    if (Date.now() - last < TTL_READ_SWEEP_MS) return;
    this.lastSwept.set(table, Date.now());
    await this.serialised(() => this.sweep(table, settings.ttlAttribute as string));
  }

  private async sweepAll(): Promise<void> {
    for (const table of this.settingsStore.tablesWithTtl()) {
      await this.sweepIfDue(table).catch((error: unknown) => {
        process.stderr.write(`local-cloud: time-to-live sweep of ${table} failed: ${error instanceof Error ? error.message : String(error)}\n`);
      });
    }
  }

  /** Deletes the items whose time-to-live attribute (epoch seconds) has passed; each removal is a stream record. */
  private async sweep(table: string, attribute: string): Promise<void> {
    const now = { N: String(Math.floor(Date.now() / 1000)) };
    const expired: Json[] = [];
    let start: unknown;
    do {
      const page = await this.call('Scan', {
        TableName: table,
        ConsistentRead: true,
        FilterExpression: '#ttl < :now',
        ExpressionAttributeNames: { '#ttl': attribute },
        ExpressionAttributeValues: { ':now': now },
        ...(start === undefined ? {} : { ExclusiveStartKey: start }),
      });
      expired.push(...((page.Items as Json[] | undefined) ?? []));
      start = page.LastEvaluatedKey;
    } while (start !== undefined);
    const removed: { table: string; key: AttributeMap }[] = [];
    for (const item of expired) {
      const key = await this.keyOf(table, item);
      await this.call('DeleteItem', { TableName: table, Key: key });
      removed.push({ table, key });
    }
    await this.publish(removed, expired, true);
  }
}

/** A stream ARN as DynamoDB labels it: the table ARN, `/stream/` and the creation time. */
function newStreamArn(tableArn: string): string {
  return `${tableArn}/stream/${new Date().toISOString().replace(/Z$/, '')}`;
}
