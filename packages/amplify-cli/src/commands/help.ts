import type { CoreCommandContext } from '../cli-session';
import { printHelp } from '../output/help-view';

/** `amplify help`: core commands, then every plugin with its commands, all from manifests (no plugin code runs). */
export const run = async (context: CoreCommandContext): Promise<void> => {
  const { registry, printer } = context.session;
  printHelp(printer, registry.core.manifest, registry.all());
};
