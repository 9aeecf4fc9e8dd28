import * as crypto from 'crypto';
import { ResolverError } from './appsync-errors';
import type { DataSourceRecord, DynamoDbDataSourceConfig, SyncConfig } from './appsync-registry';
import type { AppSyncPorts, DynamoDbExecutor } from './ports';
import { fromItem, type AttributeValue } from './vtl/dynamodb-values';

/**
 * What a data source answered: a result, or the error `$ctx.error` shows the response template (with, for a
 * DataStore conflict, the item as it is in `$ctx.result`).
 */
export type DataSourceOutcome = { type: 'result'; result: unknown } | { type: 'error'; error: { message: string; type: string }; result?: unknown };

/** A versioned write whose `_version` is not the item's: the conflict handler rejected it. */
class ConflictError extends Error {
  constructor(readonly current: unknown) {
    super('Conflict resolver rejects mutation.');
    this.name = 'ConflictUnhandled';
  }
}

type Request = Record<string, unknown>;
type Expression = { expression?: string; expressionNames?: Record<string, string>; expressionValues?: Record<string, AttributeValue> };

function errorName(error: unknown): string {
  if (typeof error === 'object' && error !== null) {
    const record = error as { name?: unknown; code?: unknown; __type?: unknown };
    const name = [record.code, record.__type, record.name].find((value) => typeof value === 'string' && value !== '' && value !== 'Error');
    if (typeof name === 'string') return name.split('#').pop() ?? name;
  }
  return 'InternalFailure';
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : typeof error === 'object' && error !== null && 'message' in error ? String((error as { message: unknown }).message) : String(error);
}

/** Adds an expression's names and values to a DynamoDB input under its own keys. */
function mergeExpression(input: Request, expression: Expression | undefined, key: string): void {
  if (expression === undefined || expression === null || typeof expression.expression !== 'string' || expression.expression === '') return;
  input[key] = expression.expression;
  if (expression.expressionNames !== undefined && Object.keys(expression.expressionNames).length > 0) {
    input.ExpressionAttributeNames = { ...(input.ExpressionAttributeNames as object), ...expression.expressionNames };
  }
  if (expression.expressionValues !== undefined && Object.keys(expression.expressionValues).length > 0) {
    input.ExpressionAttributeValues = { ...(input.ExpressionAttributeValues as object), ...expression.expressionValues };
  }
}

/** ANDs a condition (with its names and values) into the input's expression under `key`. */
function andExpression(input: Request, key: string, expression: string, names: Record<string, string>, values: Record<string, AttributeValue>): void {
  input[key] = typeof input[key] === 'string' && input[key] !== '' ? `(${String(input[key])}) AND ${expression}` : expression;
  input.ExpressionAttributeNames = { ...(input.ExpressionAttributeNames as object), ...names };
  input.ExpressionAttributeValues = { ...(input.ExpressionAttributeValues as object), ...values };
}

/** Puts `assignments` first in the update expression's SET clause (adding one when it has none). */
function setFirst(input: Request, assignments: string, names: Record<string, string>, values: Record<string, AttributeValue>): void {
  const expression = typeof input.UpdateExpression === 'string' ? input.UpdateExpression : '';
  input.UpdateExpression = /\bSET\b/i.test(expression) ? expression.replace(/\bSET\b/i, `SET ${assignments},`) : `SET ${assignments} ${expression}`.trim();
  input.ExpressionAttributeNames = { ...(input.ExpressionAttributeNames as object), ...names };
  input.ExpressionAttributeValues = { ...(input.ExpressionAttributeValues as object), ...values };
}

function isConditionFailure(error: unknown): boolean {
  return errorName(error) === 'ConditionalCheckFailedException';
}

/**
 * A write to a versioned (DataStore) table: `_version` and `_lastChangedAt` maintained, and with VERSION conflict
 * detection the request's `_version` must be the item's. On a conflict, OPTIMISTIC_CONCURRENCY rejects with the
 * item as it is; AUTOMERGE applies the write on top of the current version (the local cloud does not merge
 * field by field).
 */
