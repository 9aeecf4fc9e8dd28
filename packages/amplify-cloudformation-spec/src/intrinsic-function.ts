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
