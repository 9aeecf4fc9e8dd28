import { AmplifyError, getCategoryResources, pathManager, stateManager, type AmplifyContext } from 'amplify-cli-core';
import { findAuthResource, readAuthConfig, saveAuthResource } from '../service/auth-resource';
import { GROUPS_RESOURCE_NAME } from '../service/user-pool-groups';

/**
 * `amplify remove auth [name]`: refused while another resource depends on it, and while analytics exists (its
 * Pinpoint app uses the identity pool). Removing the groups resource also clears the groups from the auth settings,
 * so the next update does not bring them back.
 */
export async function run(context: AmplifyContext): Promise<void> {
  const projectRoot = pathManager.findProjectRoot();
  const name = context.input.subCommands?.[0];
  const authName = findAuthResource(projectRoot);
  const analytics = Object.keys(getCategoryResources(stateManager.getMeta(projectRoot), 'analytics'));
  if (analytics.length > 0 && (name === undefined || name === authName)) {
    throw new AmplifyError('ResourceInUse', `Auth cannot be removed while analytics (${analytics.join(', ')}) uses it`, {
      resolution: 'Run "amplify remove analytics" first',
    });
  }
  if (name === undefined || name === authName) {
    // Their stacks do not take auth outputs, so nothing refuses the removal, but their users sign in through it.
    const users = ['api', 'storage', 'function'].filter((category) => Object.keys(getCategoryResources(stateManager.getMeta(projectRoot), category)).length > 0);
    if (users.length > 0) context.print.warning(`Resources of ${users.join(', ')} may rely on this auth resource for sign-in and permissions.`);
  }
  const removed = await context.amplify.removeResource(context, 'auth', name);
  if (removed.resourceName === GROUPS_RESOURCE_NAME && authName) {
    const { config, envParameters } = readAuthConfig(projectRoot, authName);
    await saveAuthResource(projectRoot, { config: { ...config, userPoolGroups: false, userPoolGroupList: [] }, envParameters }, 'update', context.amplify.prompter);
  }
  context.print.success(`Successfully removed resource ${removed.resourceName} locally`);
}
