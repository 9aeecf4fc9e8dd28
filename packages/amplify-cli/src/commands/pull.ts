import { AmplifyError, FileRollback, getResourceStatus, hasChanges, pathManager, stateManager, UserAbort, withProjectLock } from 'amplify-cli-core';
import type { CoreCommandContext } from '../cli-session';
import { checkoutEnv } from '../lifecycle/env/checkout-env';
import { initializeEnv } from '../lifecycle/env/initialize-env';
import { projectExeInfo } from '../lifecycle/exe-info';
import { parseHeadlessInput } from '../lifecycle/headless-input';
import { attachAppBackend } from '../lifecycle/pull/attach-app-backend';
import { attachBackend } from '../lifecycle/pull/attach-backend';
import { printStatus } from '../output/status-view';

/**
 * `amplify pull [--appId <id>] [--envName <env>] [--providers <json>] [--frontend <json>] [--yes] [--restore]`.
 * In a folder without a project, `--appId` finds the env in the project's Amplify app and brings it here. In a fresh
 * clone (no `amplify/.config/local-env-info.json`): brings the env (the only one, `--envName`, or the one picked)
 * from its deployment bucket. In an attached project: `--envName` of another env checks it out; else
 * the current env's deployed backend replaces the local one, after a confirmation when local changes would be lost.
 */
export const run = async (context: CoreCommandContext): Promise<void> => {
  const { printer, environment } = context.session;
  const headless = parseHeadlessInput(context.input.options);
  const appId = requestedAppId(context.input.options?.appId, headless.amplify.appId);
  const projectRoot = pathManager.searchProjectRootPath(environment.cwd);
  if (projectRoot === undefined || !stateManager.projectConfigExists(projectRoot)) {
    if (appId === undefined) {
      throw new AmplifyError('ProjectNotInitialized', 'amplify pull needs --appId or a clone of the project (amplify/.config/project-config.json was not found)', {
        resolution: 'Run "amplify pull --appId <appId> --envName <env>" here, or clone the project\'s repository and run "amplify pull --envName <env>" inside it',
      });
    }
    const pullRoot = environment.cwd;
    await withProjectLock(pullRoot, 'pull', async () => {
      const envName = await attachAppBackend(context, pullRoot, headless, appId);
      printer.success(`✔ Successfully pulled backend environment ${envName} from the cloud.`);
    });
    return;
  }
  if (appId !== undefined) assertSameApp(projectRoot, appId);
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

function requestedAppId(flag: unknown, fromAmplifyBlock: string | undefined): string | undefined {
  if (flag === undefined) return fromAmplifyBlock;
  if (typeof flag !== 'string' || flag === '') {
    throw new AmplifyError('InvalidInput', '--appId needs the id of the project\'s Amplify app', { resolution: 'Pass it as "amplify pull --appId <appId> --envName <env>"' });
  }
  return flag;
}

/** A project already here belongs to one Amplify app; pulling another app's env into it would mix two projects. */
function assertSameApp(projectRoot: string, appId: string): void {
  const teamProviderInfo = stateManager.getTeamProviderInfo(projectRoot, { default: {} });
  const appIds = new Set(Object.values(teamProviderInfo).map((env) => env.awscloudformation?.AmplifyAppId).filter((id) => id !== undefined));
  if (appIds.size > 0 && !appIds.has(appId)) {
    throw new AmplifyError('AppIdMismatch', `Amplify appId mismatch: this project belongs to the app ${[...appIds].join(', ')}, not ${appId}`, {
      resolution: 'Run the pull in an empty folder to bring that app\'s env there, or drop --appId to pull this project\'s envs',
    });
  }
}
