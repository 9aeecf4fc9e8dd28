import { checkProjectFiles, pathManager } from 'amplify-cli-core';
import type { CoreCommandContext } from '../cli-session';
import { parseHeadlessInput } from '../lifecycle/headless-input';
import { pushProject } from '../lifecycle/push/push-project';

/**
 * `amplify push [category] [resource] [--yes] [--force] [--sync]`: deploy what changed since the last push; `--sync`
 * first fetches the env's deployed backend, to compare with what another machine may have pushed.
 */
export const run = async (context: CoreCommandContext): Promise<void> => {
  const headless = parseHeadlessInput(context.input.options);
  const [category, resourceName] = context.input.subCommands ?? [];
  const projectRoot = pathManager.findProjectRoot(context.session.environment.cwd);
  checkProjectFiles(projectRoot);
  await pushProject(context, {
    projectRoot,
    category,
    resourceName,
    yes: headless.yes,
    force: context.input.options?.force === true,
    sync: context.input.options?.sync === true,
    headless,
  });
};
