// SCAFFOLD (replaced by the resources work).
import type { ApiModel } from '../model/api-model';
import type { CfnTemplate, TransformInput } from '../transform-types';

export interface SynthesizedResources {
  rootStack: CfnTemplate;
  stacks: Record<string, CfnTemplate>;
  resolvers: Record<string, string>;
  warnings: string[];
}

export function synthesizeResources(_model: ApiModel, _input: TransformInput): SynthesizedResources {
  throw new Error('synthesizeResources: not implemented yet');
}