async function versionedWrite(dynamodb: DynamoDbExecutor, TableName: string, input: Request, request: Request, syncConfig: SyncConfig | undefined): Promise<Record<string, unknown>> {
  const now = Date.now();
  setFirst(input, '#_version = if_not_exists(#_version, :_versionZero) + :_versionIncrement, #_lastChangedAt = :_lastChangedAt', { '#_version': '_version', '#_lastChangedAt': '_lastChangedAt' }, {
    ':_versionZero': { N: '0' },
    ':_versionIncrement': { N: '1' },
    ':_lastChangedAt': { N: String(now) },
  });
  const detect = syncConfig?.conflictDetection === 'VERSION' && typeof request._version === 'number';
  const attempt = (expected: unknown) => {
    const attemptInput = { ...input };
    if (detect) andExpression(attemptInput, 'ConditionExpression', '#_version = :_expectedVersion', { '#_version': '_version' }, { ':_expectedVersion': { N: String(expected) } });
    return dynamodb.execute('UpdateItem', attemptInput);
  };
  try {
    return await attempt(request._version);
  } catch (error) {
    if (!detect || !isConditionFailure(error)) throw error;
    const current = fromItem((await dynamodb.execute('GetItem', { TableName, Key: input.Key, ConsistentRead: true })).Item as Record<string, AttributeValue> | undefined);
    if (current === null || current._version === request._version) throw error;
    if (syncConfig?.conflictHandler !== 'AUTOMERGE') throw new ConflictError(current);
    return attempt(current._version);
  }
}

function encodeToken(key: unknown): string | null {
  return key === undefined || key === null ? null : Buffer.from(JSON.stringify(key), 'utf8').toString('base64');
}

function decodeToken(token: unknown): unknown {
  if (typeof token !== 'string' || token === '') return undefined;
  try {
    return JSON.parse(Buffer.from(token, 'base64').toString('utf8')) as unknown;
  } catch {
    throw new ResolverError('The nextToken is not valid: pass a nextToken this API returned.', 'DynamoDB:ValidationException');
  }
}

function items(output: Record<string, unknown>): unknown[] {
  return ((output.Items as Record<string, AttributeValue>[] | undefined) ?? []).map((item) => fromItem(item));
}

