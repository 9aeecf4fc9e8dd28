import { didYouMeanSuffix } from './did-you-mean';
import { getAttArguments, INTRINSIC_FUNCTION_NAMES, PSEUDO_PARAMETERS, intrinsicCallOf, isPlainObject, parseSubString } from './intrinsic-function';
import { checkPhysicalNames } from './physical-name-rules';
import { getResourceTypeSpec, isTypeOutsideSpecification } from './resource-types';
import { unknownResourceTypeMessage, validateResourceProperties } from './validate-resource-properties';
import { childPath, type ValidationIssue, type ValidationIssueCode } from './validation-issue';

export interface ValidateTemplateOptions {
  /** The template's file name, copied into every issue. */
  fileName?: string;
}

const TEMPLATE_SECTIONS = [
  'AWSTemplateFormatVersion',
  'Description',
  'Metadata',
  'Parameters',
  'Rules',
  'Mappings',
  'Conditions',
  'Transform',
  'Resources',
  'Outputs',
  'Hooks',
];

const RESOURCE_MEMBERS = [
  'Type',
  'Properties',
  'DependsOn',
  'Condition',
  'DeletionPolicy',
  'UpdateReplacePolicy',
  'Metadata',
  'CreationPolicy',
  'UpdatePolicy',
  'Version',
];

const DELETION_POLICIES = ['Delete', 'Retain', 'RetainExceptOnCreate', 'Snapshot'];

// `List<String>` is accepted by CloudFormation though not documented; the original's Lambda layer stacks declare it.
const PARAMETER_TYPE =
  /^(String|Number|List<Number>|List<String>|CommaDelimitedList|AWS::[A-Za-z0-9:]+|List<AWS::[A-Za-z0-9:]+>|AWS::SSM::Parameter::Value<[^<>]+(<[^<>]+>)?>)$/;

const STACK_TYPE = 'AWS::CloudFormation::Stack';

/** CloudFormation's quotas per template (Amplify splits large APIs into nested stacks because of the first). */
const MAXIMUM_MEMBERS: Readonly<Record<string, number>> = { Resources: 500, Parameters: 200, Outputs: 200, Mappings: 200 };

/** Where a reference sits decides what it may name. */
type Block = 'Resources' | 'Outputs' | 'Conditions';

/**
 * Checks a whole template as CloudFormation does before it creates anything: the sections, every resource's
 * type and properties, and every reference (`Ref`, `Fn::GetAtt`, `Fn::Sub`, `DependsOn`, conditions, mappings),
 * then that resources do not depend on each other in a circle. With a `Transform`, the template CloudFormation
 * validates is the transformed one, so only the structure and the resources of known types are checked.
 */
export function validateTemplate(template: unknown, options: ValidateTemplateOptions = {}): ValidationIssue[] {
  return new TemplateValidator(options.fileName).run(template);
}

class TemplateValidator {
  private readonly issues: ValidationIssue[] = [];
  private resources: Record<string, unknown> = {};
  private parameters: Record<string, unknown> = {};
  private conditions: Record<string, unknown> = {};
  private mappings: Record<string, unknown> = {};
  private transformed = false;
  /** Logical id -> the resources it references, for the circular dependency check. */
  private readonly dependencies = new Map<string, Set<string>>();

  constructor(private readonly fileName: string | undefined) {}

  run(template: unknown): ValidationIssue[] {
    if (!isPlainObject(template)) {
      this.report('InvalidTemplate', '', 'Template format error: a template must be a JSON or YAML object');
      return this.issues;
    }
    this.checkSections(template);
    this.resources = isPlainObject(template.Resources) ? template.Resources : {};
    this.parameters = isPlainObject(template.Parameters) ? template.Parameters : {};
    this.conditions = isPlainObject(template.Conditions) ? template.Conditions : {};
    this.mappings = isPlainObject(template.Mappings) ? template.Mappings : {};
    this.transformed = template.Transform !== undefined;

    this.checkParameters();
    for (const [name, body] of Object.entries(this.conditions)) {
      this.checkReferences(body, { block: 'Conditions', path: childPath('Conditions', name) });
    }
    for (const [logicalId, resource] of Object.entries(this.resources)) this.checkResource(logicalId, resource);
    if (template.Outputs !== undefined) this.checkOutputs(template.Outputs);
    if (!this.transformed) this.checkCircularDependencies();
    return this.issues;
  }

