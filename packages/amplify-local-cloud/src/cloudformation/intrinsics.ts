import { getAttArguments, intrinsicCallOf, parseSubString } from 'amplify-cloudformation-spec';
import { cidrSubnets } from './cidr';
import { validationError } from './template-error';
import { isTemplateObject, TemplateObject, TemplateValue } from './template-value';

/** `Ref: AWS::NoValue` (possibly through `Fn::If`): the property or list element is removed. */
export const NO_VALUE: unique symbol = Symbol('AWS::NoValue');
export type Resolved = TemplateValue | typeof NO_VALUE;

/** What intrinsic functions read from the stack being deployed; the engine provides it. */
export interface IntrinsicContext {
  region: string;
  /** A parameter, pseudo parameter or resource; throws when the name is unknown or not available yet. */
  ref(name: string): TemplateValue | typeof NO_VALUE;
  getAtt(logicalId: string, attribute: string): TemplateValue;
  condition(name: string): boolean;
  findInMap(mapName: string, topKey: string, secondKey: string): TemplateValue;
  importValue(exportName: string): TemplateValue;
}

/**
 * The function `value` calls: `Ref` or an `Fn::` function as the specification package recognises them, or
 * `Condition`, which is a function only inside condition expressions (the caller decides where).
 */
export function intrinsicName(value: TemplateValue): string | undefined {
  const call = intrinsicCallOf(value);
  if (call !== undefined) return call.name;
  return isTemplateObject(value) && Object.keys(value).length === 1 && 'Condition' in value ? 'Condition' : undefined;
}

/** Resolves every intrinsic in `value`; `AWS::NoValue` removes the key or element that holds it. */
export function resolveValue(value: TemplateValue, context: IntrinsicContext): Resolved {
  if (Array.isArray(value)) {
    const items: TemplateValue[] = [];
    for (const item of value) {
      const resolved = resolveValue(item, context);
      if (resolved !== NO_VALUE) items.push(resolved);
    }
    return items;
  }
  if (!isTemplateObject(value)) return value;
  const fn = intrinsicName(value);
  // `Condition` is a function only inside condition expressions; as a property key it is plain data.
  if (fn !== undefined && fn !== 'Condition') return callIntrinsic(fn, value[fn], context);
  const result: TemplateObject = {};
  for (const [key, item] of Object.entries(value)) {
    const resolved = resolveValue(item, context);
    if (resolved !== NO_VALUE) result[key] = resolved;
  }
  return result;
}

/** Resolves a value that must not vanish (an argument of a function). */
function resolveArgument(value: TemplateValue, context: IntrinsicContext, fn: string): TemplateValue {
  const resolved = resolveValue(value, context);
  if (resolved === NO_VALUE) throw validationError(`Template error: AWS::NoValue is not allowed as an argument of ${fn}`);
  return resolved;
}

function asString(value: TemplateValue, fn: string): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  throw validationError(`Template error: every ${fn} object requires string values, got ${JSON.stringify(value)}`);
}

function asList(value: TemplateValue, fn: string): TemplateValue[] {
  if (Array.isArray(value)) return value;
  throw validationError(`Template error: ${fn} requires a list, got ${JSON.stringify(value)}`);
}

function argumentList(args: TemplateValue, fn: string, length: number): TemplateValue[] {
  if (!Array.isArray(args) || args.length !== length) {
    throw validationError(`Template error: ${fn} requires a list of ${length} arguments`);
  }
  return args;
}

function callIntrinsic(fn: string, args: TemplateValue, context: IntrinsicContext): Resolved {
  switch (fn) {
    case 'Ref':
      if (typeof args !== 'string') throw validationError('Template error: every Ref object must have a single String value.');
      return context.ref(args);
    case 'Fn::GetAtt': {
      const [logicalId, attribute] = getAttTarget(args);
      return context.getAtt(logicalId, attribute);
    }
    case 'Fn::Join': {
      const [delimiter, list] = argumentList(args, fn, 2);
      const items = asList(resolveArgument(list, context, fn), fn);
      return items.map((item) => asString(item, fn)).join(asString(delimiter, fn));
    }
    case 'Fn::Sub':
      return substitute(args, context);
    case 'Fn::Select': {
      const [indexValue, list] = argumentList(args, fn, 2);
      const index = Number(asString(resolveArgument(indexValue, context, fn), fn));
      const items = asList(resolveArgument(list, context, fn), fn);
      if (!Number.isInteger(index) || index < 0 || index >= items.length) {
        throw validationError(`Template error: Fn::Select cannot select nonexistent value at index ${indexValue}`);
      }
      return items[index];
    }
    case 'Fn::Split': {
      const [delimiter, source] = argumentList(args, fn, 2);
      return asString(resolveArgument(source, context, fn), fn).split(asString(delimiter, fn));
    }
    case 'Fn::If': {
      const [condition, whenTrue, whenFalse] = argumentList(args, fn, 3);
      return resolveValue(context.condition(asString(condition, fn)) ? whenTrue : whenFalse, context);
    }
    case 'Fn::Equals':
    case 'Fn::And':
    case 'Fn::Or':
    case 'Fn::Not':
      return evaluateCondition({ [fn]: args }, context);
    case 'Fn::FindInMap': {
      const [mapName, topKey, secondKey] = argumentList(args, fn, 3).map((item) => asString(resolveArgument(item, context, fn), fn));
      return context.findInMap(mapName, topKey, secondKey);
    }
    case 'Fn::Base64':
      return Buffer.from(asString(resolveArgument(args, context, fn), fn), 'utf8').toString('base64');
    case 'Fn::GetAZs': {
      const region = asString(resolveArgument(args, context, fn), fn) || context.region;
      return availabilityZones(region);
    }
    case 'Fn::ImportValue':
      return context.importValue(asString(resolveArgument(args, context, fn), fn));
    case 'Fn::Cidr': {
      const [block, count, bits] = argumentList(args, fn, 3).map((item) => asString(resolveArgument(item, context, fn), fn));
      return cidrSubnets(block, Number(count), Number(bits));
    }
    default:
      throw validationError(`Template error: ${fn} is not supported here`);
  }
}

