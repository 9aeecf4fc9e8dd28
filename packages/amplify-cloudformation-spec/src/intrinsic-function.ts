/** Recognising CloudFormation intrinsic functions in template values. */

export const INTRINSIC_FUNCTION_NAMES: readonly string[] = [
  'Ref',
  'Fn::Base64',
  'Fn::Cidr',
  'Fn::FindInMap',
  'Fn::ForEach',
  'Fn::GetAtt',
  'Fn::GetAZs',
  'Fn::ImportValue',
  'Fn::Join',
  'Fn::Length',
  'Fn::Select',
  'Fn::Split',
  'Fn::Sub',
  'Fn::ToJsonString',
  'Fn::Transform',
  'Fn::If',
  'Fn::Equals',
  'Fn::And',
  'Fn::Or',
  'Fn::Not',
];

export const PSEUDO_PARAMETERS: readonly string[] = [
  'AWS::AccountId',
  'AWS::NotificationARNs',
  'AWS::NoValue',
  'AWS::Partition',
  'AWS::Region',
  'AWS::StackId',
  'AWS::StackName',
  'AWS::URLSuffix',
];

export interface IntrinsicCall {
  /** `Ref` or `Fn::<Name>`, possibly one CloudFormation does not know (the caller decides). */
  readonly name: string;
  readonly argument: unknown;
}

/**
 * A JSON-object-like value. The core library's `isRecord` is the same guard; this library keeps its own because it
 * depends on nothing of the CLI.
 */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The intrinsic function a value calls: an object whose only key is `Ref` or starts with `Fn::`. */
export function intrinsicCallOf(value: unknown): IntrinsicCall | undefined {
  if (!isPlainObject(value)) return undefined;
  const keys = Object.keys(value);
  if (keys.length !== 1) return undefined;
  const name = keys[0];
  return name === 'Ref' || name.startsWith('Fn::') ? { name, argument: value[name] } : undefined;
}

export function isNoValue(value: unknown): boolean {
  const call = intrinsicCallOf(value);
  return call?.name === 'Ref' && call.argument === 'AWS::NoValue';
}

/** The parts of an `Fn::Sub` string: literal text and `${...}` references (`${!Literal}` stays literal text). */
export type SubPart = { readonly literal: string } | { readonly reference: string };

/** Splits an `Fn::Sub` string as CloudFormation reads it; a `${` without its `}` is literal text. */
export function parseSubString(text: string): SubPart[] {
  const parts: SubPart[] = [];
  let literal = '';
  let index = 0;
  while (index < text.length) {
    const start = text.indexOf('${', index);
    const end = start < 0 ? -1 : text.indexOf('}', start + 2);
    if (end < 0) {
      literal += text.slice(index);
      break;
    }
    literal += text.slice(index, start);
    const inner = text.slice(start + 2, end);
    if (inner.startsWith('!')) {
      literal += `\${${inner.slice(1)}}`;
    } else {
      if (literal) parts.push({ literal });
      literal = '';
      parts.push({ reference: inner.trim() });
    }
    index = end + 1;
  }
  if (literal) parts.push({ literal });
  return parts;
}

export interface GetAttArguments {
  readonly logicalId: string;
  /** A name (which may hold dots: `Outputs.Url`), or in the list form an intrinsic function giving one. */
  readonly attribute: unknown;
}

/**
 * The resource and attribute an `Fn::GetAtt` names, in either form (`[LogicalId, Attribute]` or
 * `"LogicalId.Attribute"`, split at the first dot); undefined unless both are given and non-empty.
 */
export function getAttArguments(argument: unknown): GetAttArguments | undefined {
  let logicalId: unknown;
  let attribute: unknown;
  if (typeof argument === 'string' && argument.includes('.')) {
    const dot = argument.indexOf('.');
    [logicalId, attribute] = [argument.slice(0, dot), argument.slice(dot + 1)];
  } else if (Array.isArray(argument) && argument.length === 2) {
    [logicalId, attribute] = argument;
  }
  if (typeof logicalId !== 'string' || logicalId === '' || attribute === undefined || attribute === null || attribute === '') return undefined;
  return { logicalId, attribute };
}
