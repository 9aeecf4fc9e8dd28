import { PARAMETERS_KEY } from './meta-entries';
import { stateManager } from './state-manager';
import type { BackendConfig, EnvResourceParameters, TeamProviderInfo } from './types';

/*
 * A resource's env-specific parameters live in `team-provider-info.json` under
 * `<env>.categories.<category>.<resource>`; these functions read and write them for one env.
 */

/** Env-specific parameters of a resource: `team-provider-info[env].categories[category][resource]` (`{}` if none). */
export function loadEnvResourceParameters(
  projectRoot: string,
  category: string,
  resourceName: string,
  envName: string = stateManager.getCurrentEnvName(projectRoot),
): EnvResourceParameters {
  const teamProviderInfo = stateManager.getTeamProviderInfo(projectRoot, { default: {} });
  return teamProviderInfo[envName]?.categories?.[category]?.[resourceName] ?? {};
}

/** Replaces the env-specific parameters of a resource for one env (the current one by default). */
export function saveEnvResourceParameters(
  projectRoot: string,
  category: string,
  resourceName: string,
  parameters: EnvResourceParameters,
  envName: string = stateManager.getCurrentEnvName(projectRoot),
): void {
  const teamProviderInfo = stateManager.getTeamProviderInfo(projectRoot, { default: {} });
  const env = (teamProviderInfo[envName] ??= {});
  const categories = (env.categories ??= {});
  const resources = (categories[category] ??= {});
  resources[resourceName] = parameters;
  stateManager.setTeamProviderInfo(projectRoot, teamProviderInfo);
  syncBackendConfigParameters(projectRoot, teamProviderInfo, envName);
}

/** Drops a resource's env-specific parameters for one env (the current one by default). */
export function removeResourceParameters(
  projectRoot: string,
  category: string,
  resourceName: string,
  envName: string = stateManager.getCurrentEnvName(projectRoot),
): void {
  const teamProviderInfo = stateManager.getTeamProviderInfo(projectRoot, { throwIfNotExist: false });
  const resources = teamProviderInfo?.[envName]?.categories?.[category];
  if (!teamProviderInfo || !resources || !(resourceName in resources)) return;
  delete resources[resourceName];
  if (Object.keys(resources).length === 0) delete teamProviderInfo[envName].categories![category];
  stateManager.setTeamProviderInfo(projectRoot, teamProviderInfo);
  syncBackendConfigParameters(projectRoot, teamProviderInfo, envName);
}

/** One entry of backend-config's `parameters`: which resource the env-specific parameter belongs to. */
export interface BackendParameter {
  usedBy: Array<{ category: string; resourceName: string }>;
}

/**
 * backend-config.json's `parameters` as the original keeps it from the current env's team-provider-info: one
 * `AMPLIFY_<category>_<resource>_<parameter>` entry per env-specific parameter (its Parameter Store name), whose
 * presence in every env the original checks at env checkout and push. Only for the current env, and only when
 * backend-config.json exists (not during init); written only when the map changes.
 */
export function syncBackendConfigParameters(
  projectRoot: string,
  teamProviderInfo: TeamProviderInfo = stateManager.getTeamProviderInfo(projectRoot, { default: {} }),
  envName: string = stateManager.getCurrentEnvName(projectRoot),
): void {
  if (!stateManager.backendConfigFileExists(projectRoot)) return;
  if (stateManager.getLocalEnvInfo(projectRoot, { throwIfNotExist: false })?.envName !== envName) return;
  const parameters: Record<string, BackendParameter> = {};
  for (const [category, resources] of Object.entries(teamProviderInfo[envName]?.categories ?? {})) {
    for (const [resourceName, values] of Object.entries(resources ?? {})) {
      for (const name of Object.keys(values ?? {})) parameters[`AMPLIFY_${category}_${resourceName}_${name}`] = { usedBy: [{ category, resourceName }] };
    }
  }
  const backendConfig = stateManager.getBackendConfig(projectRoot) as Record<string, unknown>;
  const before = JSON.stringify(backendConfig[PARAMETERS_KEY]);
  if (Object.keys(parameters).length === 0) delete backendConfig[PARAMETERS_KEY];
  else backendConfig[PARAMETERS_KEY] = parameters;
  if (JSON.stringify(backendConfig[PARAMETERS_KEY]) !== before) stateManager.setBackendConfig(projectRoot, backendConfig as BackendConfig);
}
