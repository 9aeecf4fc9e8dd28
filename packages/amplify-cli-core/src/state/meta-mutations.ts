import { AmplifyError } from '../errors/amplify-error';
import { pathManager } from '../paths/path-manager';
import { isRecord } from '../utils/is-record';
import { removeResourceParameters } from './env-parameters';
import { deleteResourceMeta, getResourceMeta, listResources, requireResource, resourceLabel, setResourceMeta } from './meta-entries';
import { removeResourceDirectory } from './resource-folder';
import { stateManager } from './state-manager';
import type { AmplifyMeta, AwsCloudFormationProviderMeta, BackendConfig, BackendResourceConfig, DependsOn, ResourceMeta, ResourceRef } from './types';

/**
 * The `context.amplify` functions that change `amplify-meta.json` and `backend-config.json`, under the original's
 * names. Plain functions of a project root so they can be tested without a CLI context; every read is fresh from
 * disk and every write atomic. Nothing here asks the user anything.
 */

const now = (): string => new Date().toISOString();

function readMeta(projectRoot: string): AmplifyMeta {
  return stateManager.getMeta(projectRoot);
}

function readBackendConfig(projectRoot: string): BackendConfig {
  return stateManager.getBackendConfig(projectRoot, { default: {} });
}

/**
 * Keys that only make sense in meta (deployment and build bookkeeping, and `s3Bucket`, where the provider last put
 * a resource's packaged code in this env); backend-config never holds them. `output` is not one of them:
 * categories keep desired settings there too (the API's `output.authConfig`).
 */
const META_ONLY_KEYS = new Set([
  'providerMetadata',
  's3Bucket',
  'lastPushTimeStamp',
  'lastPushDirHash',
  'lastBuildTimeStamp',
  'lastBuildType',
  'lastPackageTimeStamp',
  'distZipFilename',
]);

function toBackendConfigEntry(entry: ResourceMeta): BackendResourceConfig {
  const result: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(entry)) {
    if (!META_ONLY_KEYS.has(k)) result[k] = v;
  }
  return result as BackendResourceConfig;
}

/**
 * Throws when giving resource `category/resourceName` the edges `dependsOn` would close a cycle in the dependency
 * graph of `meta`. The resource's own edges are taken from `dependsOn`, not from meta, so the check works for an
 * add and for a replacement of the edges alike.
 */
function assertNoDependencyCycle(meta: AmplifyMeta, category: string, resourceName: string, dependsOn: DependsOn[]): void {
  const start = resourceLabel(category, resourceName);
  const edges = (ref: ResourceRef): ResourceRef[] =>
    resourceLabel(ref.category, ref.resourceName) === start
      ? dependsOn
      : (getResourceMeta(meta, ref.category, ref.resourceName)?.dependsOn ?? []);
  // Depth-first walk from the resource; reaching it again means a cycle. Each stack entry is the path so far.
  const seen = new Set<string>();
  const stack: ResourceRef[][] = dependsOn.map((d) => [{ category, resourceName }, d]);
  while (stack.length > 0) {
    const chain = stack.pop()!;
    const last = chain[chain.length - 1];
    const label = resourceLabel(last.category, last.resourceName);
    if (label === start) {
      const description = chain.map((r) => resourceLabel(r.category, r.resourceName)).join(' -> ');
      throw new AmplifyError('CyclicDependency', `Resource ${start} would depend on itself: ${description}`, {
        resolution: 'Remove one of these dependencies from the resource',
      });
    }
    if (seen.has(label)) continue;
    seen.add(label);
    for (const next of edges(last)) stack.push([...chain, next]);
  }
}

/**
 * Records a new resource in amplify-meta.json (and its env-independent part in backend-config.json). A resource
 * already in meta is an error: plugins must update, not re-add.
 */
export function updateamplifyMetaAfterResourceAdd(
  projectRoot: string,
  category: string,
  resourceName: string,
  metadata: ResourceMeta,
  backendConfig?: BackendResourceConfig,
): AmplifyMeta {
  const meta = readMeta(projectRoot);
  if (getResourceMeta(meta, category, resourceName)) {
    throw new AmplifyError('ResourceAlreadyExists', `Resource ${resourceLabel(category, resourceName)} already exists`, {
      resolution: `Choose another name, or run "amplify update ${category}" to change the existing one`,
    });
  }
  if (metadata.dependsOn && metadata.dependsOn.length > 0) {
    assertNoDependencyCycle(meta, category, resourceName, metadata.dependsOn);
  }
  setResourceMeta(meta, category, resourceName, metadata);
  stateManager.setMeta(projectRoot, meta);
  updateBackendConfigAfterResourceAdd(projectRoot, category, resourceName, backendConfig ?? toBackendConfigEntry(metadata));
  return meta;
}

function mergeAttribute(target: Record<string, unknown>, attribute: string, value: unknown): void {
  const existing = target[attribute];
  target[attribute] = isRecord(existing) && isRecord(value) ? { ...existing, ...value } : value;
}

/**
 * Sets one attribute of a resource: objects are merged into the existing object, other values replace it.
 * `dependsOn` and `service` are mirrored into backend-config.json.
 *
 * Deliberate difference: the original also stamped `lastPushTimeStamp` here, which made an edited but never
 * pushed resource look deployed; only a push records a push time in this implementation.
 */