  private report(code: ValidationIssueCode, path: string, message: string, resource?: string): void {
    this.issues.push({
      code,
      path,
      message,
      ...(this.fileName !== undefined ? { fileName: this.fileName } : {}),
      ...(resource !== undefined ? { resource } : {}),
    });
  }

  private checkSections(template: Record<string, unknown>): void {
    for (const section of Object.keys(template)) {
      if (!TEMPLATE_SECTIONS.includes(section)) {
        this.report('InvalidTemplate', section, `Template format error: Invalid template property or properties [${section}]${didYouMeanSuffix(section, TEMPLATE_SECTIONS)}`);
      }
    }
    const version = template.AWSTemplateFormatVersion;
    if (version !== undefined && version !== '2010-09-09') {
      this.report('InvalidTemplate', 'AWSTemplateFormatVersion', `Template format error: '${String(version)}' is not a supported AWSTemplateFormatVersion value`);
    }
    if (!isPlainObject(template.Resources) || Object.keys(template.Resources).length === 0) {
      this.report('InvalidTemplate', 'Resources', 'Template format error: At least one Resources member must be defined');
    }
    for (const section of ['Parameters', 'Mappings', 'Conditions', 'Outputs']) {
      if (template[section] !== undefined && !isPlainObject(template[section])) {
        this.report('InvalidTemplate', section, `Template format error: ${section} must be an object`);
      }
    }
    for (const [section, maximum] of Object.entries(MAXIMUM_MEMBERS)) {
      const members = template[section];
      const count = isPlainObject(members) ? Object.keys(members).length : 0;
      if (count > maximum) {
        const noun = section === 'Resources' ? 'resources' : section.toLowerCase();
        this.report('InvalidTemplate', section, `Template format error: Number of ${noun}, ${count}, is greater than maximum allowed, ${maximum}`);
      }
    }
  }

  private checkParameters(): void {
    for (const [name, parameter] of Object.entries(this.parameters)) {
      const path = childPath('Parameters', name);
      if (!isLogicalId(name)) this.report('InvalidTemplate', path, `Template format error: Parameter name ${name} is non alphanumeric`);
      if (!isPlainObject(parameter) || parameter.Type === undefined) {
        this.report('InvalidTemplate', path, 'Template format error: Every Parameters object must contain a Type member');
      } else if (typeof parameter.Type !== 'string' || !PARAMETER_TYPE.test(parameter.Type)) {
        this.report('InvalidTemplate', childPath(path, 'Type'), `Template format error: Unrecognized parameter type: ${String(parameter.Type)}`);
      }
    }
  }

  private checkResource(logicalId: string, resource: unknown): void {
    this.dependencies.set(logicalId, new Set());
    if (!isLogicalId(logicalId)) {
      this.report('InvalidTemplate', '', `Template format error: Resource name ${logicalId} is non alphanumeric`, logicalId);
    }
    if (!isPlainObject(resource)) {
      this.report('InvalidTemplate', '', 'Template format error: Every Resources object must be an object with a Type member', logicalId);
      return;
    }
    for (const member of Object.keys(resource)) {
      if (!RESOURCE_MEMBERS.includes(member)) {
        this.report('InvalidTemplate', member, `Template format error: Invalid template resource property '${member}'${didYouMeanSuffix(member, RESOURCE_MEMBERS)}`, logicalId);
      }
    }
    this.checkResourceType(logicalId, resource);
    this.checkDependsOn(logicalId, resource.DependsOn);
    if (resource.Condition !== undefined) this.checkConditionName(resource.Condition, 'Condition', logicalId);
    for (const policy of ['DeletionPolicy', 'UpdateReplacePolicy']) {
      const value = resource[policy];
      if (value !== undefined && intrinsicCallOf(value) === undefined && !DELETION_POLICIES.includes(String(value))) {
        this.report('InvalidTemplate', policy, `Template format error: Unrecognized ${policy} ${String(value)} for resource ${logicalId}`, logicalId);
      }
    }
    if (resource.Properties !== undefined) {
      this.checkReferences(resource.Properties, { block: 'Resources', path: 'Properties', resource: logicalId });
    }
  }

