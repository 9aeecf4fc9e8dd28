import { pathManager, stateManager } from 'amplify-cli-core';
import type { CoreCommandContext } from '../cli-session';
import { parseHeadlessInput } from '../lifecycle/headless-input';
import { projectExeInfo } from '../lifecycle/exe-info';
import { openInBrowser } from '../lifecycle/open-in-browser';
import { callPlugin, providerPlugin } from '../lifecycle/project-plugins';

/** `amplify console`: prints where to look at the current env (its provider prints the URL); a browser opens on a TTY only. */
export const run = async (context: CoreCommandContext): Promise<void> => {
  const { environment } = context.session;
  const projectRoot = pathManager.findProjectRoot(environment.cwd);
  projectExeInfo(context, projectRoot, parseHeadlessInput(context.input.options));
  for (const name of stateManager.getProjectConfig(projectRoot).providers) {
    const url = await callPlugin(providerPlugin(context, name), 'console', context);
    if (typeof url === 'string') openInBrowser(url, environment);
  }
};
