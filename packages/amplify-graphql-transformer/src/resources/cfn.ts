/** CloudFormation intrinsic functions as JSON values. */
export type CfnValue = unknown;

export const ref = (logicalId: string): CfnValue => ({ Ref: logicalId });
export const getAtt = (logicalId: string, attribute: string): CfnValue => ({ 'Fn::GetAtt': [logicalId, attribute] });
export const join = (separator: string, parts: CfnValue[]): CfnValue => ({ 'Fn::Join': [separator, parts] });
export const sub = (text: string, variables?: Record<string, CfnValue>): CfnValue =>
  variables ? { 'Fn::Sub': [text, variables] } : { 'Fn::Sub': text };
export const ifCondition = (condition: string, whenTrue: CfnValue, whenFalse: CfnValue): CfnValue => ({ 'Fn::If': [condition, whenTrue, whenFalse] });
export const equals = (left: CfnValue, right: CfnValue): CfnValue => ({ 'Fn::Equals': [left, right] });
export const not = (condition: CfnValue): CfnValue => ({ 'Fn::Not': [condition] });
export const noValue: CfnValue = { Ref: 'AWS::NoValue' };

/** `Fn::Join` that merges adjacent literal strings, so inline templates read as one string between references. */
export function joinText(parts: CfnValue[]): CfnValue {
  const merged: CfnValue[] = [];
  for (const part of parts) {
    const last = merged[merged.length - 1];
    if (typeof part === 'string' && typeof last === 'string') merged[merged.length - 1] = last + part;
    else merged.push(part);
  }
  return merged.length === 1 && typeof merged[0] === 'string' ? merged[0] : join('', merged);
}
