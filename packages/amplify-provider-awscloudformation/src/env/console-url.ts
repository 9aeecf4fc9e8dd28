import type { AwsTarget } from '../aws/aws-target';
import type { RootStackOutputs } from '../project/project-types';

/** Where to look at an env: the CloudFormation console page of its root stack, or the local cloud's endpoint. */
export function consoleUrl(target: AwsTarget, rootStack: RootStackOutputs): string {
  if (target.local && target.endpoint) return target.endpoint;
  const region = rootStack.Region ?? target.region;
  if (!rootStack.StackId) return `https://console.aws.amazon.com/cloudformation/home?region=${region}#/stacks`;
  return `https://console.aws.amazon.com/cloudformation/home?region=${region}#/stacks/stackinfo?stackId=${encodeURIComponent(rootStack.StackId)}`;
}