  private checkResourceType(logicalId: string, resource: Record<string, unknown>): void {
    const type = resource.Type;
    if (type === undefined) {
      this.report('InvalidTemplate', 'Type', 'Template format error: Every Resources object must contain a Type member', logicalId);
      return;
    }
    if (typeof type !== 'string') {
      this.report('InvalidTemplate', 'Type', 'Template format error: the Type of a resource must be a string', logicalId);
      return;
    }
    const properties = resource.Properties;
    const propertiesMalformed = properties !== undefined && properties !== null && !isPlainObject(properties) && intrinsicCallOf(properties) === undefined;
    if (propertiesMalformed) this.report('InvalidTemplate', 'Properties', 'Template format error: Every Properties object must be an object', logicalId);
    if (isTypeOutsideSpecification(type)) return;
    if (getResourceTypeSpec(type) === undefined) {
      // A transform (SAM, a macro) may still turn an unknown type into known ones.
      if (!this.transformed) this.report('UnknownResourceType', 'Type', unknownResourceTypeMessage(type), logicalId);
      return;
    }
    if (propertiesMalformed) return;
    for (const issue of validateResourceProperties(type, resource.Properties)) {
      // CloudFormation checks required properties only when it creates a resource, and a resource under a condition
      // may never be (the api category's default CustomResources.json has a ServiceToken-less resource under AlwaysFalse).
      if (issue.code === 'MissingRequiredProperty' && resource.Condition !== undefined) continue;
      this.report(issue.code, issue.path, issue.message, logicalId);
    }
    for (const violation of checkPhysicalNames(type, resource.Properties)) {
      this.report('InvalidPropertyValue', `Properties.${violation.path}`, violation.message, logicalId);
    }
  }

  private checkDependsOn(logicalId: string, dependsOn: unknown): void {
    if (dependsOn === undefined) return;
    const targets = Array.isArray(dependsOn) ? dependsOn : [dependsOn];
    targets.forEach((target, index) => {
      const path = Array.isArray(dependsOn) ? childPath('DependsOn', index) : 'DependsOn';
      if (typeof target !== 'string') {
        this.report('InvalidTemplate', path, 'Template format error: DependsOn must name resources by their logical ids', logicalId);
      } else if (!this.hasResource(target)) {
        if (!this.transformed) this.report('UnresolvedReference', path, unresolvedMessage(target, 'Resources', Object.keys(this.resources)), logicalId);
      } else {
        this.dependencies.get(logicalId)?.add(target);
      }
    });
  }

  private checkConditionName(name: unknown, path: string, resource?: string, usage = ''): void {
    if (typeof name !== 'string' || !Object.prototype.hasOwnProperty.call(this.conditions, name)) {
      const label = typeof name === 'string' ? name : JSON.stringify(name);
      this.report('UnresolvedReference', path, `Template format error: Unresolved condition dependency ${label}${usage}${didYouMeanSuffix(label, Object.keys(this.conditions))}`, resource);
    }
  }

  private checkOutputs(outputs: unknown): void {
    if (!isPlainObject(outputs)) return;
    for (const [name, output] of Object.entries(outputs)) {
      const path = childPath('Outputs', name);
      if (!isLogicalId(name)) this.report('InvalidTemplate', path, `Template format error: Output name ${name} is non alphanumeric`);
      if (!isPlainObject(output) || output.Value === undefined) {
        this.report('InvalidTemplate', path, 'Template format error: Every Outputs member must contain a Value object');
        continue;
      }
      if (output.Condition !== undefined) this.checkConditionName(output.Condition, childPath(path, 'Condition'));
      this.checkReferences(output.Value, { block: 'Outputs', path: childPath(path, 'Value') });
      if (output.Export !== undefined) this.checkReferences(output.Export, { block: 'Outputs', path: childPath(path, 'Export') });
    }
  }

  private hasResource(name: string): boolean {
    return Object.prototype.hasOwnProperty.call(this.resources, name);
  }

  private hasParameter(name: string): boolean {
    return Object.prototype.hasOwnProperty.call(this.parameters, name) || PSEUDO_PARAMETERS.includes(name);
  }

