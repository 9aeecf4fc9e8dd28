import { AmplifyError } from '../errors/amplify-error';
import { isRecord } from '../utils/is-record';
import type { AmplifyMeta, BackendConfig, ResourceMeta } from './types';

/** `amplify-meta.json` keeps provider outputs beside the categories; every resource walk must skip them. */
export const PROVIDERS_KEY = 'providers';
/** `backend-config.json` lists the env-specific parameters beside the categories (the original's parameter map). */
export const PARAMETERS_KEY = 'parameters';

const NOT_CATEGORIES = new Set([PROVIDERS_KEY, PARAMETERS_KEY]);

type ResourceMap = AmplifyMeta | BackendConfig;

/** Category names of a meta or backend-config object, in file order, without `providers` and `parameters`. */
export function categoryNames(meta: ResourceMap): string[] {
  return Object.keys(meta).filter((key) => !NOT_CATEGORIES.has(key) && isRecord(meta[key]));
}

/** The resources of one category (an empty object when the category is absent). */
export function getCategoryResources(meta: ResourceMap, category: string): Record<string, ResourceMeta> {
  if (NOT_CATEGORIES.has(category)) {
    return {};
  }
  const resources = meta[category];
  return isRecord(resources) ? (resources as Record<string, ResourceMeta>) : {};
}

export function getResourceMeta(meta: ResourceMap, category: string, resourceName: string): ResourceMeta | undefined {
  return getCategoryResources(meta, category)[resourceName];
}

/** Every resource as `[category, resourceName, entry]`, in file order. */
export function listResources(meta: ResourceMap): Array<[string, string, ResourceMeta]> {
  const result: Array<[string, string, ResourceMeta]> = [];
  for (const category of categoryNames(meta)) {
    for (const [resourceName, entry] of Object.entries(getCategoryResources(meta, category))) {
      result.push([category, resourceName, entry]);
    }
  }
  return result;
}

/** Sets `meta[category][resourceName]`, creating the category map when needed. */
export function setResourceMeta<T extends ResourceMap>(meta: T, category: string, resourceName: string, entry: ResourceMeta): void {
  const existing = meta[category];
  const resources = isRecord(existing) ? (existing as Record<string, ResourceMeta>) : {};
  resources[resourceName] = entry;
  (meta as Record<string, unknown>)[category] = resources;
}

/** Deletes `meta[category][resourceName]`, and the category when it becomes empty. Returns whether it existed. */
export function deleteResourceMeta(meta: ResourceMap, category: string, resourceName: string): boolean {
  const resources = getCategoryResources(meta, category);
  if (!(resourceName in resources)) {
    return false;
  }
  delete resources[resourceName];
  if (Object.keys(resources).length === 0) {
    delete (meta as Record<string, unknown>)[category];
  }
  return true;
}

/** `category/resource`, as messages name a resource. */
export function resourceLabel(category: string, resourceName: string): string {
  return `${category}/${resourceName}`;
}

/** The entry of a resource, or an error naming the file it is missing from. */
export function requireResource<T extends AmplifyMeta | BackendConfig>(
  meta: T,
  category: string,
  resourceName: string,
  fileLabel: string,
): ResourceMeta {
  const entry = getResourceMeta(meta, category, resourceName);
  if (!entry) {
    throw new AmplifyError('ResourceNotFound', `Resource ${resourceLabel(category, resourceName)} is not in ${fileLabel}`, {
      resolution: `Run "amplify status" to see the project's resources, or "amplify add ${category}" to create it`,
    });
  }
  return entry;
}
