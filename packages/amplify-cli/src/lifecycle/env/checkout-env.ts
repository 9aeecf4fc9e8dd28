import { AmplifyError, FileRollback, pathManager, stateManager } from 'amplify-cli-core';
import type { CoreCommandContext } from '../../cli-session';
import { projectExeInfo, writeLocalEnvInfo } from '../exe-info';
import type { HeadlessInput } from '../headless-input';
import { callPlugin, providerPlugin } from '../project-plugins';
import { initializeEnv } from './initialize-env';

/**
 * `env checkout`: the env becomes current, each provider loads (or asks for) this machine's
 * credentials for it, then the env's deployed state comes down. `backend/` is kept unless `restore`. On failure
 * the project files are as before, still on the previous env.
 */
export async function checkoutEnv(context: CoreCommandContext, projectRoot: string, envName: string, restore: boolean, headless: HeadlessInput): Promise<void> {
  const teamProviderInfo = stateManager.getTeamProviderInfo(projectRoot, { default: {} });
  if (!teamProviderInfo[envName]) {
    throw new AmplifyError('EnvironmentNotFound', `Environment "${envName}" is not in amplify/team-provider-info.json`, {
      resolution: `Run "amplify env list" to see the envs, or "amplify env add" to create "${envName}"`,
    });
  }
  const rollback = new FileRollback()
    .keepFile(pathManager.getLocalEnvFilePath(projectRoot))
    .keepFile(pathManager.getLocalAWSInfoFilePath(projectRoot))
    .keepFile(pathManager.getAmplifyMetaFilePath(projectRoot))
    .keepFile(pathManager.getTeamProviderInfoFilePath(projectRoot))
    .keepDir(pathManager.getCurrentCloudBackendDirPath(projectRoot));
  if (restore) rollback.keepDir(pathManager.getBackendDirPath(projectRoot));
  await rollback.guard(async () => {
    const exeInfo = projectExeInfo(context, projectRoot, headless, envName);
    Object.assign(exeInfo, { isNewEnv: false, forcePush: false, restoreBackend: restore });
    const localEnvInfo = stateManager.getLocalEnvInfo(projectRoot, { throwIfNotExist: false });
    writeLocalEnvInfo(projectRoot, { ...localEnvInfo, envName });
    for (const name of stateManager.getProjectConfig(projectRoot).providers) {
      const provider = providerPlugin(context, name);
      await callPlugin(provider, 'init', context);
      await callPlugin(provider, 'onInitSuccessful', context);
    }
    await initializeEnv(context, { projectRoot, envName, restore });
  });
}