  /** Walks a value, checking every intrinsic function call in it. */
  private checkReferences(value: unknown, where: ReferenceSite): void {
    if (Array.isArray(value)) {
      value.forEach((item, index) => this.checkReferences(item, { ...where, path: childPath(where.path, index) }));
      return;
    }
    if (!isPlainObject(value)) return;
    const call = intrinsicCallOf(value);
    if (call === undefined) {
      if (where.block === 'Conditions' && Object.keys(value).length === 1 && 'Condition' in value) {
        this.checkConditionName(value.Condition, where.path, where.resource);
        return;
      }
      for (const [key, item] of Object.entries(value)) this.checkReferences(item, { ...where, path: childPath(where.path, key) });
      return;
    }
    const path = childPath(where.path, call.name);
    const site = { ...where, path };
    switch (call.name) {
      case 'Ref':
        this.checkRef(call.argument, site);
        return;
      case 'Fn::GetAtt':
        this.checkGetAtt(call.argument, site);
        return;
      case 'Fn::Sub':
        this.checkSub(call.argument, site);
        return;
      case 'Fn::If':
        if (Array.isArray(call.argument) && call.argument.length === 3) {
          this.checkConditionName(call.argument[0], path, where.resource, ' in Fn::If');
          this.checkReferences(call.argument.slice(1), site);
        } else {
          this.reportAt(site, 'InvalidTemplate', 'Template error: Fn::If requires a list of three elements: a condition name and two values');
        }
        return;
      case 'Fn::FindInMap':
        this.checkFindInMap(call.argument, site);
        return;
      default:
        if (!INTRINSIC_FUNCTION_NAMES.includes(call.name)) {
          this.reportAt(site, 'InvalidTemplate', `Template format error: Encountered unsupported function: ${call.name}${didYouMeanSuffix(call.name, INTRINSIC_FUNCTION_NAMES)}`);
          return;
        }
        this.checkReferences(call.argument, site);
    }
  }

  private reportAt(site: ReferenceSite, code: ValidationIssueCode, message: string): void {
    this.report(code, site.path, message, site.resource);
  }

  private checkRef(target: unknown, site: ReferenceSite): void {
    if (typeof target !== 'string') {
      // `Ref` to a computed name is only allowed in a few places; its value is known at deploy time.
      if (intrinsicCallOf(target) === undefined) this.reportAt(site, 'InvalidTemplate', 'Template format error: Ref must name a resource or parameter');
      else this.checkReferences(target, site);
      return;
    }
    this.checkNamedReference(target, site);
  }

  private checkNamedReference(target: string, site: ReferenceSite): void {
    if (this.hasParameter(target)) return;
    if (this.hasResource(target)) {
      if (site.block === 'Conditions') {
        this.reportAt(site, 'UnresolvedReference', `Template format error: Unresolved dependencies [${target}]. Cannot reference resources in the Conditions block of the template`);
      } else {
        this.addDependency(site, target);
      }
      return;
    }
    if (this.transformed) return;
    const candidates = site.block === 'Conditions' ? Object.keys(this.parameters) : [...Object.keys(this.resources), ...Object.keys(this.parameters)];
    this.reportAt(site, 'UnresolvedReference', unresolvedMessage(target, site.block, candidates));
  }

  private addDependency(site: ReferenceSite, target: string): void {
    if (site.resource !== undefined) this.dependencies.get(site.resource)?.add(target);
  }

  private checkGetAtt(argument: unknown, site: ReferenceSite): void {
    const target = getAttArguments(argument);
    if (target === undefined) {
      this.reportAt(site, 'InvalidTemplate', 'Template error: every Fn::GetAtt object requires two non-empty parameters');
      return;
    }
    const { logicalId, attribute } = target;
    if (site.block === 'Conditions') {
      this.reportAt(site, 'InvalidTemplate', 'Template error: Fn::GetAtt cannot be used in the Conditions block of the template');
      return;
    }
    if (!this.hasResource(logicalId)) {
      if (!this.transformed) {
        this.reportAt(site, 'UnresolvedReference', `Template error: instance of Fn::GetAtt references undefined resource ${logicalId}${didYouMeanSuffix(logicalId, Object.keys(this.resources))}`);
      }
      return;
    }
    this.addDependency(site, logicalId);
    if (typeof attribute !== 'string') {
      this.checkReferences(attribute, site);
      return;
    }
    this.checkAttribute(logicalId, attribute, site);
  }