/** AppSync's DynamoDB resolver operations (2018-05-29) translated to DynamoDB API calls. */
async function dynamoDbOperation(dynamodb: DynamoDbExecutor, config: DynamoDbDataSourceConfig, request: Request, syncConfig: SyncConfig | undefined): Promise<unknown> {
  const TableName = config.tableName;
  const operation = String(request.operation ?? '');
  switch (operation) {
    case 'GetItem': {
      const output = await dynamodb.execute('GetItem', { TableName, Key: request.key, ConsistentRead: request.consistentRead === true });
      return fromItem(output.Item as Record<string, AttributeValue> | undefined);
    }
    case 'PutItem': {
      const Item: Record<string, AttributeValue> = { ...(request.attributeValues as object), ...(request.key as object) };
      if (config.versioned === true) {
        Item._version = { N: '1' };
        Item._lastChangedAt = { N: String(Date.now()) };
      }
      const input: Request = { TableName, Item };
      mergeExpression(input, request.condition as Expression, 'ConditionExpression');
      await dynamodb.execute('PutItem', input);
      return fromItem(Item as Record<string, AttributeValue>);
    }
    case 'UpdateItem': {
      const input: Request = { TableName, Key: request.key, ReturnValues: 'ALL_NEW' };
      mergeExpression(input, request.update as Expression, 'UpdateExpression');
      mergeExpression(input, request.condition as Expression, 'ConditionExpression');
      const output = config.versioned === true ? await versionedWrite(dynamodb, TableName, input, request, syncConfig) : await dynamodb.execute('UpdateItem', input);
      return fromItem(output.Attributes as Record<string, AttributeValue> | undefined);
    }
    case 'DeleteItem': {
      if (config.versioned === true) {
        // DataStore deletes leave a tombstone that syncs to other clients until its TTL removes it.
        const input: Request = { TableName, Key: request.key, ReturnValues: 'ALL_NEW' };
        mergeExpression(input, request.condition as Expression, 'ConditionExpression');
        andExpression(input, 'ConditionExpression', 'attribute_exists(#_deleteKey)', { '#_deleteKey': Object.keys(request.key as object)[0] ?? 'id' }, {});
        const ttlSeconds = Math.floor(Date.now() / 1000) + (config.baseTableTtl ?? 43200) * 60;
        setFirst(input, '#_deleted = :_deleted, #_ttl = :_ttl', { '#_deleted': '_deleted', '#_ttl': '_ttl' }, { ':_deleted': { BOOL: true }, ':_ttl': { N: String(ttlSeconds) } });
        const output = await versionedWrite(dynamodb, TableName, input, request, syncConfig);
        return fromItem(output.Attributes as Record<string, AttributeValue> | undefined);
      }
      const input: Request = { TableName, Key: request.key, ReturnValues: 'ALL_OLD' };
      mergeExpression(input, request.condition as Expression, 'ConditionExpression');
      const output = await dynamodb.execute('DeleteItem', input);
      return fromItem(output.Attributes as Record<string, AttributeValue> | undefined);
    }
    case 'Query':
    case 'Scan': {
      const input: Request = { TableName };
      if (operation === 'Query') mergeExpression(input, request.query as Expression, 'KeyConditionExpression');
      mergeExpression(input, request.filter as Expression, 'FilterExpression');
      if (typeof request.index === 'string') input.IndexName = request.index;
      if (typeof request.limit === 'number') input.Limit = request.limit;
      if (request.consistentRead === true) input.ConsistentRead = true;
      if (operation === 'Query' && request.scanIndexForward === false) input.ScanIndexForward = false;
      if (typeof request.select === 'string') input.Select = request.select === 'ALL_PROJECTED_ATTRIBUTES' ? 'ALL_PROJECTED_ATTRIBUTES' : 'ALL_ATTRIBUTES';
      if (operation === 'Scan' && typeof request.totalSegments === 'number') {
        input.Segment = request.segment;
        input.TotalSegments = request.totalSegments;
      }
      const start = decodeToken(request.nextToken);
      if (start !== undefined) input.ExclusiveStartKey = start;
      const output = await dynamodb.execute(operation, input);
      return { items: items(output), nextToken: encodeToken(output.LastEvaluatedKey), scannedCount: output.ScannedCount ?? 0 };
    }
    case 'BatchGetItem': {
      const tables = (request.tables ?? {}) as Record<string, { keys: Record<string, AttributeValue>[]; consistentRead?: boolean }>;
      const RequestItems = Object.fromEntries(Object.entries(tables).map(([table, spec]) => [table, { Keys: spec.keys, ConsistentRead: spec.consistentRead === true }]));
      const output = await dynamodb.execute('BatchGetItem', { RequestItems });
      const responses = (output.Responses ?? {}) as Record<string, Record<string, AttributeValue>[]>;
      const data: Record<string, unknown[]> = {};
      for (const [table, spec] of Object.entries(tables)) {
        const found = (responses[table] ?? []).map((item) => fromItem(item) as Record<string, unknown>);
        // AppSync answers in the order of the keys, null where no item exists.
        data[table] = spec.keys.map((key) => {
          const plain = fromItem(key) as Record<string, unknown>;
          return found.find((item) => Object.entries(plain).every(([name, value]) => JSON.stringify(item[name]) === JSON.stringify(value))) ?? null;
        });
      }
      const unprocessed = (output.UnprocessedKeys ?? {}) as Record<string, { Keys: Record<string, AttributeValue>[] }>;
      return { data, unprocessedKeys: Object.fromEntries(Object.keys(tables).map((table) => [table, (unprocessed[table]?.Keys ?? []).map((key) => fromItem(key))])) };
    }
    case 'BatchPutItem':
    case 'BatchDeleteItem': {
      const put = operation === 'BatchPutItem';
      const tables = (request.tables ?? {}) as Record<string, Record<string, AttributeValue>[]>;
      const RequestItems = Object.fromEntries(
        Object.entries(tables).map(([table, entries]) => [table, entries.map((entry) => (put ? { PutRequest: { Item: entry } } : { DeleteRequest: { Key: entry } }))]),
      );
      await dynamodb.execute('BatchWriteItem', { RequestItems });
      const data = Object.fromEntries(Object.entries(tables).map(([table, entries]) => [table, entries.map((entry) => fromItem(entry))]));
      return put ? { data, unprocessedItems: {} } : { data, unprocessedKeys: {} };
    }
    case 'Sync': {
      // DataStore's base query: every item of the table (tombstones included), in pages. The local cloud keeps no
      // delta table: a sync from `lastSync` scans the base table for what changed since.
      const input: Request = { TableName };
      mergeExpression(input, request.filter as Expression, 'FilterExpression');
      if (typeof request.lastSync === 'number') {
        andExpression(input, 'FilterExpression', '#_lastChangedAt > :_lastSync', { '#_lastChangedAt': '_lastChangedAt' }, { ':_lastSync': { N: String(request.lastSync) } });
      }
      if (typeof request.limit === 'number') input.Limit = request.limit;
      const start = decodeToken(request.nextToken);
      if (start !== undefined) input.ExclusiveStartKey = start;
      const startedAt = Date.now();
      const output = await dynamodb.execute('Scan', input);
      return { items: items(output), nextToken: encodeToken(output.LastEvaluatedKey), startedAt };
    }
    default:
      throw new ResolverError(`Unsupported operation '${operation}' for a DynamoDB data source; the local cloud runs GetItem, PutItem, UpdateItem, DeleteItem, Query, Scan, BatchGetItem, BatchPutItem, BatchDeleteItem and Sync.`, 'MappingTemplate');
  }
}

