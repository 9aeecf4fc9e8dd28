import { hasResourceType, isCloudFormationSpecError, parseTemplate, validateTemplate, type ValidationIssueCode } from 'amplify-cloudformation-spec';
import { asTemplate, checkTemplate } from './template';
import { validationError } from './template-error';
import { WireError } from '../query/wire-error';
import type { Template } from './template-value';

const TEMPLATE_LEVEL = new Set<ValidationIssueCode>(['InvalidTemplate', 'UnresolvedReference']);

const NAMED_IAM_PROPERTIES = ['RoleName', 'UserName', 'GroupName', 'ManagedPolicyName', 'InstanceProfileName'];

/** Parses a template body (JSON or YAML) and checks it as CreateStack does; errors are 400 ValidationErrors. */
export function prepareTemplate(body: string): Template {
  let parsed: unknown;
  try {
    parsed = parseTemplate(body);
  } catch (error) {
    throw validationError(`Template format error: ${isCloudFormationSpecError(error) ? error.message.replace(/^template:\s*/, '') : String(error)}`);
  }
  const template = asTemplate(parsed);
  checkTemplate(template, hasResourceType);
  // The specification's template checks find the rest of what CloudFormation refuses before creating anything (members,
  // functions, policies, mappings); property problems and unknown attributes fail the resource later, as they do here.
  const refused = validateTemplate(parsed).find((issue) => TEMPLATE_LEVEL.has(issue.code));
  if (refused !== undefined) throw validationError(refused.message);
  return template;
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
