import type { CoreCommandContext } from '../../cli-session';
import { reportProblems } from '../../output/problems-view';

/** `amplify plugin scan`: a forced rescan of every plugin folder. */
export const run = async (context: CoreCommandContext): Promise<void> => {
  const { registry, printer } = context.session;
  const cache = registry.rescan();
  reportProblems(printer, cache.problems);
  printer.success(`Plugin scan successful: ${registry.all().length} plugins besides the core.`);
};
