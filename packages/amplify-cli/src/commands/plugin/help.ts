import type { CoreCommandContext } from '../../cli-session';
import { printCoreCommandHelp } from '../../output/help-view';

/** `amplify plugin` / `amplify plugin help`. */
export const run = async (context: CoreCommandContext): Promise<void> => {
  printCoreCommandHelp(context.session.printer, 'plugin', context.session.registry.core.manifest);
};