export function updateamplifyMetaAfterResourceUpdate(
  projectRoot: string,
  category: string,
  resourceName: string,
  attribute: string,
  value: unknown,
): AmplifyMeta {
  const meta = readMeta(projectRoot);
  const entry = requireResource(meta, category, resourceName, 'amplify-meta.json');
  if (attribute === 'dependsOn' && Array.isArray(value)) {
    assertNoDependencyCycle(meta, category, resourceName, value as DependsOn[]);
  }
  mergeAttribute(entry, attribute, value);
  stateManager.setMeta(projectRoot, meta);
  if (attribute === 'dependsOn' || attribute === 'service') {
    const backendConfig = readBackendConfig(projectRoot);
    const configEntry = getResourceMeta(backendConfig, category, resourceName);
    if (configEntry) {
      mergeAttribute(configEntry, attribute, value);
      stateManager.setBackendConfig(projectRoot, backendConfig);
    }
  }
  return meta;
}

function updateResourceEntry(projectRoot: string, ref: ResourceRef, change: (entry: ResourceMeta) => void): AmplifyMeta {
  const meta = readMeta(projectRoot);
  change(requireResource(meta, ref.category, ref.resourceName, 'amplify-meta.json'));
  stateManager.setMeta(projectRoot, meta);
  return meta;
}

/** Records that a resource (a function) was built. */
export function updateamplifyMetaAfterBuild(projectRoot: string, resource: ResourceRef, buildType?: string): AmplifyMeta {
  return updateResourceEntry(projectRoot, resource, (entry) => {
    entry.lastBuildTimeStamp = now();
    if (buildType !== undefined) entry.lastBuildType = buildType;
  });
}

/** Records the zip a resource (a function) was packaged into. */
export function updateAmplifyMetaAfterPackage(projectRoot: string, resource: ResourceRef, zipFilename: string): AmplifyMeta {
  return updateResourceEntry(projectRoot, resource, (entry) => {
    entry.lastPackageTimeStamp = now();
    entry.distZipFilename = zipFilename;
  });
}

/** Shallow-assigns `values` into `meta.providers[providerName]`. */
export function updateProvideramplifyMeta(
  projectRoot: string,
  providerName: string,
  values: AwsCloudFormationProviderMeta,
): AmplifyMeta {
  const meta = readMeta(projectRoot);
  const providers = meta.providers ?? {};
  providers[providerName] = { ...providers[providerName], ...values };
  meta.providers = providers;
  stateManager.setMeta(projectRoot, meta);
  return meta;
}

export function updateBackendConfigAfterResourceAdd(
  projectRoot: string,
  category: string,
  resourceName: string,
  config: BackendResourceConfig,
): BackendConfig {
  const backendConfig = readBackendConfig(projectRoot);
  setResourceMeta(backendConfig, category, resourceName, config);
  stateManager.setBackendConfig(projectRoot, backendConfig);
  return backendConfig;
}

/** Sets one attribute of a resource in backend-config.json (objects merged, as in meta). */
export function updateBackendConfigAfterResourceUpdate(
  projectRoot: string,
  category: string,
  resourceName: string,
  attribute: string,
  value: unknown,
): BackendConfig {
  const backendConfig = readBackendConfig(projectRoot);
  mergeAttribute(requireResource(backendConfig, category, resourceName, 'backend-config.json'), attribute, value);
  stateManager.setBackendConfig(projectRoot, backendConfig);
  return backendConfig;
}

export function updateBackendConfigAfterResourceRemove(projectRoot: string, category: string, resourceName: string): BackendConfig {
  const backendConfig = readBackendConfig(projectRoot);
  if (deleteResourceMeta(backendConfig, category, resourceName)) {
    stateManager.setBackendConfig(projectRoot, backendConfig);
  }
  return backendConfig;
}

/** Resources (other than `target`) whose `dependsOn` names it. */
export function findDependents(meta: AmplifyMeta, target: ResourceRef): string[] {
  return listResources(meta)
    .filter(
      ([category, resourceName, entry]) =>
        !(category === target.category && resourceName === target.resourceName) &&
        (entry.dependsOn ?? []).some((d) => d.category === target.category && d.resourceName === target.resourceName),
    )
    .map(([category, resourceName]) => resourceLabel(category, resourceName));
}

/**
 * Deletes a resource from the project: its meta and backend-config entries, its parameters in `envName` (when the
 * project has an env) and its folder. It stays in `#current-cloud-backend` until a push deletes it from the cloud.
 */
export function deleteResourceFromProject(projectRoot: string, ref: ResourceRef, envName: string | undefined): void {
  const { category, resourceName } = ref;
  const meta = readMeta(projectRoot);
  deleteResourceMeta(meta, category, resourceName);
  stateManager.setMeta(projectRoot, meta);
  updateBackendConfigAfterResourceRemove(projectRoot, category, resourceName);
  if (envName) {
    removeResourceParameters(projectRoot, category, resourceName, envName);
  }
  removeResourceDirectory(pathManager.getResourceDirectoryPath(projectRoot, category, resourceName));
}
