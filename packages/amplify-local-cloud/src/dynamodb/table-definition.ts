import { DynamoDbError } from './dynamodb-errors';

type Json = Record<string, unknown>;

/** The structure of a table that only a rebuild can change in dynalite: keys and indexes. */
export interface TableShape {
  KeySchema: Json[];
  AttributeDefinitions: Json[];
  GlobalSecondaryIndexes?: Json[];
  LocalSecondaryIndexes?: Json[];
}

/**
 * The CreateTable input of an `AWS::DynamoDB::Table`'s properties. Throughput values arrive as strings when they come
 * from parameters; with on-demand billing they are left out, as DynamoDB refuses them then.
 */
export function createTableInput(name: string, properties: Json): Json {
  const onDemand = properties.BillingMode === 'PAY_PER_REQUEST';
  const throughput = (value: unknown): Json | undefined => {
    if (onDemand) return undefined;
    const given = isObject(value) ? value : { ReadCapacityUnits: 5, WriteCapacityUnits: 5 };
    return { ReadCapacityUnits: Number(given.ReadCapacityUnits), WriteCapacityUnits: Number(given.WriteCapacityUnits) };
  };
  const index = (value: Json, withThroughput: boolean): Json => {
    const result: Json = { IndexName: value.IndexName, KeySchema: value.KeySchema, Projection: value.Projection ?? { ProjectionType: 'ALL' } };
    const indexThroughput = withThroughput ? throughput(value.ProvisionedThroughput) : undefined;
    return indexThroughput === undefined ? result : { ...result, ProvisionedThroughput: indexThroughput };
  };
  if (!Array.isArray(properties.KeySchema) || !Array.isArray(properties.AttributeDefinitions)) {
    throw new DynamoDbError('ValidationException', `Table ${name} needs KeySchema and AttributeDefinitions`);
  }
  const input: Json = {
    TableName: name,
    KeySchema: properties.KeySchema,
    AttributeDefinitions: properties.AttributeDefinitions,
    BillingMode: onDemand ? 'PAY_PER_REQUEST' : 'PROVISIONED',
  };
  const tableThroughput = throughput(properties.ProvisionedThroughput);
  if (tableThroughput !== undefined) input.ProvisionedThroughput = tableThroughput;
  const globals = arrayOf(properties.GlobalSecondaryIndexes);
  if (globals.length > 0) input.GlobalSecondaryIndexes = globals.map((value) => index(value, true));
  const locals = arrayOf(properties.LocalSecondaryIndexes);
  if (locals.length > 0) input.LocalSecondaryIndexes = locals.map((value) => index(value, false));
  return input;
}

/** Keys and indexes of a CreateTable input or a DescribeTable `Table`, in one comparable form. */
export function shapeOf(table: Json): string {
  const index = (value: Json) => ({ IndexName: value.IndexName, KeySchema: value.KeySchema, Projection: projection(value.Projection) });
  const byName = (left: Json, right: Json) => String(left.IndexName).localeCompare(String(right.IndexName));
  return JSON.stringify({
    KeySchema: table.KeySchema,
    GlobalSecondaryIndexes: arrayOf(table.GlobalSecondaryIndexes).map(index).sort(byName),
    LocalSecondaryIndexes: arrayOf(table.LocalSecondaryIndexes).map(index).sort(byName),
  });
}

function projection(value: unknown): Json {
  const given = isObject(value) ? value : {};
  const type = given.ProjectionType ?? 'ALL';
  const attributes = Array.isArray(given.NonKeyAttributes) ? [...(given.NonKeyAttributes as string[])].sort() : [];
  return type === 'INCLUDE' ? { ProjectionType: type, NonKeyAttributes: attributes } : { ProjectionType: type };
}

/** The `TimeToLiveSpecification` attribute when enabled. */
export function ttlAttributeOf(properties: Json): string | undefined {
  const spec = properties.TimeToLiveSpecification;
  if (!isObject(spec) || (spec.Enabled !== true && spec.Enabled !== 'true')) return undefined;
  return typeof spec.AttributeName === 'string' ? spec.AttributeName : undefined;
}

/** The `StreamSpecification`'s view type, when streams are on. */
export function streamViewTypeOf(properties: Json): string | undefined {
  const spec = properties.StreamSpecification;
  if (!isObject(spec)) return undefined;
  if (spec.StreamEnabled === false || spec.StreamEnabled === 'false') return undefined;
  return typeof spec.StreamViewType === 'string' ? spec.StreamViewType : undefined;
}

export function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function arrayOf(value: unknown): Json[] {
  return Array.isArray(value) ? value.filter(isObject) : [];
}
