import type { CloudFormationApi } from '../aws/cloudformation-api';
import { ROOT_STACK_OWN_RESOURCES } from '../constants';

/** Outputs of every nested stack of the root stack, by logical id (`<category><resource>`). */
export async function collectNestedStackOutputs(cfn: CloudFormationApi, rootStackName: string): Promise<Record<string, Record<string, string>>> {
  const resources = await cfn.describeStackResources(rootStackName);
  const own = new Set<string>(ROOT_STACK_OWN_RESOURCES);
  const nested = resources.filter(
    (r) => r.ResourceType === 'AWS::CloudFormation::Stack' && r.LogicalResourceId && r.PhysicalResourceId && !own.has(r.LogicalResourceId),
  );
  const outputs: Record<string, Record<string, string>> = {};
  await Promise.all(
    nested.map(async (resource) => {
      const stack = await cfn.describeStack(resource.PhysicalResourceId!);
      const values: Record<string, string> = {};
      for (const output of stack?.Outputs ?? []) {
        if (output.OutputKey && output.OutputValue !== undefined) values[output.OutputKey] = output.OutputValue;
      }
      outputs[resource.LogicalResourceId!] = values;
    }),
  );
  return outputs;
}
