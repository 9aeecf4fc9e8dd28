import { FileRollback, pathManager, stateManager, withProjectLock } from 'amplify-cli-core';
import type { CoreCommandContext } from '../../cli-session';
import { initializeEnv } from '../../lifecycle/env/initialize-env';
import { projectExeInfo } from '../../lifecycle/exe-info';
import { parseHeadlessInput } from '../../lifecycle/headless-input';

/** `amplify env pull [--restore]`: the current env's deployed state from the cloud, without pushing. */
export const run = async (context: CoreCommandContext): Promise<void> => {
  const projectRoot = pathManager.findProjectRoot(context.session.environment.cwd);
  const restore = context.input.options?.restore === true;
  await withProjectLock(projectRoot, 'env pull', async () => {
    const envName = stateManager.getCurrentEnvName(projectRoot);
    projectExeInfo(context, projectRoot, parseHeadlessInput(context.input.options));
    const rollback = new FileRollback()
      .keepFile(pathManager.getAmplifyMetaFilePath(projectRoot))
      .keepDir(pathManager.getCurrentCloudBackendDirPath(projectRoot));
    if (restore) rollback.keepDir(pathManager.getBackendDirPath(projectRoot));
    await rollback.guard(() => initializeEnv(context, { projectRoot, envName, restore }));
    context.session.printer.success(`✔ Successfully pulled backend environment ${envName} from the cloud.`);
  });
};
