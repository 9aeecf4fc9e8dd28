import { AmplifyError, UserAbort } from '../errors/amplify-error';
import type { Prompter } from '../prompts/prompter';
import { getCategoryResources, requireResource, resourceLabel } from '../state/meta-entries';
import { deleteResourceFromProject, findDependents } from '../state/meta-mutations';
import { stateManager } from '../state/state-manager';

export interface RemoveResourceOptions {
  category: string;
  /** Picked interactively (or an error naming `flag`) when omitted. */
  resourceName?: string;
  /** Skip the confirmation. */
  yes?: boolean;
  prompter: Prompter;
  /** Env whose parameters are dropped; the current env by default (none when the project has no env yet). */
  envName?: string;
  /** Told which resource was taken when the category has only one, so the user sees what will go. */
  info?: (message: string) => void;
}

export interface RemovedResource {
  category: string;
  resourceName: string;
  service: string;
}

/**
 * Removes a resource from the project: picks it when no name is given, refuses while another resource depends on
 * it, confirms unless `yes`, then deletes it from meta, backend-config and the env parameters and deletes its
 * folder. It stays in `#current-cloud-backend` until the next push deletes it from the cloud.
 */
export async function removeResource(projectRoot: string, options: RemoveResourceOptions): Promise<RemovedResource> {
  const { category, prompter } = options;
  const meta = stateManager.getMeta(projectRoot);
  const resources = getCategoryResources(meta, category);
  const names = Object.keys(resources);
  if (names.length === 0) {
    throw new AmplifyError('ResourceNotFound', `No ${category} resource in this project`, {
      resolution: `Run "amplify add ${category}" to create one, or "amplify status" to see what exists`,
    });
  }
  const resourceName = options.resourceName ?? (await chooseResource(category, names, options));
  const entry = requireResource(meta, category, resourceName, 'amplify-meta.json');

  const dependents = findDependents(meta, { category, resourceName });
  if (dependents.length > 0) {
    throw new AmplifyError(
      'ResourceInUse',
      `Resource ${resourceLabel(category, resourceName)} cannot be removed: ${dependents.join(', ')} depend${dependents.length === 1 ? 's' : ''} on it`,
      { resolution: 'Remove the dependent resources, or update them not to use it, first' },
    );
  }

  if (!options.yes) {
    const confirmed = await prompter.confirm({
      message: `Are you sure you want to delete the resource ${resourceName}? This deletes all its files from your backend folder`,
      default: true,
      flag: '--yes',
    });
    if (!confirmed) {
      throw new UserAbort(`Resource ${resourceLabel(category, resourceName)} was not removed.`);
    }
  }

  const envName = options.envName ?? stateManager.getLocalEnvInfo(projectRoot, { throwIfNotExist: false })?.envName;
  deleteResourceFromProject(projectRoot, { category, resourceName }, envName);
  return { category, resourceName, service: entry.service };
}

/** A one-item picker is a question without a choice: the only resource is taken and named, as the original does. */
async function chooseResource(category: string, names: string[], options: RemoveResourceOptions): Promise<string> {
  if (names.length === 1) {
    const [only] = names;
    options.info?.(`Only one ${category} resource in this project, selecting ${only}.`);
    return only;
  }
  return options.prompter.pick<string>({
    message: 'Choose the resource you would want to remove',
    choices: names,
    flag: `the resource name (amplify remove ${category} <name>)`,
  });
}
