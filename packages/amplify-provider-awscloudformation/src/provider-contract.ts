import type { AmplifyContext, ProviderPlugin, ResourceStatus } from 'amplify-cli-core';
import type { PushResult } from './deploy/push-resources';
import * as plugin from './provider-plugin';

/**
 * The core's provider contract, except that `pushResources` reports what it did instead of `void`: the core
 * needs to tell "no changes" from "deployed" before it refreshes #current-cloud-backend (see the report to the
 * core: the contract should return `Promise<PushResult | void>`).
 */
export type AwsCloudFormationProviderPlugin = Omit<ProviderPlugin, 'pushResources'> & {
  pushResources(context: AmplifyContext, resources: ResourceStatus): Promise<PushResult>;
};

/** Compiling this line is the proof that the plugin functions fit the contract above. */
export const providerPlugin: AwsCloudFormationProviderPlugin = plugin;
