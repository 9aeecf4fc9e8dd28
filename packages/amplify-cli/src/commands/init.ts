import { pathManager, withProjectLock } from 'amplify-cli-core';
import type { CoreCommandContext } from '../cli-session';
import { initProject } from '../lifecycle/init/init-project';

/**
 * `amplify init [--amplify <json>] [--frontend <json>] [--providers <json>] [--categories <json>] [--envName <name>]
 * [--yes] [--forcePush] [--restore]`: creates the project here, or (in an initialised project) adds or switches to
 * an env.
 */
export const run = async (context: CoreCommandContext): Promise<void> => {
  const cwd = context.session.environment.cwd;
  // A new project has no amplify/.config yet to hold the lock (and must not be left with one if init fails).
  if (pathManager.searchProjectRootPath(cwd) === cwd) {
    await withProjectLock(cwd, 'init', () => initProject(context, 'init'));
  } else {
    await initProject(context, 'init');
  }
};
