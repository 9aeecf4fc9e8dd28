import type { CfnTemplate } from '../transform-types';
import {
  crossStackOutputName,
  nestedOutputParameterName,
  referenceParameterName,
  ROOT_STACK_ID,
} from './cdk-names';
import { type CfnValue, getAtt, join, ref } from './cfn';

/** The root stack's name in references (no nested stack can be named with an empty string). */
export const ROOT = '';

/** A value of a resource or parameter: where it lives, its construct path in that stack, and the attribute read. */
export interface StackRef {
  stack: string;
  /** Construct path below the stack, as CDK sees it (`['GraphQLAPI', 'Resource']`). */
  path: string[];
  logicalId: string;
  /** `Fn::GetAtt` attribute; absent for `Ref`. */
  attribute?: string;
}

export const rootParameter = (name: string): StackRef => ({ stack: ROOT, path: [name], logicalId: name });

export class Stack {
  readonly parameters: Record<string, unknown> = {};
  readonly conditions: Record<string, unknown> = {};
  readonly resources: Record<string, Record<string, unknown>> = {};
  readonly outputs: Record<string, unknown> = {};
  /** Parameter values the root passes to this stack (nested stacks only). */
  readonly passedParameters: Record<string, CfnValue> = {};
  /** Nested stacks whose outputs this stack reads. */
  readonly dependencies = new Set<string>();

  constructor(readonly name: string) {}

  addResource(logicalId: string, resource: Record<string, unknown>): void {
    this.resources[logicalId] = resource;
  }

  toTemplate(withConditions: boolean): CfnTemplate {
    const template: CfnTemplate = { Parameters: this.parameters };
    if (withConditions) template.Conditions = this.conditions;
    template.Resources = this.resources;
    template.Outputs = this.outputs;
    return template;
  }
}

/**
 * The root stack and its nested stacks. Values are read through `value(consumer, target)`, which wires
 * cross-stack references the way CDK does: root values become `referencetotransformerrootstack…` parameters of
 * the consuming stack, values of another nested stack travel as an output of the producer read by the root with
 * `Fn::GetAtt` and passed on as a parameter.
 */
export class StackSet {
  readonly root = new Stack(ROOT);
  private readonly nested = new Map<string, Stack>();
  /** Values already wired, by consumer and target: each reference is set up once. */
  private readonly wired = new Map<string, CfnValue>();

  stack(name: string): Stack {
    if (name === ROOT) return this.root;
    let stack = this.nested.get(name);
    if (!stack) {
      stack = new Stack(name);
      this.nested.set(name, stack);
    }
    return stack;
  }

  has(name: string): boolean {
    return this.nested.has(name);
  }

  nestedStacks(): Stack[] {
    return [...this.nested.values()];
  }

  value(consumer: string, target: StackRef): CfnValue {
    const key = `${consumer}\0${target.stack}\0${target.logicalId}\0${target.attribute ?? ''}`;
    let value = this.wired.get(key);
    if (value === undefined) {
      value = this.wire(consumer, target);
      this.wired.set(key, value);
    }
    return value;
  }

  private wire(consumer: string, target: StackRef): CfnValue {
    const local = target.attribute ? getAtt(target.logicalId, target.attribute) : ref(target.logicalId);
    if (target.stack === consumer) return local;
    if (target.stack === ROOT) {
      const parameter = referenceParameterName([ROOT_STACK_ID, ...target.path], target.attribute);
      const stack = this.stack(consumer);
      stack.parameters[parameter] = { Type: 'String' };
      stack.passedParameters[parameter] = local;
      return ref(parameter);
    }
    const outputName = crossStackOutputName([ROOT_STACK_ID, target.stack, ...target.path], target.attribute);
    this.stack(target.stack).outputs[outputName] = { Value: local };
    const throughRoot = getAtt(target.stack, `Outputs.${outputName}`);
    if (consumer === ROOT) return throughRoot;
    const parameter = nestedOutputParameterName(target.stack, outputName);
    const stack = this.stack(consumer);
    stack.parameters[parameter] = { Type: 'String' };
    stack.passedParameters[parameter] = throughRoot;
    stack.dependencies.add(target.stack);
    return ref(parameter);
  }

  /** Whether `from` reads, directly or through other stacks, an output of `to`. */
  dependsOn(from: string, to: string): boolean {
    const seen = new Set<string>();
    const visit = (name: string): boolean => {
      if (name === to) return true;
      if (seen.has(name) || !this.nested.has(name)) return false;
      seen.add(name);
      return [...this.stack(name).dependencies].some(visit);
    };
    return from !== ROOT && [...this.stack(from).dependencies].some(visit);
  }

  /** `s3://<bucket>/<rootKey>/<key>` as a stack of `consumer` spells it. */
  s3Location(consumer: string, key: string): CfnValue {
    return join('', [
      's3://',
      this.value(consumer, rootParameter('S3DeploymentBucket')),
      '/',
      this.value(consumer, rootParameter('S3DeploymentRootKey')),
      `/${key}`,
    ]);
  }
}
