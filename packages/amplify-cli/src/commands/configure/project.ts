import { pathManager } from 'amplify-cli-core';
import type { CoreCommandContext } from '../../cli-session';
import { configureProject } from '../../lifecycle/configure/configure-project';
import { parseHeadlessInput } from '../../lifecycle/headless-input';

/** `amplify configure project [--amplify <json>] [--frontend <json>] [--providers <json>] [--yes]`. */
export const run = async (context: CoreCommandContext): Promise<void> => {
  const projectRoot = pathManager.findProjectRoot(context.session.environment.cwd);
  await configureProject(context, projectRoot, parseHeadlessInput(context.input.options));
};
