import { ResolverError } from '../appsync-errors';
import { toDynamoDB, type AttributeValue } from './dynamodb-values';

export interface DynamoDbExpression {
  expression: string;
  expressionNames: Record<string, string>;
  expressionValues: Record<string, AttributeValue>;
}

const COMPARISONS: Record<string, string> = { eq: '=', ne: '<>', le: '<=', lt: '<', ge: '>=', gt: '>' };

/** Builds a DynamoDB condition from a model filter (`{title: {eq: "a"}, or: [...]}`), naming each placeholder once. */
class ExpressionBuilder {
  readonly names: Record<string, string> = {};
  readonly values: Record<string, AttributeValue> = {};
  private counter = 0;

  build(filter: Record<string, unknown>): string {
    const parts: string[] = [];
    for (const [key, condition] of Object.entries(filter)) {
      if (condition === null || condition === undefined) continue;
      if (key === 'and' || key === 'or') {
        const children = (Array.isArray(condition) ? condition : [condition]).map((child) => this.build(child as Record<string, unknown>)).filter((part) => part !== '');
        // DynamoDB refuses redundant parentheses: a group of one is its member.
        if (children.length > 0) parts.push(children.length === 1 ? children[0] : `(${children.join(key === 'and' ? ' AND ' : ' OR ')})`);
      } else if (key === 'not') {
        const inner = this.build(condition as Record<string, unknown>);
        if (inner !== '') parts.push(`(NOT ${inner})`);
      } else if (typeof condition === 'object' && !Array.isArray(condition)) {
        for (const [operator, value] of Object.entries(condition as Record<string, unknown>)) {
          if (value !== undefined) parts.push(this.comparison(key, operator, value));
        }
      } else {
        throw new ResolverError(`Unrecognized Filter '${key}': a field's condition is an object such as { eq: value }.`, 'InvalidArgumentsError');
      }
    }
    return parts.length === 1 ? parts[0] : parts.length === 0 ? '' : `(${parts.join(' AND ')})`;
  }

  private name(field: string): string {
    const placeholder = `#${field.replace(/[^A-Za-z0-9_]/g, '_')}`;
    this.names[placeholder] = field;
    return placeholder;
  }

  private value(field: string, operator: string, value: unknown): string {
    this.counter += 1;
    const placeholder = `:${field.replace(/[^A-Za-z0-9_]/g, '_')}_${operator}${this.counter === 1 ? '' : `_${this.counter}`}`;
    this.values[placeholder] = toDynamoDB(value);
    return placeholder;
  }

  private comparison(field: string, operator: string, value: unknown): string {
    const name = this.name(field);
    if (COMPARISONS[operator] !== undefined) return `(${name} ${COMPARISONS[operator]} ${this.value(field, operator, value)})`;
    switch (operator) {
      case 'contains':
        return `(contains(${name}, ${this.value(field, operator, value)}))`;
      case 'notContains':
        return `(NOT contains(${name}, ${this.value(field, operator, value)}))`;
      case 'beginsWith':
        return `(begins_with(${name}, ${this.value(field, operator, value)}))`;
      case 'between': {
        if (!Array.isArray(value) || value.length !== 2) throw new ResolverError(`The 'between' condition on '${field}' takes exactly two values.`, 'InvalidArgumentsError');
        return `(${name} BETWEEN ${this.value(field, 'between', value[0])} AND ${this.value(field, 'between', value[1])})`;
      }
      case 'attributeExists':
        return value === false ? `(attribute_not_exists(${name}))` : `(attribute_exists(${name}))`;
      case 'attributeType':
        return `(attribute_type(${name}, ${this.value(field, operator, value)}))`;
      case 'size': {
        const sizes = value as Record<string, unknown>;
        const parts = Object.entries(sizes).map(([sizeOperator, operand]) => {
          if (sizeOperator === 'between' && Array.isArray(operand)) {
            return `(size(${name}) BETWEEN ${this.value(field, 'size_between', operand[0])} AND ${this.value(field, 'size_between', operand[1])})`;
          }
          return `(size(${name}) ${COMPARISONS[sizeOperator] ?? '='} ${this.value(field, `size_${sizeOperator}`, operand)})`;
        });
        return parts.length === 1 ? parts[0] : `(${parts.join(' AND ')})`;
      }
      case 'in': {
        const items = (Array.isArray(value) ? value : [value]).map((item) => this.value(field, 'in', item));
        return `(${name} IN (${items.join(', ')}))`;
      }
      default:
        throw new ResolverError(`Unrecognized Filter operator '${operator}' on '${field}'.`, 'InvalidArgumentsError');
    }
  }
}

/** `$util.transform.toDynamoDBFilterExpression` / `toDynamoDBConditionExpression`: JSON text, or null for no filter. */
export function toDynamoDBExpression(filter: unknown): string | null {
  if (typeof filter !== 'object' || filter === null || Object.keys(filter).length === 0) return null;
  const builder = new ExpressionBuilder();
  const expression = builder.build(filter as Record<string, unknown>);
  if (expression === '') return null;
  const result: DynamoDbExpression = { expression, expressionNames: builder.names, expressionValues: builder.values };
  return JSON.stringify(result);
}

