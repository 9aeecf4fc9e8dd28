import { AmplifyError, pathManager, stateManager, UserAbort, withProjectLock } from 'amplify-cli-core';
import type { CoreCommandContext } from '../../cli-session';
import { projectExeInfo } from '../../lifecycle/exe-info';
import { parseHeadlessInput } from '../../lifecycle/headless-input';
import { callPlugin, providerPlugin } from '../../lifecycle/project-plugins';

/**
 * `amplify env remove <env> [--yes]`: deletes the env's stacks and buckets, then its records. The current env is
 * refused (switch first, or delete the whole project).
 */
export const run = async (context: CoreCommandContext): Promise<void> => {
  const envName = context.input.subCommands?.[1];
  if (!envName) {
    throw new AmplifyError('MissingArgument', '"amplify env remove" needs the env name', { resolution: 'Run "amplify env remove <env>"' });
  }
  const headless = parseHeadlessInput(context.input.options);
  const projectRoot = pathManager.findProjectRoot(context.session.environment.cwd);
  await withProjectLock(projectRoot, 'env remove', async () => {
    const teamProviderInfo = stateManager.getTeamProviderInfo(projectRoot, { default: {} });
    if (!teamProviderInfo[envName]) {
      throw new AmplifyError('EnvironmentNotFound', `Environment "${envName}" is not in amplify/team-provider-info.json`, {
        resolution: 'Run "amplify env list" to see the envs',
      });
    }
    if (stateManager.getCurrentEnvName(projectRoot) === envName) {
      throw new AmplifyError('EnvironmentIsCurrent', `"${envName}" is the current environment and cannot be removed`, {
        resolution: 'Run "amplify env checkout <other env>" first, or "amplify delete" to remove the whole project',
      });
    }
    // --yes is the confirmation (the question's safe default is "no").
    const confirmed =
      headless.yes ||
      (await context.amplify.prompter.confirm({
        message: `Are you sure you want to continue? This deletes the "${envName}" environment and all its resources in the cloud.`,
        default: false,
        flag: '--yes',
      }));
    if (!confirmed) throw new UserAbort(`Environment "${envName}" was not removed.`);
    projectExeInfo(context, projectRoot, headless);
    for (const name of stateManager.getProjectConfig(projectRoot).providers) {
      await callPlugin(providerPlugin(context, name), 'deleteEnv', context, envName, true);
    }
    const remaining = stateManager.getTeamProviderInfo(projectRoot, { default: {} });
    delete remaining[envName];
    stateManager.setTeamProviderInfo(projectRoot, remaining);
    if (stateManager.localAWSInfoExists(projectRoot)) {
      const localAwsInfo = stateManager.getLocalAWSInfo(projectRoot);
      delete localAwsInfo[envName];
      stateManager.setLocalAWSInfo(projectRoot, localAwsInfo);
    }
    context.session.printer.success(`✔ Successfully removed environment "${envName}" from your project.`);
  });
};
