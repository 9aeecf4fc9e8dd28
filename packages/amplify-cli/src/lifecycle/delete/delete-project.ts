import { removeProjectFolder, stateManager } from 'amplify-cli-core';
import type { CoreCommandContext } from '../../cli-session';
import { projectExeInfo } from '../exe-info';
import type { HeadlessInput } from '../headless-input';
import { callPlugin, frontendPlugin, providerPlugin } from '../project-plugins';

/**
 * `amplify delete`: each env is removed from the cloud through its providers (stacks, the buckets
 * they own, the deployment bucket; buckets a template retains stay), then the frontend's generated config files,
 * then `amplify/`. Envs are deleted one after the other so that a failure stops before local files go, and the
 * command can be run again.
 */
export async function deleteProject(context: CoreCommandContext, projectRoot: string, headless: HeadlessInput): Promise<void> {
  const { printer } = context.session;
  const projectConfig = stateManager.getProjectConfig(projectRoot);
  const envs = Object.keys(stateManager.getTeamProviderInfo(projectRoot, { default: {} }));
  projectExeInfo(context, projectRoot, headless);
  for (const envName of envs) {
    for (const name of projectConfig.providers) {
      await callPlugin(providerPlugin(context, name), 'deleteEnv', context, envName, true);
    }
    printer.info(`Environment ${envName} was deleted from the cloud.`);
  }
  await callPlugin(frontendPlugin(context, projectConfig.frontend), 'deleteConfig', context);
  removeProjectFolder(projectRoot);
  printer.success('✔ Project deleted locally.');
}
