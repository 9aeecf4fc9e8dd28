import type { CoreCommandContext } from '../cli-session';

/** `amplify version` / `-v`: the CLI package's version. */
export const run = async (context: CoreCommandContext): Promise<void> => {
  context.session.printer.info(context.session.cliPackage.version);
};