const HTTP_METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS']);
/** AppSync gives a data source call 30 seconds. */
const HTTP_TIMEOUT_MS = 30_000;

async function httpOperation(endpoint: string, request: Request): Promise<unknown> {
  const method = String(request.method ?? 'GET').toUpperCase();
  if (!HTTP_METHODS.has(method)) throw new ResolverError(`Unsupported HTTP method '${method}'.`, 'MappingTemplate');
  const params = (request.params ?? {}) as { query?: Record<string, unknown>; headers?: Record<string, unknown>; body?: unknown };
  const url = new URL(`${endpoint.replace(/\/$/, '')}${String(request.resourcePath ?? '/')}`);
  for (const [name, value] of Object.entries(params.query ?? {})) if (value !== null && value !== undefined) url.searchParams.set(name, String(value));
  const headers = Object.fromEntries(Object.entries(params.headers ?? {}).map(([name, value]) => [name, String(value)]));
  const body = params.body === undefined || params.body === null ? undefined : typeof params.body === 'string' ? params.body : JSON.stringify(params.body);
  const response = await fetch(url, { method, headers, body: method === 'GET' || method === 'HEAD' ? undefined : body, signal: AbortSignal.timeout(HTTP_TIMEOUT_MS) });
  const responseHeaders: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    responseHeaders[name] = value;
  });
  return { statusCode: response.status, headers: responseHeaders, body: await response.text() };
}

/** Runs a rendered request against the data source it names. */
/** Lambda `BatchInvoke`: the item's payload joins a batch for the function; answers the item's element of the result. */
export type BatchInvoke = (functionArn: string, payload: unknown) => Promise<unknown>;

export interface DataSourceCall {
  /** The Lambda payload when the request gives none: the resolver's context. */
  fallbackPayload(): unknown;
  batchInvoke: BatchInvoke;
  syncConfig?: SyncConfig;
}

export async function invokeDataSource(dataSource: DataSourceRecord, request: Request, ports: AppSyncPorts, call: DataSourceCall): Promise<DataSourceOutcome> {
  const { fallbackPayload, batchInvoke, syncConfig } = call;
  try {
    switch (dataSource.type) {
      case 'NONE':
        return { type: 'result', result: request.payload === undefined ? null : request.payload };
      case 'AMAZON_DYNAMODB': {
        if (ports.dynamodb === undefined) throw new ResolverError(`The local cloud has no DynamoDB service to run data source ${dataSource.name} with.`, 'DynamoDB:ServiceUnavailable');
        return { type: 'result', result: await dynamoDbOperation(ports.dynamodb, dataSource.dynamodb ?? { tableName: '' }, request, syncConfig) };
      }
      case 'AWS_LAMBDA': {
        if (ports.lambda === undefined) throw new ResolverError(`The local cloud has no Lambda service to run data source ${dataSource.name} with.`, 'Lambda:ServiceUnavailable');
        const payload = request.payload === undefined ? fallbackPayload() : request.payload;
        if (request.operation === 'BatchInvoke') return { type: 'result', result: await batchInvoke(dataSource.lambda?.functionArn ?? '', payload) };
        return { type: 'result', result: await ports.lambda.invoke(dataSource.lambda?.functionArn ?? '', payload) };
      }
      case 'HTTP':
        return { type: 'result', result: await httpOperation(dataSource.http?.endpoint ?? '', request) };
      default:
        throw new ResolverError(`The local cloud does not run ${dataSource.type} data sources (data source ${dataSource.name}).`, 'MappingTemplate');
    }
  } catch (error) {
    if (error instanceof ResolverError && error.errorType === 'MappingTemplate') throw error;
    if (error instanceof ConflictError) return { type: 'error', error: { message: error.message, type: error.name }, result: error.current };
    const prefix = dataSource.type === 'AMAZON_DYNAMODB' ? 'DynamoDB:' : dataSource.type === 'AWS_LAMBDA' ? 'Lambda:' : '';
    if (error instanceof ResolverError) return { type: 'error', error: { message: error.message, type: error.errorType ?? 'InternalFailure' } };
    // AppSync appends the service's request details to a DynamoDB error's message.
    const details = dataSource.type === 'AMAZON_DYNAMODB' ? ` (Service: DynamoDb, Status Code: 400, Request ID: ${crypto.randomUUID()})` : '';
    // A function's own error is `Lambda:Unhandled`; a failure of the Lambda service keeps its exception name.
    const name = dataSource.type === 'AWS_LAMBDA' && !errorName(error).endsWith('Exception') ? 'Unhandled' : errorName(error);
    return { type: 'error', error: { message: `${errorMessage(error)}${details}`, type: `${prefix}${name}` } };
  }
}
