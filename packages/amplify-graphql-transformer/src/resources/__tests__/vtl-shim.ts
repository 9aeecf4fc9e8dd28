/**
 * Just enough of AppSync's resolver runtime to execute the generated templates in tests: Java-like maps and lists
 * (as the templates call `put`, `containsKey`, `isEmpty`…), the `$util` helpers they use, and rendering with
 * `amplify-velocity-template`, the engine the local cloud's AppSync emulator runs them on.
 */
import { randomUUID } from 'crypto';

// By file: jest maps every bare `amplify-*` name to a workspace package.
const velocity = require('amplify-velocity-template/index.js') as {
  parse(template: string): unknown;
  Compile: new (ast: unknown, options: { valueMapper: (value: unknown) => unknown; escape: boolean }) => {
    render(context: Record<string, unknown>, macros?: unknown, silent?: boolean): unknown;
    _state: { return: boolean };
  };
};

export class JavaMap {
  [key: string]: unknown;
  declare put: (key: string, value: unknown) => unknown;
  declare get: (key: string) => unknown;
}
const mapMethods = {
  put(this: JavaMap, key: string, value: unknown) {
    const previous = this[key];
    this[key] = wrap(value);
    return previous;
  },
  get(this: JavaMap, key: string) {
    return this[key];
  },
  containsKey(this: JavaMap, key: string) {
    return Object.prototype.hasOwnProperty.call(this, key);
  },
  isEmpty(this: JavaMap) {
    return Object.keys(this).length === 0;
  },
  size(this: JavaMap) {
    return Object.keys(this).length;
  },
  putAll(this: JavaMap, other: Record<string, unknown>) {
    for (const [key, value] of Object.entries(other ?? {})) this[key] = wrap(value);
  },
  remove(this: JavaMap, key: string) {
    const previous = this[key];
    delete this[key];
    return previous;
  },
  keySet(this: JavaMap) {
    return JavaList.from(Object.keys(this));
  },
  entrySet(this: JavaMap) {
    return JavaList.from(Object.entries(this).map(([key, value]) => ({ key, value, getKey: () => key, getValue: () => value })));
  },
};
for (const [name, method] of Object.entries(mapMethods)) Object.defineProperty(JavaMap.prototype, name, { value: method, enumerable: false });
// The engine sets `eval` on every object it calls a method of; kept off the entries.
const evaluators = new WeakMap<object, unknown>();
Object.defineProperty(JavaMap.prototype, 'eval', {
  get(this: JavaMap) {
    return evaluators.get(this);
  },
  set(this: JavaMap, value: unknown) {
    evaluators.set(this, value);
  },
  enumerable: false,
});

export class JavaList extends Array<unknown> {
  add(value: unknown) {
    this.push(wrap(value));
    return true;
  }
  get(index: number) {
    return this[index];
  }
  size() {
    return this.length;
  }
  isEmpty() {
    return this.length === 0;
  }
  contains(value: unknown) {
    return this.some((entry) => entry === value || JSON.stringify(entry) === JSON.stringify(value));
  }
}

export function wrap(value: unknown): unknown {
  if (value instanceof JavaMap || value instanceof JavaList) return value;
  if (Array.isArray(value)) return JavaList.from(value.map(wrap));
  if (value !== null && typeof value === 'object') {
    const map = new JavaMap();
    for (const [key, entry] of Object.entries(value)) map[key] = wrap(entry);
    return map;
  }
  return value;
}

/** Plain JSON of a wrapped value. */
export const plain = (value: unknown): unknown => (value === undefined ? undefined : JSON.parse(JSON.stringify(value)));

export class VtlError extends Error {
  constructor(
    message: string,
    readonly errorType?: string,
  ) {
    super(message);
  }
}

function toDynamoDB(value: unknown): Record<string, unknown> {
  if (value === null || value === undefined) return { NULL: true };
  if (typeof value === 'string') return { S: value };
  if (typeof value === 'number') return { N: String(value) };
  if (typeof value === 'boolean') return { BOOL: value };
  if (Array.isArray(value)) return { L: value.map(toDynamoDB) };
  return { M: Object.fromEntries(Object.entries(value as object).map(([key, entry]) => [key, toDynamoDB(entry)])) };
}

const COMPARISONS: Record<string, string> = { eq: '=', ne: '<>', le: '<=', lt: '<', ge: '>=', gt: '>' };

