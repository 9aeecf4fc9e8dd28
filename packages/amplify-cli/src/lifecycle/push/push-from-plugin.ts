import { AmplifyContext, AmplifyFault, pathManager, ResourceRef } from 'amplify-cli-core';
import type { CoreCommandContext } from '../../cli-session';
import { parseHeadlessInput } from '../headless-input';
import { pushProject } from './push-project';

function isCoreCommandContext(context: AmplifyContext): context is CoreCommandContext {
  return typeof (context as Partial<CoreCommandContext>).session === 'object';
}

/**
 * `context.amplify.pushResources(context, category?, resourceName?, filteredResources?)` as category plugins call
 * it (`amplify <category> push [name]` of a plugin that declares `push`): the core push, filtered, with the
 * command's `--yes`, `--force` and `--sync`. Resolves true when something was deployed (a provider reporting that
 * the cloud already matched does not count). Meant to back the platform
 * toolkit's `pushResources` (loaded lazily from there); every context the CLI builds carries its session.
 */
export async function pushFromPlugin(
  context: AmplifyContext,
  category?: string,
  resourceName?: string,
  filteredResources?: ResourceRef[],
): Promise<boolean> {
  if (!isCoreCommandContext(context)) {
    throw new AmplifyFault('ContextWithoutSession', 'context.amplify.pushResources was called with a context the amplify CLI did not create');
  }
  const headless = parseHeadlessInput(context.input.options);
  const outcome = await pushProject(context, {
    projectRoot: pathManager.findProjectRoot(context.session.environment.cwd),
    category,
    resourceName,
    filteredResources,
    yes: headless.yes,
    force: context.input.options?.force === true,
    sync: context.input.options?.sync === true,
    headless,
  });
  return outcome.type === 'pushed' && outcome.cloudChanged;
}
