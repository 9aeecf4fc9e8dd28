import { pathManager, withProjectLock } from 'amplify-cli-core';
import type { CoreCommandContext } from '../../cli-session';
import { checkWritableFolders, initProject } from '../../lifecycle/init/init-project';

/** `amplify env add [--envName <name>] [--providers <json>] [--yes]`: a new env (its own root stack) of this project. */
export const run = async (context: CoreCommandContext): Promise<void> => {
  const projectRoot = pathManager.findProjectRoot(context.session.environment.cwd);
  checkWritableFolders(projectRoot);
  await withProjectLock(projectRoot, 'env add', () => initProject(context, 'env-add'));
};
