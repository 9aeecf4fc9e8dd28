import { isCloudFormationSpecError, parseTemplate, validateTemplate, type ValidationIssue, type ValidationIssueCode } from 'amplify-cloudformation-spec';
import { WireError } from '../query/wire-error';
import { validationError } from './template-error';
import type { Template } from './template-value';

/**
 * The issues of the specification's validator (the one the provider runs before it uploads) that CloudFormation
 * refuses at CreateStack, UpdateStack and ValidateTemplate. The others (property problems, unknown attributes,
 * invalid physical names) fail the resource when the engine comes to it, as they do on AWS.
 */
const REFUSED_AT_REQUEST = new Set<ValidationIssueCode>(['InvalidTemplate', 'UnresolvedReference', 'UnknownResourceType']);

const NAMED_IAM_PROPERTIES = ['RoleName', 'UserName', 'GroupName', 'ManagedPolicyName', 'InstanceProfileName'];

/** Parses a template body (JSON or YAML) and checks it as CreateStack does; errors are 400 ValidationErrors. */
export function prepareTemplate(body: string): Template {
  let parsed: Record<string, unknown>;
  try {
    parsed = parseTemplate(body);
  } catch (error) {
    throw validationError(`Template format error: ${isCloudFormationSpecError(error) ? error.message.replace(/^template:\s*/, '') : String(error)}`);
  }
  // The engine has no macros: it would deploy the template untransformed, so it refuses it instead.
  if (parsed.Transform !== undefined) {
    throw validationError(`Transform ${JSON.stringify(parsed.Transform)} is not supported by the local cloud: deploy the processed template instead`);
  }
  const refused = validateTemplate(parsed).filter((issue) => REFUSED_AT_REQUEST.has(issue.code));
  if (refused.length > 0) throw validationError(refusalMessage(refused, parsed));
  return parsed as unknown as Template;
}

/** The first refusal in the validator's order, except that unknown types are named together, as AWS names them. */
function refusalMessage(refused: ValidationIssue[], template: Record<string, unknown>): string {
  const [first] = refused;
  if (first.code !== 'UnknownResourceType') return first.message;
  const resources = template.Resources as Record<string, { Type: string }>;
  const types = new Set(refused.filter((issue) => issue.code === 'UnknownResourceType').map((issue) => resources[issue.resource!].Type));
  return `Template format error: Unrecognized resource types: [${[...types].join(', ')}]`;
}

/** A template the engine stored: it passed `prepareTemplate` when it came in, so it is only parsed. */
export function storedTemplate(body: string): Template {
  return parseTemplate(body) as unknown as Template;
}

/** The capability CloudFormation requires for the template's IAM resources, if any. */
export function requiredCapability(template: Template): 'CAPABILITY_IAM' | 'CAPABILITY_NAMED_IAM' | undefined {
  const iam = Object.values(template.Resources).filter((resource) => resource.Type.startsWith('AWS::IAM::'));
  if (iam.length === 0) return undefined;
  const named = iam.some((resource) => NAMED_IAM_PROPERTIES.some((name) => resource.Properties?.[name] !== undefined));
  return named ? 'CAPABILITY_NAMED_IAM' : 'CAPABILITY_IAM';
}

export function checkCapabilities(template: Template, capabilities: string[]): void {
  const required = requiredCapability(template);
  if (required === undefined || capabilities.includes('CAPABILITY_NAMED_IAM')) return;
  if (required === 'CAPABILITY_IAM' && capabilities.includes('CAPABILITY_IAM')) return;
  throw new WireError('InsufficientCapabilitiesException', `Requires capabilities : [${required}]`);
}
