import { createProjectFolders, FileRollback, pathManager, PROJECT_CONFIG_VERSION, type ProjectConfig, stateManager } from 'amplify-cli-core';
import type { CoreCommandContext } from '../../cli-session';
import { withProjectPath } from '../exe-info';
import type { HeadlessInput } from '../headless-input';
import { updateGitIgnore } from '../init/gitignore-block';
import { chooseFrontend } from '../init/init-project';
import { callPlugin, providerPlugin } from '../project-plugins';
import { attachBackend } from './attach-backend';

const PROVIDER = 'awscloudformation';

interface AppBackend {
  envName: string;
  projectName: string;
}

/**
 * `amplify pull --appId <id> [--envName <env>]` in a folder without a project: the provider finds the env in the
 * Amplify app and records its root stack in team-provider-info; project-config is written with the frontend
 * chosen here; then the env is attached as in a fresh clone. A failure leaves no amplify/ folder behind.
 */
export async function attachAppBackend(context: CoreCommandContext, projectRoot: string, headless: HeadlessInput, appId: string): Promise<string> {
  const rollback = new FileRollback().keepDir(pathManager.getAmplifyDirPath(projectRoot)).keepFile(pathManager.getGitIgnoreFilePath(projectRoot));
  return rollback.guard(async () => {
    createProjectFolders(projectRoot);
    context.exeInfo = { inputParams: headless.inputParams, localEnvInfo: withProjectPath({ envName: '' }, projectRoot) };
    const provider = providerPlugin(context, PROVIDER);
    const found = (await callPlugin(provider, 'resolveAppBackend', context, { appId, envName: headless.amplify.envName })) as AppBackend;
    const projectConfig: ProjectConfig = { projectName: found.projectName, version: PROJECT_CONFIG_VERSION, frontend: '', providers: [PROVIDER] };
    context.exeInfo.projectConfig = projectConfig;
    const frontend = await chooseFrontend(context, headless, projectRoot);
    projectConfig.frontend = frontend.info.manifest.name;
    await callPlugin(frontend, 'init', context);
    stateManager.setProjectConfig(projectRoot, projectConfig);
    updateGitIgnore(pathManager.getGitIgnoreFilePath(projectRoot));
    return attachBackend(context, projectRoot, { ...headless, amplify: { ...headless.amplify, envName: found.envName } });
  });
}