  private checkAttribute(logicalId: string, attribute: string, site: ReferenceSite): void {
    const resource = this.resources[logicalId];
    const type = isPlainObject(resource) ? resource.Type : undefined;
    const spec = typeof type === 'string' ? getResourceTypeSpec(type) : undefined;
    // An unknown type is reported once, on the resource itself; custom resources return what they like.
    if (spec === undefined || spec.custom) return;
    if (type === STACK_TYPE && /^Outputs\.[A-Za-z0-9]+$/.test(attribute)) return;
    if (Object.prototype.hasOwnProperty.call(spec.attributes, attribute)) return;
    this.reportAt(site, 'UnknownAttribute', `Template error: resource ${logicalId} does not support attribute type ${attribute} in Fn::GetAtt${didYouMeanSuffix(attribute, Object.keys(spec.attributes))}`);
  }

  private checkSub(argument: unknown, site: ReferenceSite): void {
    let text: unknown = argument;
    let variables: Record<string, unknown> = {};
    if (Array.isArray(argument)) {
      if (argument.length !== 2 || !isPlainObject(argument[1])) {
        this.reportAt(site, 'InvalidTemplate', 'Template error: Fn::Sub takes a string, or a list of a string and a map of variables');
        return;
      }
      [text, variables] = [argument[0], argument[1]];
      this.checkReferences(variables, site);
    }
    if (typeof text !== 'string') {
      if (intrinsicCallOf(text) === undefined) this.reportAt(site, 'InvalidTemplate', 'Template error: the string of Fn::Sub must be a string');
      return;
    }
    for (const part of parseSubString(text)) {
      if (!('reference' in part)) continue;
      const name = part.reference;
      if (Object.prototype.hasOwnProperty.call(variables, name)) continue;
      const dot = name.indexOf('.');
      if (dot > 0 && !this.hasParameter(name)) {
        this.checkGetAtt([name.slice(0, dot), name.slice(dot + 1)], site);
      } else {
        this.checkNamedReference(name, site);
      }
    }
  }

  private checkFindInMap(argument: unknown, site: ReferenceSite): void {
    if (!Array.isArray(argument) || argument.length < 3) {
      this.reportAt(site, 'InvalidTemplate', 'Template error: Fn::FindInMap requires a list of a map name, a top-level key and a second-level key');
      return;
    }
    this.checkReferences(argument, site);
    const [mapName, topKey, secondKey] = argument;
    if (typeof mapName !== 'string') return;
    if (!Object.prototype.hasOwnProperty.call(this.mappings, mapName)) {
      this.reportAt(site, 'UnresolvedReference', `Template error: Unable to get mapping for ${mapName}${didYouMeanSuffix(mapName, Object.keys(this.mappings))}`);
      return;
    }
    const mapping = this.mappings[mapName];
    if (typeof topKey !== 'string' || !isPlainObject(mapping)) return;
    const level = mapping[topKey];
    if (!isPlainObject(level)) {
      this.reportAt(site, 'UnresolvedReference', `Template error: Unable to get mapping for ${mapName}::${topKey}`);
      return;
    }
    if (typeof secondKey === 'string' && !Object.prototype.hasOwnProperty.call(level, secondKey)) {
      this.reportAt(site, 'UnresolvedReference', `Template error: Unable to get mapping for ${mapName}::${topKey}::${secondKey}`);
    }
  }

  private checkCircularDependencies(): void {
    const state = new Map<string, 'visiting' | 'done'>();
    const stack: string[] = [];
    const visit = (node: string): string[] | undefined => {
      state.set(node, 'visiting');
      stack.push(node);
      for (const next of this.dependencies.get(node) ?? []) {
        const seen = state.get(next);
        if (seen === 'visiting') return stack.slice(stack.indexOf(next));
        if (seen === undefined) {
          const cycle = visit(next);
          if (cycle !== undefined) return cycle;
        }
      }
      stack.pop();
      state.set(node, 'done');
      return undefined;
    };
    for (const node of this.dependencies.keys()) {
      if (state.get(node) !== undefined) continue;
      const cycle = visit(node);
      if (cycle !== undefined) {
        this.report('InvalidTemplate', 'Resources', `Circular dependency between resources: [${[...cycle].sort().join(', ')}]`);
        return;
      }
    }
  }
}

interface ReferenceSite {
  readonly block: Block;
  readonly path: string;
  readonly resource?: string;
}

function isLogicalId(name: string): boolean {
  return /^[A-Za-z0-9]+$/.test(name);
}

function unresolvedMessage(target: string, block: Block, candidates: string[]): string {
  return `Template format error: Unresolved resource dependencies [${target}] in the ${block} block of the template${didYouMeanSuffix(target, candidates)}`;
}
