import { pathManager, ResourceRef } from 'amplify-cli-core';
import type { CoreCommandContext } from '../../cli-session';
import { parseHeadlessInput } from '../headless-input';
import { pushProject } from './push-project';

/**
 * `context.amplify.pushResources(context, category?, resourceName?, filteredResources?)` as category plugins call
 * it (`amplify <category> push [name]`): the core push, filtered, with the command's `--yes` and `--force`.
 * Resolves true when something was deployed.
 */
export async function pushFromPlugin(
  context: CoreCommandContext,
  category?: string,
  resourceName?: string,
  filteredResources?: ResourceRef[],
): Promise<boolean> {
  const headless = parseHeadlessInput(context.input.options);
  const outcome = await pushProject(context, {
    projectRoot: pathManager.findProjectRoot(context.session.environment.cwd),
    category,
    resourceName,
    filteredResources,
    yes: headless.yes,
    force: context.input.options?.force === true,
    headless,
  });
  return outcome.type === 'pushed';
}
