import { AmplifyError, type AmplifyMeta, AwsCloudFormationProviderMeta, categoryNames, getResourceMeta, listResources, stateManager } from 'amplify-cli-core';
import type { CoreCommandContext } from '../../cli-session';
import { regeneratedMeta } from '../exe-info';
import { callPlugin, categoryPlugins, hasFunction, providerPlugin } from '../project-plugins';

export interface InitializeEnvOptions {
  projectRoot: string;
  envName: string;
  /** Replace `backend/` with the env's deployed copy too (`--restore`, pull). */
  restore: boolean;
}

/**
 * Brings an existing env onto this machine (the original's initializeEnv): backend meta rebuilt
 * from backend-config and the env's provider records, then each provider's `initEnv` (which downloads the env's
 * `#current-cloud-backend`, and with `restore` its backend, and refreshes the outputs), the categories' `initEnv`,
 * and the frontend configuration. `context.exeInfo` must describe the project (see projectExeInfo).
 */
export async function initializeEnv(context: CoreCommandContext, options: InitializeEnvOptions): Promise<void> {
  const { projectRoot, envName } = options;
  const envInfo = stateManager.getTeamProviderInfo(projectRoot, { default: {} })[envName];
  if (!envInfo) {
    throw new AmplifyError('EnvironmentNotFound', `Environment "${envName}" is not in amplify/team-provider-info.json`, {
      resolution: 'Run "amplify env list" to see the envs, or "amplify env add" / "amplify env import" to add it',
    });
  }
  const projectConfig = stateManager.getProjectConfig(projectRoot);
  if (!options.restore) {
    stateManager.setMeta(projectRoot, regeneratedMeta(projectRoot, envName, projectConfig.providers));
  }
  const exeInfo = context.exeInfo ?? { inputParams: {} };
  Object.assign(exeInfo, { isNewEnv: false, restoreBackend: options.restore });
  exeInfo.localEnvInfo = { ...exeInfo.localEnvInfo, envName };
  context.exeInfo = exeInfo;

  for (const name of projectConfig.providers) {
    const provider = providerPlugin(context, name);
    await callPlugin(provider, 'initEnv', context, envInfo[name] as AwsCloudFormationProviderMeta | undefined);
  }
  carryPushStamps(projectRoot);
  exeInfo.amplifyMeta = stateManager.getMeta(projectRoot);

  await initCategoriesForEnv(context, exeInfo.amplifyMeta);
  await context.amplify.onCategoryOutputsChange(context);
}

/**
 * Lets every category with resources in `meta` set up the current env (`initEnv`): its env-specific parameters, such
 * as social-provider ids or secrets, which a checked-out env has recorded and a new env must be given.
 */
export async function initCategoriesForEnv(context: CoreCommandContext, meta: AmplifyMeta): Promise<void> {
  const present = new Set(categoryNames(meta));
  for (const category of categoryPlugins(context)) {
    if (present.has(category.info.manifest.name) && hasFunction(category, 'initEnv')) {
      await callPlugin(category, 'initEnv', context);
    }
  }
}

/**
 * A rebuilt meta lacks the push stamps; a resource that the env's deployed copy holds was pushed, so it takes
 * the stamps from there (the folder hashes then tell whether it changed since).
 */
function carryPushStamps(projectRoot: string): void {
  const meta = stateManager.getMeta(projectRoot);
  const current = stateManager.getCurrentMeta(projectRoot, { default: {} });
  let changed = false;
  for (const [category, resourceName, entry] of listResources(meta)) {
    const deployed = getResourceMeta(current, category, resourceName);
    if (!deployed?.lastPushTimeStamp || entry.lastPushTimeStamp) continue;
    entry.lastPushTimeStamp = deployed.lastPushTimeStamp;
    if (deployed.lastPushDirHash) entry.lastPushDirHash = deployed.lastPushDirHash;
    changed = true;
  }
  if (changed) stateManager.setMeta(projectRoot, meta);
}
