import { AmplifyError, categoryNames, pathManager, stateManager } from 'amplify-cli-core';
import type { CoreCommandContext } from '../cli-session';
import { parseHeadlessInput } from '../lifecycle/headless-input';
import { callPlugin, frontendPlugin } from '../lifecycle/project-plugins';
import { pushProject } from '../lifecycle/push/push-project';
import { categoriesWithVerb } from '../routing/resolve-command';

/** The next step, naming only commands that exist in this installation. */
function hostingAdvice(context: CoreCommandContext): string {
  if (categoriesWithVerb(context.session.registry.all(), 'add').some((info) => info.manifest.name === 'hosting')) {
    return 'Add hosting with "amplify add hosting", then run "amplify publish" again';
  }
  return 'No hosting plugin is installed: deploy the backend with "amplify push" and serve the app with "amplify run" (see "amplify plugin list")';
}

/**
 * `amplify publish [--yes] [--force] [-c|--invalidateCloudFront]`: push, then the frontend builds the app and
 * publishes it through the project's hosting. A failed build or upload exits non-zero.
 */
export const run = async (context: CoreCommandContext): Promise<void> => {
  const headless = parseHeadlessInput(context.input.options);
  const projectRoot = pathManager.findProjectRoot(context.session.environment.cwd);
  if (!categoryNames(stateManager.getMeta(projectRoot, { default: {} })).includes('hosting')) {
    throw new AmplifyError('HostingNotConfigured', 'There is nothing to publish to: the project has no hosting resource', {
      resolution: hostingAdvice(context),
    });
  }
  await pushProject(context, { projectRoot, yes: headless.yes, force: context.input.options?.force === true, headless });
  await callPlugin(frontendPlugin(context, stateManager.getProjectConfig(projectRoot).frontend), 'publish', context);
};