/** `Fn::GetAtt` in both forms: `[LogicalId, Attribute]` or `"LogicalId.Attribute"` (the attribute may hold dots). */
export function getAttTarget(args: TemplateValue): [string, string] {
  const target = getAttArguments(args);
  if (target === undefined || typeof target.attribute !== 'string') throw validationError('Template error: every Fn::GetAtt object requires two non-empty parameters');
  return [target.logicalId, target.attribute];
}

function substitute(args: TemplateValue, context: IntrinsicContext): string {
  let text: TemplateValue;
  let variables: TemplateObject = {};
  if (Array.isArray(args)) {
    if (args.length !== 2 || !isTemplateObject(args[1])) throw validationError('Template error: Fn::Sub requires a string or a list of a string and a map');
    [text, variables] = [args[0], args[1]];
  } else {
    text = args;
  }
  if (typeof text !== 'string') throw validationError('Template error: the first argument of Fn::Sub must be a string');
  const values = new Map<string, string>();
  for (const [name, value] of Object.entries(variables)) values.set(name, asString(resolveArgument(value, context, 'Fn::Sub'), 'Fn::Sub'));
  return parseSubString(text)
    .map((part) => {
      if ('literal' in part) return part.literal;
      const variable = values.get(part.reference);
      if (variable !== undefined) return variable;
      const dot = part.reference.indexOf('.');
      const value =
        dot > 0 ? context.getAtt(part.reference.slice(0, dot), part.reference.slice(dot + 1)) : context.ref(part.reference);
      if (value === NO_VALUE) throw validationError(`Template error: AWS::NoValue cannot be substituted in Fn::Sub`);
      return Array.isArray(value) ? value.map((item) => asString(item, 'Fn::Sub')).join(',') : asString(value, 'Fn::Sub');
    })
    .join('');
}

/** Evaluates a condition expression: `Fn::Equals|And|Or|Not`, or `{Condition: name}`. */
export function evaluateCondition(expression: TemplateValue, context: IntrinsicContext): boolean {
  const fn = intrinsicName(expression);
  if (fn === undefined || !isTemplateObject(expression)) {
    if (typeof expression === 'boolean') return expression;
    if (expression === 'true' || expression === 'false') return expression === 'true';
    throw validationError(`Template error: a condition must be Fn::Equals, Fn::And, Fn::Or, Fn::Not or Condition, got ${JSON.stringify(expression)}`);
  }
  const args = expression[fn];
  switch (fn) {
    case 'Condition':
      return context.condition(asString(args, fn));
    case 'Fn::Equals': {
      const [left, right] = argumentList(args, fn, 2).map((item) => resolveArgument(item, context, fn));
      return comparable(left) === comparable(right);
    }
    case 'Fn::And':
    case 'Fn::Or': {
      if (!Array.isArray(args) || args.length < 2 || args.length > 10) {
        throw validationError(`Template error: ${fn} requires between 2 and 10 conditions`);
      }
      const results = args.map((item) => evaluateCondition(item, context));
      return fn === 'Fn::And' ? results.every(Boolean) : results.some(Boolean);
    }
    case 'Fn::Not': {
      const [inner] = argumentList(args, fn, 1);
      return !evaluateCondition(inner, context);
    }
    case 'Fn::If': {
      const [condition, whenTrue, whenFalse] = argumentList(args, fn, 3);
      return evaluateCondition(context.condition(asString(condition, fn)) ? whenTrue : whenFalse, context);
    }
    default: {
      const resolved = resolveArgument(expression, context, fn);
      return evaluateCondition(resolved, context);
    }
  }
}

/** Fn::Equals compares values as CloudFormation does: scalars by their text (`1` equals `"1"`). */
function comparable(value: TemplateValue): string {
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return typeof value === 'string' ? value : JSON.stringify(value);
}

const AZ_LETTERS: Record<string, string> = { 'us-east-1': 'abcdef', 'us-west-2': 'abcd', 'ap-northeast-1': 'acd' };

export function availabilityZones(region: string): string[] {
  return [...(AZ_LETTERS[region] ?? 'abc')].map((letter) => `${region}${letter}`);
}
