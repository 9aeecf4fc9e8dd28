/** A DynamoDB attribute value in the JSON the DynamoDB API and AppSync's templates use (`{"S": "a"}`). */
export type AttributeValue = Record<string, unknown>;

/** `$util.dynamodb.toDynamoDB`: a JSON value as a typed attribute value. */
export function toDynamoDB(value: unknown): AttributeValue {
  if (value === null || value === undefined) return { NULL: true };
  if (typeof value === 'string') return { S: value };
  if (typeof value === 'number') return { N: String(value) };
  if (typeof value === 'boolean') return { BOOL: value };
  if (Array.isArray(value)) return { L: value.map(toDynamoDB) };
  if (typeof value === 'object') return { M: toMapValues(value as Record<string, unknown>) };
  return { S: String(value) };
}

/** `$util.dynamodb.toMapValues`: each entry typed, the map itself not wrapped. */
export function toMapValues(map: Record<string, unknown>): Record<string, AttributeValue> {
  const result: Record<string, AttributeValue> = {};
  for (const [key, value] of Object.entries(map ?? {})) if (value !== undefined) result[key] = toDynamoDB(value);
  return result;
}

/** A typed attribute value back to JSON, as AppSync hands DynamoDB results to response templates. */
export function fromDynamoDB(value: AttributeValue): unknown {
  const [type, content] = Object.entries(value)[0] ?? ['NULL', true];
  switch (type) {
    case 'S':
    case 'B':
      return content;
    case 'N':
      return Number(content);
    case 'BOOL':
      return content;
    case 'NULL':
      return null;
    case 'SS':
    case 'BS':
      return content;
    case 'NS':
      return (content as string[]).map(Number);
    case 'L':
      return (content as AttributeValue[]).map(fromDynamoDB);
    case 'M':
      return fromItem(content as Record<string, AttributeValue>);
    default:
      return content;
  }
}

export function fromItem(item: Record<string, AttributeValue> | undefined): Record<string, unknown> | null {
  if (item === undefined || item === null) return null;
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(item)) result[key] = fromDynamoDB(value);
  return result;
}

function typed(type: string, convert: (value: unknown) => unknown): (value: unknown) => AttributeValue {
  return (value) => ({ [type]: convert(value) });
}

/** `$util.dynamodb`: each `toX` has a `toXJson` twin answering the same value as JSON text. */
export function dynamoDbUtil(): Record<string, (...args: unknown[]) => unknown> {
  const converters: Record<string, (value: unknown) => unknown> = {
    toDynamoDB,
    toString: typed('S', String),
    toStringSet: typed('SS', (value) => (value as unknown[]).map(String)),
    toNumber: typed('N', String),
    toNumberSet: typed('NS', (value) => (value as unknown[]).map(String)),
    toBinary: typed('B', String),
    toBinarySet: typed('BS', (value) => (value as unknown[]).map(String)),
    toBoolean: typed('BOOL', Boolean),
    toNull: () => ({ NULL: true }),
    toList: typed('L', (value) => (value as unknown[]).map(toDynamoDB)),
    toMap: typed('M', (value) => toMapValues(value as Record<string, unknown>)),
    toMapValues: (value) => toMapValues(value as Record<string, unknown>),
  };
  const util: Record<string, (...args: unknown[]) => unknown> = {};
  for (const [name, convert] of Object.entries(converters)) {
    util[name] = convert;
    util[`${name}Json`] = (value: unknown) => JSON.stringify(convert(value));
  }
  return util;
}
