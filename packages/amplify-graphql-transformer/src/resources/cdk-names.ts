import { createHash } from 'crypto';

/**
 * Logical ids and cross-stack names as the original's CDK app allocates them, so that templates compiled here are
 * identical to the original's. CDK names a construct by its path: the path components with non-alphanumerics
 * removed, `Resource` hidden and repeated suffixes dropped, followed by the first 8 upper-hex characters of the md5
 * of the path joined with `/`.
 */

/** The id of the transformer's root construct: the first component of every path the nested stacks see. */
export const ROOT_STACK_ID = 'transformer-root-stack';

const HIDDEN_ID = 'Default';
const HIDDEN_FROM_HUMAN_ID = 'Resource';
const MAX_HUMAN_LENGTH = 240;

const alphanumeric = (text: string): string => text.replace(/[^A-Za-z0-9]/g, '');

function pathHash(components: string[]): string {
  return createHash('md5').update(components.join('/')).digest('hex').slice(0, 8).toUpperCase();
}

function withoutRepeatedSuffixes(components: string[]): string[] {
  const kept: string[] = [];
  for (const component of components) {
    if (kept.length === 0 || !kept[kept.length - 1].endsWith(component)) kept.push(component);
  }
  return kept;
}

/** CDK's unique id of a construct path (relative to its stack for logical ids, absolute for cross-stack names). */
export function uniqueId(path: string[]): string {
  const components = path.filter((component) => component !== HIDDEN_ID);
  if (components.length === 1) {
    const candidate = alphanumeric(components[0]);
    if (candidate.length <= 255) return candidate;
  }
  const human = withoutRepeatedSuffixes(components)
    .filter((component) => component !== HIDDEN_FROM_HUMAN_ID)
    .map(alphanumeric)
    .join('')
    .slice(0, MAX_HUMAN_LENGTH);
  return human + pathHash(components);
}

/** The logical id of an AppSync function configuration named `name` (CDK path `<name>/<name>.AppSyncFunction`). */
export function functionLogicalId(name: string): string {
  return uniqueId([name, `${name}.AppSyncFunction`]);
}

/** An IAM role's physical name: its id cut to 20 characters plus 6 hex of its md5 (`TodoIAMRolecfd440`). */
export function roleNamePrefix(roleId: string): string {
  return roleId.slice(0, 20) + createHash('md5').update(roleId).digest('hex').slice(0, 6);
}

/** The construct path of a nested stack's `AWS::CloudFormation::Stack` resource in the root. */
export function nestedStackResourcePath(stackName: string): string[] {
  return [ROOT_STACK_ID, `${stackName}.NestedStack`, `${stackName}.NestedStackResource`];
}

/** `Ref` shows as `Ref`, `GetAtt x.Attr` as `Attr`, in CDK's reference names. */
export function referenceDisplayName(attribute: string | undefined): string {
  return attribute ?? 'Ref';
}

/** The parameter of a nested stack that receives `value` of the construct at `absolutePath`. */
export function referenceParameterName(absolutePath: string[], attribute: string | undefined): string {
  return alphanumeric(`reference-to-${uniqueId(absolutePath)}${referenceDisplayName(attribute)}`);
}

/** The (unexported) output of a nested stack that carries a value another nested stack consumes. */
export function crossStackOutputName(absolutePath: string[], attribute: string | undefined): string {
  return alphanumeric(`${uniqueId(absolutePath)}${referenceDisplayName(attribute)}`);
}

/** The consumer's parameter for an output of another nested stack, read through the root with `Fn::GetAtt`. */
export function nestedOutputParameterName(producerStack: string, outputName: string): string {
  return alphanumeric(`reference-to-${uniqueId(nestedStackResourcePath(producerStack))}Outputs.${outputName}`);
}
