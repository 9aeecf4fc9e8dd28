export type ValidationIssueCode =
  | 'UnknownProperty'
  | 'MissingRequiredProperty'
  | 'WrongType'
  | 'UnknownResourceType'
  /** `Fn::GetAtt` names an attribute the resource type does not have. */
  | 'UnknownAttribute'
  /** A literal value AWS would refuse, such as a bucket or function name that breaks the service's naming rules. */
  | 'InvalidPropertyValue'
  /** `Ref`, `Fn::GetAtt`, `Fn::Sub`, `DependsOn`, a condition or a mapping names something the template lacks. */
  | 'UnresolvedReference'
  /** The template's own structure is wrong (sections, members, functions, circular dependencies). */
  | 'InvalidTemplate';

export interface ValidationIssue {
  readonly code: ValidationIssueCode;
  /**
   * Where, as a dotted path with `[i]` for list items: relative to the resource (`Properties.Tags[0].Key`)
   * when `resource` is set, else from the template root (`Outputs.Url.Value`).
   */
  readonly path: string;
  /** One sentence in the words CloudFormation uses. */
  readonly message: string;
  /** The template file, when the caller named it. */
  readonly fileName?: string;
  /** The logical id of the resource concerned, if any. */
  readonly resource?: string;
}

/** `<file>: resource <id>: <path>: <message>`, leaving out the parts an issue does not have. */
export function formatValidationIssue(issue: ValidationIssue): string {
  const parts: string[] = [];
  if (issue.fileName !== undefined) parts.push(issue.fileName);
  if (issue.resource !== undefined) parts.push(`resource ${issue.resource}`);
  if (issue.path !== '') parts.push(issue.path);
  parts.push(issue.message);
  return parts.join(': ');
}

/** Appends a property name or list index to a dotted path. */
export function childPath(parent: string, key: string | number): string {
  if (typeof key === 'number') return `${parent}[${key}]`;
  return parent === '' ? key : `${parent}.${key}`;
}
