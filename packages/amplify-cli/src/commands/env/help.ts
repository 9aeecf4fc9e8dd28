import type { CoreCommandContext } from '../../cli-session';
import { printCoreCommandHelp } from '../../output/help-view';

/** `amplify env` / `amplify env help`. */
export const run = async (context: CoreCommandContext): Promise<void> => {
  printCoreCommandHelp(context.session.printer, 'env', context.session.registry.core.manifest);
};
