import { AmplifyError, FileRollback, pathManager, stateManager } from 'amplify-cli-core';
import type { CoreCommandContext } from '../../cli-session';
import { projectExeInfo, writeLocalEnvInfo } from '../exe-info';
import type { HeadlessInput } from '../headless-input';
import { callPlugin, categoryPlugins, hasFunction, providerPlugin } from '../project-plugins';

/**
 * `amplify pull` in a fresh clone (no local-env-info yet): the chosen env's deployed backend, meta and outputs
 * come down from its deployment bucket and stack, credentials are chosen for this machine (from `--providers`, or
 * asked), and the frontend configuration is generated. The clone's committed files (project-config,
 * team-provider-info) say which stack holds the env; no Amplify Console app id is involved.
 */
export async function attachBackend(context: CoreCommandContext, projectRoot: string, headless: HeadlessInput): Promise<string> {
  const envs = Object.keys(stateManager.getTeamProviderInfo(projectRoot, { default: {} }));
  if (envs.length === 0) {
    throw new AmplifyError('EnvironmentNotFound', 'amplify/team-provider-info.json lists no environment to pull', {
      resolution: 'Run "amplify env import --name <env> --config <json>" first, or "amplify init" to create one',
    });
  }
  let envName = headless.amplify.envName;
  if (envName === undefined) {
    envName =
      envs.length === 1
        ? envs[0]
        : await context.amplify.prompter.pick<string>({ message: 'Pick a backend environment:', choices: envs, flag: '--envName' });
  } else if (!envs.includes(envName)) {
    throw new AmplifyError('EnvironmentNotFound', `Environment "${envName}" is not in amplify/team-provider-info.json`, {
      resolution: `Pull one of: ${envs.join(', ')}`,
    });
  }
  const chosenEnv = envName;
  const rollback = new FileRollback()
    .keepDir(pathManager.getBackendDirPath(projectRoot))
    .keepDir(pathManager.getCurrentCloudBackendDirPath(projectRoot))
    .keepFile(pathManager.getLocalEnvFilePath(projectRoot))
    .keepFile(pathManager.getLocalAWSInfoFilePath(projectRoot))
    .keepFile(pathManager.getTeamProviderInfoFilePath(projectRoot));
  await rollback.guard(async () => {
    writeLocalEnvInfo(projectRoot, { envName: chosenEnv, defaultEditor: headless.amplify.defaultEditor ?? 'vscode' });
    const exeInfo = projectExeInfo(context, projectRoot, headless, chosenEnv);
    Object.assign(exeInfo, { isNewEnv: false, restoreBackend: true });
    for (const name of stateManager.getProjectConfig(projectRoot).providers) {
      await callPlugin(providerPlugin(context, name), 'attachBackend', context);
    }
    exeInfo.amplifyMeta = stateManager.getMeta(projectRoot, { default: {} });
    for (const category of categoryPlugins(context)) {
      if (exeInfo.amplifyMeta[category.info.manifest.name] && hasFunction(category, 'initEnv')) await callPlugin(category, 'initEnv', context);
    }
    await context.amplify.onCategoryOutputsChange(context);
  });
  return chosenEnv;
}