export interface SubscriptionFilterCondition {
  fieldName: string;
  operator: string;
  value: unknown;
}

/** AppSync's enhanced subscription filter: the groups are OR-ed, the filters of a group AND-ed. */
export interface SubscriptionFilter {
  filterGroup: { filters: SubscriptionFilterCondition[] }[];
}

const SUBSCRIPTION_OPERATORS = new Set(['eq', 'ne', 'le', 'lt', 'ge', 'gt', 'contains', 'notContains', 'beginsWith', 'in', 'notIn', 'between', 'containsAny', 'attributeExists']);

/** The filter as a disjunction of conjunctions. */
function disjunction(filter: Record<string, unknown>, ignored: ReadonlySet<string>): SubscriptionFilterCondition[][] {
  let groups: SubscriptionFilterCondition[][] = [[]];
  const and = (other: SubscriptionFilterCondition[][]) => {
    groups = groups.flatMap((group) => other.map((alternative) => [...group, ...alternative]));
  };
  for (const [key, condition] of Object.entries(filter)) {
    if (condition === null || condition === undefined || ignored.has(key)) continue;
    if (key === 'and') {
      for (const child of Array.isArray(condition) ? condition : [condition]) and(disjunction(child as Record<string, unknown>, ignored));
    } else if (key === 'or') {
      const alternatives = (Array.isArray(condition) ? condition : [condition]).flatMap((child) => disjunction(child as Record<string, unknown>, ignored));
      if (alternatives.length > 0) and(alternatives);
    } else if (typeof condition === 'object' && !Array.isArray(condition)) {
      for (const [operator, value] of Object.entries(condition as Record<string, unknown>)) {
        if (!SUBSCRIPTION_OPERATORS.has(operator)) {
          throw new ResolverError(`Unsupported subscription filter operator '${operator}' on '${key}'.`, 'InvalidArgumentsError');
        }
        if (value !== undefined) and([[{ fieldName: key, operator, value }]]);
      }
    }
  }
  return groups.filter((group) => group.length > 0);
}

/**
 * `$util.transform.toSubscriptionFilter(filter, ignoredFields?, rules?)`: the model filter as AppSync's subscription
 * filter; `rules`, a further filter, must hold too.
 */
export function toSubscriptionFilter(filter: unknown, ignoredFields?: unknown, rules?: unknown): SubscriptionFilter {
  const ignored = new Set(Array.isArray(ignoredFields) ? ignoredFields.map(String) : []);
  let groups = disjunction(typeof filter === 'object' && filter !== null ? (filter as Record<string, unknown>) : {}, ignored);
  if (typeof rules === 'object' && rules !== null && Object.keys(rules).length > 0) {
    const required = disjunction(rules as Record<string, unknown>, new Set());
    groups = (groups.length === 0 ? [[]] : groups).flatMap((group) => required.map((rule) => [...group, ...rule]));
  }
  return { filterGroup: groups.map((filters) => ({ filters })) };
}

function compare(actual: unknown, operator: string, expected: unknown): boolean {
  switch (operator) {
    case 'eq':
      return JSON.stringify(actual) === JSON.stringify(expected);
    case 'ne':
      return JSON.stringify(actual) !== JSON.stringify(expected);
    case 'lt':
      return actual !== null && actual !== undefined && (actual as number) < (expected as number);
    case 'le':
      return actual !== null && actual !== undefined && (actual as number) <= (expected as number);
    case 'gt':
      return actual !== null && actual !== undefined && (actual as number) > (expected as number);
    case 'ge':
      return actual !== null && actual !== undefined && (actual as number) >= (expected as number);
    case 'contains':
      return Array.isArray(actual) ? actual.some((item) => item === expected) : typeof actual === 'string' && actual.includes(String(expected));
    case 'notContains':
      return !(Array.isArray(actual) ? actual.some((item) => item === expected) : typeof actual === 'string' && actual.includes(String(expected)));
    case 'beginsWith':
      return typeof actual === 'string' && actual.startsWith(String(expected));
    case 'in':
      return Array.isArray(expected) && expected.some((item) => item === actual);
    case 'notIn':
      return Array.isArray(expected) && !expected.some((item) => item === actual);
    case 'between':
      return Array.isArray(expected) && actual !== null && actual !== undefined && (actual as number) >= (expected[0] as number) && (actual as number) <= (expected[1] as number);
    case 'containsAny':
      return Array.isArray(actual) && Array.isArray(expected) && expected.some((item) => actual.includes(item));
    case 'attributeExists':
      return (actual !== undefined && actual !== null) === (expected !== false);
    default:
      return false;
  }
}

/** Whether a published item passes a subscription filter. */
export function matchesSubscriptionFilter(filter: SubscriptionFilter, item: Record<string, unknown>): boolean {
  if (filter.filterGroup.length === 0) return true;
  return filter.filterGroup.some((group) => group.filters.every((condition) => compare(item[condition.fieldName], condition.operator, condition.value)));
}