/** The subset of AppSync's filter-to-expression conversion the tests exercise. */
function toExpression(filter: Record<string, unknown>): { expression: string; expressionNames: Record<string, string>; expressionValues: Record<string, unknown> } {
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  let counter = 0;
  const visit = (node: Record<string, unknown>): string => {
    const parts = Object.entries(node).map(([key, condition]) => {
      if (key === 'and' || key === 'or') return `(${(condition as Array<Record<string, unknown>>).map(visit).join(key === 'and' ? ' AND ' : ' OR ')})`;
      if (key === 'not') return `(NOT ${visit(condition as Record<string, unknown>)})`;
      const name = `#${key.replace(/[^A-Za-z0-9]/g, '_')}`;
      names[name] = key;
      return Object.entries(condition as Record<string, unknown>)
        .map(([operator, operand]) => {
          const placeholder = `:${key.replace(/[^A-Za-z0-9]/g, '_')}_${operator}_${counter++}`;
          if (operator === 'attributeExists') return operand ? `attribute_exists(${name})` : `attribute_not_exists(${name})`;
          values[placeholder] = toDynamoDB(operand);
          if (operator === 'contains') return `contains(${name}, ${placeholder})`;
          if (operator === 'beginsWith') return `begins_with(${name}, ${placeholder})`;
          return `(${name} ${COMPARISONS[operator]} ${placeholder})`;
        })
        .join(' AND ');
    });
    return parts.length === 1 ? parts[0] : `(${parts.join(' AND ')})`;
  };
  const expression = visit(filter);
  return { expression, expressionNames: names, expressionValues: values };
}

export interface Caller {
  authType: 'API Key Authorization' | 'User Pool Authorization' | 'IAM Authorization' | 'Open ID Connect Authorization' | 'Lambda Authorization';
  claims?: Record<string, unknown>;
}

export interface TemplateContext {
  args?: Record<string, unknown>;
  stash?: Record<string, unknown>;
  source?: Record<string, unknown>;
  result?: unknown;
  prev?: { result: unknown };
  identity?: Record<string, unknown>;
}

/** Renders a template as AppSync would; `$util.error`/`unauthorized` throw a `VtlError`. */
export function renderTemplate(template: string, context: JavaMap, caller: Caller): { output: string; returned: boolean } {
  // The engine rethrows with its position appended; the error a template raised is what the tests look at.
  let raised: { message: string; type?: string } | undefined;
  const raise = (error: VtlError): never => {
    raised = { message: error.message, type: error.errorType };
    throw error;
  };
  const util = {
    qr: () => '',
    toJson: (value: unknown) => JSON.stringify(value ?? null),
    parseJson: (text: string) => wrap(JSON.parse(text)),
    isNull: (value: unknown) => value === null || value === undefined,
    isNullOrEmpty: (value: unknown) =>
      value === null || value === undefined || value === '' || (value instanceof JavaMap && Object.keys(value).length === 0) || (Array.isArray(value) && value.length === 0),
    isNullOrBlank: (value: unknown) => value === null || value === undefined || (typeof value === 'string' && value.trim() === ''),
    isString: (value: unknown) => typeof value === 'string',
    defaultIfNull: (value: unknown, fallback: unknown) => (value === null || value === undefined ? fallback : value),
    error: (message: string, type?: string) => raise(new VtlError(message, type)),
    unauthorized: () => raise(new VtlError('Unauthorized', 'Unauthorized')),
    authType: () => caller.authType,
    autoId: () => randomUUID(),
    time: { nowISO8601: () => '2026-01-01T00:00:00.000Z' },
    dynamodb: {
      toDynamoDB: (value: unknown) => wrap(toDynamoDB(plain(value))),
      toMapValues: (value: unknown) => wrap(Object.fromEntries(Object.entries(plain(value) as object).map(([key, entry]) => [key, toDynamoDB(entry)]))),
    },
    transform: {
      toDynamoDBFilterExpression: (filter: unknown) => JSON.stringify(toExpression(plain(filter) as Record<string, unknown>)),
      toDynamoDBConditionExpression: (condition: unknown) => JSON.stringify(toExpression(plain(condition) as Record<string, unknown>)),
      toSubscriptionFilter: (filter: unknown) => plain(filter),
    },
  };
  const compiled = new velocity.Compile(velocity.parse(template), { valueMapper: wrap, escape: false });
  const extensions = { setSubscriptionFilter: (filter: unknown) => context.put('subscriptionFilter', filter) };
  let rendered: unknown;
  try {
    rendered = compiled.render({ util, utils: util, ctx: context, context, extensions }, undefined, true);
  } catch (error) {
    throw raised ? new VtlError(raised.message, raised.type) : error;
  }
  return { output: String(rendered), returned: compiled._state.return };
}

export function contextOf(values: TemplateContext, caller: Caller): JavaMap {
  return wrap({
    args: values.args ?? {},
    arguments: values.args ?? {},
    stash: values.stash ?? { conditions: [], metadata: {}, connectionAttributes: {} },
    source: values.source ?? null,
    result: values.result ?? null,
    prev: values.prev ?? { result: null },
    identity: values.identity ?? { claims: caller.claims ?? {} },
    request: { headers: {} },
  }) as JavaMap;
}
