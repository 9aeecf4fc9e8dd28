import { pathManager, withProjectLock } from 'amplify-cli-core';
import type { CoreCommandContext } from '../cli-session';
import { checkWritableFolders, initProject } from '../lifecycle/init/init-project';

/**
 * `amplify init [--amplify <json>] [--frontend <json>] [--providers <json>] [--categories <json>] [--envName <name>]
 * [--yes] [--forcePush] [--restore]`: creates the project here, or (in an initialised project) adds or switches to
 * an env.
 */
export const run = async (context: CoreCommandContext): Promise<void> => {
  const cwd = context.session.environment.cwd;
  const existingRoot = pathManager.searchProjectRootPath(cwd);
  if (existingRoot !== undefined && existingRoot !== cwd) {
    // Inside another project: initProject refuses at once, and a lock here would make this folder pass for a project.
    await initProject(context, 'init');
    return;
  }
  checkWritableFolders(cwd);
  // A new project is locked too, or two inits at once would each create a root stack and interleave their files;
  // the lock's folders are removed again if init fails.
  await withProjectLock(cwd, 'init', () => initProject(context, 'init'));
};
