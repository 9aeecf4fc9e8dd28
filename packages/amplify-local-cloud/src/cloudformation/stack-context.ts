import { attributeNames, isCustomResourceType } from 'amplify-cloudformation-spec';
import { evaluateCondition, IntrinsicContext, NO_VALUE } from './intrinsics';
import { parameterRefValue, ParameterValues } from './parameters';
import type { ResourceRecord } from './stack-store';
import { validationError } from './template-error';
import type { Template, TemplateValue } from './template-value';

export interface StackFacts {
  stackId: string;
  stackName: string;
  region: string;
  accountId: string;
}

/**
 * The intrinsic-function context of one stack deployment: parameters and pseudo parameters, conditions (each
 * evaluated once), mappings, the resources provisioned so far and the exports of the whole cloud.
 */
export class StackContext implements IntrinsicContext {
  readonly region: string;
  private readonly conditions = new Map<string, boolean>();
  private readonly evaluating = new Set<string>();
  /** The export names `Fn::ImportValue` read: an export in use may not change or go away. */
  readonly imported = new Set<string>();

  constructor(
    private readonly facts: StackFacts,
    private readonly template: Template,
    private readonly parameters: ParameterValues,
    /** Live map: the engine adds each resource as it is provisioned. */
    readonly resources: Map<string, ResourceRecord>,
    private readonly lookupExport: (name: string) => string | undefined,
  ) {
    this.region = facts.region;
  }

  ref(name: string): TemplateValue | typeof NO_VALUE {
    switch (name) {
      case 'AWS::AccountId':
        return this.facts.accountId;
      case 'AWS::Region':
        return this.facts.region;
      case 'AWS::StackId':
        return this.facts.stackId;
      case 'AWS::StackName':
        return this.facts.stackName;
      case 'AWS::Partition':
        return 'aws';
      case 'AWS::URLSuffix':
        return 'amazonaws.com';
      case 'AWS::NotificationARNs':
        return [];
      case 'AWS::NoValue':
        return NO_VALUE;
    }
    const declaration = this.template.Parameters?.[name];
    if (declaration !== undefined) return parameterRefValue(declaration, this.parameters[name] ?? '');
    return this.resource(name).physicalId as string;
  }

  getAtt(logicalId: string, attribute: string): TemplateValue {
    const resource = this.resource(logicalId);
    const value = resource.attributes[attribute];
    if (value !== undefined) return value;
    if (resource.type === 'AWS::CloudFormation::Stack' && attribute.startsWith('Outputs.')) {
      throw validationError(`Template error: Output '${attribute.slice('Outputs.'.length)}' not found in the nested stack ${resource.physicalId} (resource ${logicalId})`);
    }
    if (isCustomResourceType(resource.type)) {
      throw validationError(`CustomResource attribute error: Vendor response doesn't contain ${attribute} key in object ${resource.physicalId} of type ${resource.type}`);
    }
    if (!attributeNames(resource.type).includes(attribute)) {
      throw validationError(`Template error: resource ${logicalId} does not support attribute type ${attribute} in Fn::GetAtt`);
    }
    throw validationError(`Template error: attribute ${attribute} of resource ${logicalId} (${resource.type}) has no value`);
  }

  condition(name: string): boolean {
    const known = this.conditions.get(name);
    if (known !== undefined) return known;
    const expression = this.template.Conditions?.[name];
    if (expression === undefined) throw validationError(`Template format error: Unresolved condition dependencies [${name}]`);
    if (this.evaluating.has(name)) throw validationError(`Template error: circular condition dependency involving ${name}`);
    this.evaluating.add(name);
    try {
      const value = evaluateCondition(expression, this);
      this.conditions.set(name, value);
      return value;
    } finally {
      this.evaluating.delete(name);
    }
  }

  findInMap(mapName: string, topKey: string, secondKey: string): TemplateValue {
    const value = this.template.Mappings?.[mapName]?.[topKey]?.[secondKey];
    if (value === undefined) throw validationError(`Template error: Unable to get mapping for ${mapName}::${topKey}::${secondKey}`);
    return value;
  }

  importValue(exportName: string): TemplateValue {
    const value = this.lookupExport(exportName);
    if (value === undefined) throw validationError(`No export named ${exportName} found.`);
    this.imported.add(exportName);
    return value;
  }

  /** Whether the resource or output is in the stack (no `Condition`, or one that holds). */
  isActive(condition: string | undefined): boolean {
    return condition === undefined || this.condition(condition);
  }

  private resource(logicalId: string): ResourceRecord {
    const resource = this.resources.get(logicalId);
    if (resource === undefined || resource.physicalId === undefined) {
      const declared = this.template.Resources[logicalId];
      if (declared !== undefined && !this.isActive(declared.Condition)) {
        throw validationError(`Template format error: Unresolved resource dependencies [${logicalId}] in the Resources block of the template`);
      }
      throw validationError(`Template error: resource ${logicalId} is not available`);
    }
    return resource;
  }
}
