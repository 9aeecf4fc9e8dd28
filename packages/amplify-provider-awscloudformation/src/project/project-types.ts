import type { AwsCloudFormationProviderMeta, DependsOn as CoreDependsOn } from 'amplify-cli-core';

/** An env's root stack outputs, as meta `providers.awscloudformation` and team-provider-info record them. */
export type RootStackOutputs = AwsCloudFormationProviderMeta;

/**
 * A dependency as category plugins may write it: the original also allowed `exports` (attribute -> export
 * name), passed to the nested stack as `Fn::ImportValue` instead of `Fn::GetAtt`.
 */
export interface DependsOn extends CoreDependsOn {
  exports?: Record<string, string>;
}
