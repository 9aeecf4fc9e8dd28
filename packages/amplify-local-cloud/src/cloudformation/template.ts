import { isCustomResourceType, PSEUDO_PARAMETERS } from 'amplify-cloudformation-spec';
import { DependencyGraph, dependsOnList, referencedNames } from './dependency-graph';
import { intrinsicName } from './intrinsics';
import { validationError } from './template-error';
import { isTemplateObject, Template, TemplateValue } from './template-value';

/** CloudFormation's quotas per template. */
const MAX_RESOURCES = 500;
const MAX_PARAMETERS = 200;
const MAX_OUTPUTS = 200;

const SECTIONS = new Set(['AWSTemplateFormatVersion', 'Description', 'Metadata', 'Parameters', 'Rules', 'Mappings', 'Conditions', 'Transform', 'Resources', 'Outputs']);

/**
 * Types CloudFormation accepts that the resource specification does not list: the metadata resource the CDK adds to
 * the stacks it synthesizes (Amplify's overrides and custom stacks come from the CDK).
 */
export const TYPES_OUTSIDE_SPECIFICATION = new Set(['AWS::CDK::Metadata']);

/** Checks the structure of a parsed template; the error messages are CloudFormation's. */
export function asTemplate(parsed: unknown): Template {
  if (!isTemplateObject(parsed)) throw validationError('Template format error: JSON not well-formed.');
  const unknownSections = Object.keys(parsed).filter((key) => !SECTIONS.has(key));
  if (unknownSections.length > 0) throw validationError(`Template format error: Invalid template property or properties [${unknownSections.join(', ')}]`);
  if (parsed.Transform !== undefined) {
    throw validationError(`Transform ${JSON.stringify(parsed.Transform)} is not supported by the local cloud: deploy the processed template instead`);
  }
  const resources = parsed.Resources;
  if (!isTemplateObject(resources) || Object.keys(resources).length === 0) {
    throw validationError('Template format error: At least one Resources member must be defined.');
  }
  for (const [section, count, limit] of [
    ['resources', Object.keys(resources).length, MAX_RESOURCES],
    ['parameters', Object.keys(isTemplateObject(parsed.Parameters) ? parsed.Parameters : {}).length, MAX_PARAMETERS],
    ['outputs', Object.keys(isTemplateObject(parsed.Outputs) ? parsed.Outputs : {}).length, MAX_OUTPUTS],
  ] as const) {
    if (count > limit) throw validationError(`Template format error: Number of ${section}, ${count}, is greater than maximum allowed, ${limit}`);
  }
  for (const [logicalId, resource] of Object.entries(resources)) {
    if (!/^[A-Za-z0-9]+$/.test(logicalId)) throw validationError(`Template format error: Resource name ${logicalId} is non alphanumeric.`);
    if (!isTemplateObject(resource) || typeof resource.Type !== 'string') {
      throw validationError(`Template format error: [/Resources/${logicalId}] Every Resources object must contain a Type member.`);
    }
    if (resource.Properties !== undefined && !isTemplateObject(resource.Properties)) {
      throw validationError(`Template format error: [/Resources/${logicalId}/Properties] Every Properties object must be an object.`);
    }
  }
  for (const section of ['Parameters', 'Mappings', 'Conditions', 'Outputs'] as const) {
    if (parsed[section] !== undefined && !isTemplateObject(parsed[section])) {
      throw validationError(`Template format error: Every ${section} member must be an object.`);
    }
  }
  for (const [name, parameter] of Object.entries((parsed.Parameters ?? {}) as Record<string, TemplateValue>)) {
    if (!isTemplateObject(parameter) || typeof parameter.Type !== 'string') {
      throw validationError(`Template format error: Every Parameters object must contain a Type member. [${name}]`);
    }
  }
  return parsed as unknown as Template;
}

/**
 * The checks CloudFormation makes before it accepts CreateStack/UpdateStack: known resource types, references that
 * resolve, conditions that exist, no circular dependencies.
 */
export function checkTemplate(template: Template, isKnownType: (type: string) => boolean): void {
  const resources = template.Resources;
  const unknownTypes = [...new Set(Object.values(resources).map((resource) => resource.Type))].filter(
    (type) => !isCustomResourceType(type) && !TYPES_OUTSIDE_SPECIFICATION.has(type) && !isKnownType(type),
  );
  if (unknownTypes.length > 0) throw validationError(`Template format error: Unrecognized resource types: [${unknownTypes.join(', ')}]`);

  const parameters = template.Parameters ?? {};
  const conditions = template.Conditions ?? {};
  const isDeclared = (name: string) => name in resources || name in parameters || PSEUDO_PARAMETERS.includes(name);

  const conditionsUsed = new Set<string>();
  collectConditionNames((template.Resources as unknown) as TemplateValue, conditionsUsed);
  collectConditionNames(((template.Outputs ?? {}) as unknown) as TemplateValue, conditionsUsed);
  for (const resource of Object.values(resources)) if (resource.Condition !== undefined) conditionsUsed.add(resource.Condition);
  for (const output of Object.values(template.Outputs ?? {})) if (output.Condition !== undefined) conditionsUsed.add(output.Condition);
  const unknownConditions = [...conditionsUsed].filter((name) => !(name in conditions));
  if (unknownConditions.length > 0) {
    throw validationError(`Template format error: Unresolved condition dependencies [${unknownConditions.join(', ')}] in the Resources block of the template`);
  }
  for (const [name, expression] of Object.entries(conditions)) {
    const resourceReferences = [...referencedNames(expression)].filter((ref) => !(ref in parameters) && !PSEUDO_PARAMETERS.includes(ref));
    if (resourceReferences.length > 0) {
      throw validationError(`Template format error: Unresolved dependencies [${resourceReferences.join(', ')}]. Cannot reference resources in the Conditions block of the template [${name}]`);
    }
  }

  const unresolved = new Set<string>();
  for (const resource of Object.values(resources)) {
    for (const name of referencedNames((resource.Properties ?? {}) as TemplateValue)) if (!isDeclared(name)) unresolved.add(name);
    for (const name of dependsOnList(resource)) if (!(name in resources)) unresolved.add(name);
  }
  if (unresolved.size > 0) {
    throw validationError(`Template format error: Unresolved resource dependencies [${[...unresolved].join(', ')}] in the Resources block of the template`);
  }
  const unresolvedInOutputs = new Set<string>();
  for (const output of Object.values(template.Outputs ?? {})) {
    for (const name of referencedNames((output as unknown) as TemplateValue)) if (!isDeclared(name)) unresolvedInOutputs.add(name);
  }
  if (unresolvedInOutputs.size > 0) {
    throw validationError(`Template format error: Unresolved resource dependencies [${[...unresolvedInOutputs].join(', ')}] in the Outputs block of the template`);
  }
  DependencyGraph.of(resources).assertAcyclic();
}

/** Condition names used by `Fn::If` anywhere in the value. */
function collectConditionNames(value: TemplateValue, into: Set<string>): void {
  if (Array.isArray(value)) {
    for (const item of value) collectConditionNames(item, into);
  } else if (isTemplateObject(value)) {
    if (intrinsicName(value) === 'Fn::If' && Array.isArray(value['Fn::If']) && typeof value['Fn::If'][0] === 'string') {
      into.add(value['Fn::If'][0]);
    }
    for (const item of Object.values(value)) collectConditionNames(item, into);
  }
}
