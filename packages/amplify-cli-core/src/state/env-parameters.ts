import { stateManager } from './state-manager';
import type { EnvResourceParameters } from './types';

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
}
