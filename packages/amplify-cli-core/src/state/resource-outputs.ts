import { listResources } from './meta-entries';
import type { AmplifyMeta, AwsCloudFormationProviderMeta, ResourceMeta } from './types';

export interface ProviderOutputs {
  metadata: AwsCloudFormationProviderMeta | undefined;
  serviceResourceMapping: Record<string, ResourceMeta[]>;
}

export interface ResourceOutputs {
  outputsByProvider: Record<string, ProviderOutputs>;
  outputsByCategory: Record<string, Record<string, Record<string, unknown>>>;
  serviceResourceMapping: Record<string, ResourceMeta[]>;
  /** What frontends receive: the awscloudformation provider's view. */
  outputsForFrontend: ProviderOutputs & { testMode: boolean };
}

/**
 * Outputs of deployed resources: only resources that have both `output` and `lastPushTimeStamp`
 * count. Resources are grouped by provider and service (what frontend config generators dispatch on) and by category.
 */
export function getResourceOutputs(meta: AmplifyMeta): ResourceOutputs {
  const outputsByProvider: Record<string, ProviderOutputs> = {};
  const outputsByCategory: Record<string, Record<string, Record<string, unknown>>> = {};
  for (const provider of Object.keys(meta.providers ?? {})) {
    outputsByProvider[provider] = { metadata: meta.providers?.[provider], serviceResourceMapping: {} };
  }
  for (const [category, resourceName, entry] of listResources(meta)) {
    if (!entry.output || !entry.lastPushTimeStamp) continue;
    const provider = (outputsByProvider[entry.providerPlugin] ??= {
      metadata: meta.providers?.[entry.providerPlugin],
      serviceResourceMapping: {},
    });
    // Frontend config generators read the resource's name from its entry (an API's name, a function's), as in the
    // original; the entry is copied so that the caller's meta is not changed.
    (provider.serviceResourceMapping[entry.service] ??= []).push({ ...entry, resourceName });
    (outputsByCategory[category] ??= {})[resourceName] = { ...entry.output, service: entry.service };
  }
  const cloudformation = outputsByProvider.awscloudformation ?? { metadata: undefined, serviceResourceMapping: {} };
  return {
    outputsByProvider,
    outputsByCategory,
    serviceResourceMapping: cloudformation.serviceResourceMapping,
    outputsForFrontend: { ...cloudformation, testMode: false },
  };
}
