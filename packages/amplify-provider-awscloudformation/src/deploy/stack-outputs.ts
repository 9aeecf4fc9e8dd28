import type { CloudFormationApi } from '../aws/cloudformation-api';
import { ROOT_STACK_OWN_RESOURCES } from '../constants';
import type { StackActivityEvent } from './progress-event';

export type NestedStackOutputs = Record<string, Record<string, string>>;

export interface NestedStackOutputsOptions {
  /**
   * Outputs recorded by the last push, by logical id. A nested stack with a recorded entry that is not in
   * `refresh` is not described again: a push that changes one resource then reads one stack, not every stack
   * of the project.
   */
  recorded?: NestedStackOutputs;
  /** Nested stacks whose outputs may have changed (pushed, or updated by this operation): always described. */
  refresh?: ReadonlySet<string>;
}

/**
 * Outputs of every nested stack of the root stack, by logical id (`<category><resource>`). Without `recorded`,
 * each nested stack is described.
 */
export async function collectNestedStackOutputs(cfn: CloudFormationApi, rootStackName: string, options: NestedStackOutputsOptions = {}): Promise<NestedStackOutputs> {
  const resources = await cfn.describeStackResources(rootStackName);
  const own = new Set<string>(ROOT_STACK_OWN_RESOURCES);
  const nested = resources.filter(
    (r) => r.ResourceType === 'AWS::CloudFormation::Stack' && r.LogicalResourceId && r.PhysicalResourceId && !own.has(r.LogicalResourceId),
  );
  const outputs: NestedStackOutputs = {};
  await Promise.all(
    nested.map(async (resource) => {
      const logicalId = resource.LogicalResourceId!;
      const recorded = options.recorded?.[logicalId];
      if (recorded && !options.refresh?.has(logicalId)) {
        outputs[logicalId] = recorded;
        return;
      }
      const stack = await cfn.describeStack(resource.PhysicalResourceId!);
      const values: Record<string, string> = {};
      for (const output of stack?.Outputs ?? []) {
        if (output.OutputKey && output.OutputValue !== undefined) values[output.OutputKey] = output.OutputValue;
      }
      outputs[logicalId] = values;
    }),
  );
  return outputs;
}

/** The root's nested stacks that an operation created, updated or rolled back: their outputs may have changed. */
export function nestedStacksTouched(events: readonly StackActivityEvent[]): Set<string> {
  return new Set(events.filter((e) => e.nestedPath.length === 0 && e.resourceType === 'AWS::CloudFormation::Stack' && e.logicalId !== e.stackName).map((e) => e.logicalId));
}
