import { AmplifyError, FileRollback, getResourceStatus, hasChanges, pathManager, stateManager, UserAbort, withProjectLock } from 'amplify-cli-core';
import type { CoreCommandContext } from '../cli-session';
import { checkoutEnv } from '../lifecycle/env/checkout-env';
import { initializeEnv } from '../lifecycle/env/initialize-env';
import { projectExeInfo } from '../lifecycle/exe-info';
import { parseHeadlessInput } from '../lifecycle/headless-input';
import { attachBackend } from '../lifecycle/pull/attach-backend';
import { printStatus } from '../output/status-view';

/**
 * `amplify pull [--envName <env>] [--providers <json>] [--yes] [--restore]`.
 * In a fresh clone (no `amplify/.config/local-env-info.json`): brings the env (the only one, `--envName`, or the
 * one picked) from its deployment bucket. In an attached project: `--envName` of another env checks it out; else
 * the current env's deployed backend replaces the local one, after a confirmation when local changes would be lost.
 */
export const run = async (context: CoreCommandContext): Promise<void> => {
  const { printer, environment } = context.session;
  const headless = parseHeadlessInput(context.input.options);
  if (context.input.options?.appId !== undefined || headless.amplify.appId !== undefined) {
    throw new AmplifyError('AppIdNotSupported', '--appId names an Amplify Console app, which this amplify does not use', {
      resolution: 'Run "amplify pull --envName <env>" in a clone of the project; its team-provider-info.json names the env\'s stack',
    });
  }
  const projectRoot = pathManager.searchProjectRootPath(environment.cwd);
  if (projectRoot === undefined || !stateManager.projectConfigExists(projectRoot)) {
    throw new AmplifyError('ProjectNotInitialized', 'amplify pull needs a clone of the project (amplify/.config/project-config.json was not found)', {
      resolution: 'Clone the project\'s repository and run "amplify pull --envName <env>" inside it, or run "amplify init" for a new project',
    });
  }
  await withProjectLock(projectRoot, 'pull', async () => {
    const current = stateManager.getLocalEnvInfo(projectRoot, { throwIfNotExist: false })?.envName;
    if (!current) {
      const envName = await attachBackend(context, projectRoot, headless);
      printer.success(`✔ Successfully pulled backend environment ${envName} from the cloud.`);
      return;
    }
    const requested = headless.amplify.envName;
    if (requested !== undefined && requested !== current) {
      await checkoutEnv(context, projectRoot, requested, true, headless);
      printer.success(`✔ Successfully pulled backend environment ${requested} from the cloud.`);
      return;
    }
    printer.info('Pre-pull status:');
    const before = getResourceStatus(projectRoot);
    printStatus(printer, before, current);
    if (hasChanges(before) && !headless.yes) {
      printer.warning('Local changes to the backend will be overwritten by the deployed version.');
      const proceed = await context.amplify.prompter.confirm({ message: 'Are you sure you would like to continue?', default: false, flag: '--yes' });
      if (!proceed) throw new UserAbort('Pull cancelled; commit or push your local changes first.');
    }
    projectExeInfo(context, projectRoot, headless);
    await new FileRollback()
      .keepFile(pathManager.getAmplifyMetaFilePath(projectRoot))
      .keepDir(pathManager.getBackendDirPath(projectRoot))
      .keepDir(pathManager.getCurrentCloudBackendDirPath(projectRoot))
      .guard(() => initializeEnv(context, { projectRoot, envName: current, restore: true }));
    printer.info('Post-pull status:');
    printStatus(printer, getResourceStatus(projectRoot), current);
    printer.success(`✔ Successfully pulled backend environment ${current} from the cloud.`);
  });
};
