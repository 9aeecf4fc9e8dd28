import { pathManager, stateManager } from 'amplify-cli-core';
import type { CoreCommandContext } from '../cli-session';
import { parseHeadlessInput } from '../lifecycle/headless-input';
import { callPlugin, frontendPlugin } from '../lifecycle/project-plugins';
import { pushProject } from '../lifecycle/push/push-project';

/** `amplify run` (alias `serve`): push what changed, then the frontend's start command. */
export const run = async (context: CoreCommandContext): Promise<void> => {
  const headless = parseHeadlessInput(context.input.options);
  const projectRoot = pathManager.findProjectRoot(context.session.environment.cwd);
  await pushProject(context, { projectRoot, yes: headless.yes, force: false, headless });
  await callPlugin(frontendPlugin(context, stateManager.getProjectConfig(projectRoot).frontend), 'run', context);
};
