import * as fs from 'fs';
import * as path from 'path';
import { AmplifyError, UserAbort } from '../errors/amplify-error';
import { pathManager } from '../paths/path-manager';
import type { Prompter } from '../prompts/prompter';
import { hashDirectory } from '../status/hash-directory';
import { writeFileAtomic } from './json-file';
import {
  deleteResourceMeta,
  getCategoryResources,
  getResourceMeta,
  isRecord,
  listResources,
  setResourceMeta,
} from './meta-entries';
import { stateManager } from './state-manager';
import type {
  AmplifyMeta,
  AwsCloudFormationProviderMeta,
  BackendConfig,
  BackendResourceConfig,
  DependsOn,
  EnvResourceParameters,
  ResourceMeta,
  ResourceRef,
} from './types';

/**
 * The `context.amplify` functions that change `amplify-meta.json`, `backend-config.json` and the env parameters,
 * under the original's names (reference §1.6). Plain functions of a project root so they can be tested without a
 * CLI context; every read is fresh from disk and every write atomic.
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

function resourceLabel(category: string, resourceName: string): string {
  return `${category}/${resourceName}`;
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

function requireResource<T extends AmplifyMeta | BackendConfig>(
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

/**
 * Sets one attribute of a resource: objects are merged into the existing object, other values replace it.
 * `dependsOn` and `service` are mirrored into backend-config.json.
 *
 * Deliberate difference: the original also stamped `lastPushTimeStamp` here, which made an edited but never
 * pushed resource look deployed (reference §7); only a push records a push time in this implementation.
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

/**
 * After a deleted resource has been removed from the cloud: drops it from the `#current-cloud-backend` meta and
 * removes its last deployed folder, so status stops reporting it.
 */
export function updateamplifyMetaAfterResourceDelete(projectRoot: string, category: string, resourceName: string): void {
  const currentMeta = stateManager.getCurrentMeta(projectRoot, { default: {} });
  if (deleteResourceMeta(currentMeta, category, resourceName)) {
    stateManager.setCurrentMeta(projectRoot, currentMeta);
  }
  removeResourceDirectory(pathManager.getCurrentCloudResourceDirectoryPath(projectRoot, category, resourceName));
}

/** Deletes a resource folder, and its category folder when that is left empty. */
function removeResourceDirectory(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
  const categoryDir = path.dirname(dir);
  if (fs.existsSync(categoryDir) && fs.readdirSync(categoryDir).length === 0) {
    fs.rmdirSync(categoryDir);
  }
}

/**
 * Copies a resource folder over its deployed copy, replacing whatever was there. `node_modules` folders are left
 * out: they are never part of what status compares, and the deployed copy is zipped and uploaded on every push.
 */
function replaceDirectory(source: string, target: string): void {
  fs.rmSync(target, { recursive: true, force: true });
  if (fs.existsSync(source)) {
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.cpSync(source, target, {
      recursive: true,
      verbatimSymlinks: true,
      filter: (from) => path.basename(from) !== 'node_modules',
    });
  }
}

function copyFileIfExists(source: string, target: string): void {
  if (fs.existsSync(source)) {
    writeFileAtomic(target, fs.readFileSync(source));
  }
}

/**
 * After a successful push: stamps each pushed resource with the push time and the hash of its folder, then makes
 * `#current-cloud-backend` match what was deployed — each resource folder (wiped first, so files deleted locally
 * disappear there too), amplify-meta.json, backend-config.json and tags.json.
 */
export function updateamplifyMetaAfterPush(projectRoot: string, resources: ResourceRef[]): AmplifyMeta {
  const meta = readMeta(projectRoot);
  const pushedAt = now();
  for (const { category, resourceName } of resources) {
    const entry = getResourceMeta(meta, category, resourceName);
    if (!entry) continue;
    const dir = pathManager.getResourceDirectoryPath(projectRoot, category, resourceName);
    entry.lastPushTimeStamp = pushedAt;
    const dirHash = hashDirectory(dir);
    if (dirHash !== undefined) entry.lastPushDirHash = dirHash;
  }
  stateManager.setMeta(projectRoot, meta);

  for (const { category, resourceName } of resources) {
    if (!getResourceMeta(meta, category, resourceName)) continue;
    replaceDirectory(
      pathManager.getResourceDirectoryPath(projectRoot, category, resourceName),
      pathManager.getCurrentCloudResourceDirectoryPath(projectRoot, category, resourceName),
    );
  }
  copyFileIfExists(pathManager.getAmplifyMetaFilePath(projectRoot), pathManager.getCurrentAmplifyMetaFilePath(projectRoot));
  copyFileIfExists(pathManager.getBackendConfigFilePath(projectRoot), pathManager.getCurrentBackendConfigFilePath(projectRoot));
  copyFileIfExists(pathManager.getTagsConfigFilePath(projectRoot), pathManager.getCurrentTagsConfigFilePath(projectRoot));
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

/** Env-specific parameters of a resource: `team-provider-info[env].categories[category][resource]` (`{}` if none). */
export function loadEnvResourceParameters(
  projectRoot: string,
  category: string,
  resourceName: string,
  envName: string = stateManager.getCurrentEnvName(projectRoot),
): EnvResourceParameters {
  const teamProviderInfo = stateManager.getTeamProviderInfo(projectRoot, { default: {} });
  return teamProviderInfo[envName]?.categories?.[category]?.[resourceName] ?? {};
}

/** Replaces the env-specific parameters of a resource for one env (the current one by default). */
export function saveEnvResourceParameters(
  projectRoot: string,
  category: string,
  resourceName: string,
  parameters: EnvResourceParameters,
  envName: string = stateManager.getCurrentEnvName(projectRoot),
): void {
  const teamProviderInfo = stateManager.getTeamProviderInfo(projectRoot, { default: {} });
  const env = (teamProviderInfo[envName] ??= {});
  const categories = (env.categories ??= {});
  const resources = (categories[category] ??= {});
  resources[resourceName] = parameters;
  stateManager.setTeamProviderInfo(projectRoot, teamProviderInfo);
}

/** Drops a resource's env-specific parameters for one env (the current one by default). */
export function removeResourceParameters(
  projectRoot: string,
  category: string,
  resourceName: string,
  envName: string = stateManager.getCurrentEnvName(projectRoot),
): void {
  const teamProviderInfo = stateManager.getTeamProviderInfo(projectRoot, { throwIfNotExist: false });
  const resources = teamProviderInfo?.[envName]?.categories?.[category];
  if (!teamProviderInfo || !resources || !(resourceName in resources)) return;
  delete resources[resourceName];
  if (Object.keys(resources).length === 0) delete teamProviderInfo[envName].categories![category];
  stateManager.setTeamProviderInfo(projectRoot, teamProviderInfo);
}

export interface ProviderOutputs {
  metadata: AwsCloudFormationProviderMeta | undefined;
  serviceResourceMapping: Record<string, ResourceMeta[]>;
}

export interface ResourceOutputs {
  outputsByProvider: Record<string, ProviderOutputs>;
  outputsByCategory: Record<string, Record<string, Record<string, unknown>>>;
  serviceResourceMapping: Record<string, ResourceMeta[]>;
  /** What frontends receive: the awscloudformation provider's view. */
  outputsForFrontend: ProviderOutputs & { testMode: boolean };
}

/**
 * Outputs of deployed resources (reference §6.1): only resources that have both `output` and `lastPushTimeStamp`
 * count. Resources are grouped by provider and service (what frontend config generators dispatch on) and by category.
 */
export function getResourceOutputs(meta: AmplifyMeta): ResourceOutputs {
  const outputsByProvider: Record<string, ProviderOutputs> = {};
  const outputsByCategory: Record<string, Record<string, Record<string, unknown>>> = {};
  for (const provider of Object.keys(meta.providers ?? {})) {
    outputsByProvider[provider] = { metadata: meta.providers?.[provider], serviceResourceMapping: {} };
  }
  for (const [category, resourceName, entry] of listResources(meta)) {
    if (!entry.output || !entry.lastPushTimeStamp) continue;
    const provider = (outputsByProvider[entry.providerPlugin] ??= {
      metadata: meta.providers?.[entry.providerPlugin],
      serviceResourceMapping: {},
    });
    // Frontend config generators read the resource's name from its entry (an API's name, a function's), as in the
    // original; the entry is copied so that the caller's meta is not changed.
    (provider.serviceResourceMapping[entry.service] ??= []).push({ ...entry, resourceName });
    (outputsByCategory[category] ??= {})[resourceName] = { ...entry.output, service: entry.service };
  }
  const cloudformation = outputsByProvider.awscloudformation ?? { metadata: undefined, serviceResourceMapping: {} };
  return {
    outputsByProvider,
    outputsByCategory,
    serviceResourceMapping: cloudformation.serviceResourceMapping,
    outputsForFrontend: { ...cloudformation, testMode: false },
  };
}

export interface RemoveResourceOptions {
  category: string;
  /** Picked interactively (or an error naming `flag`) when omitted. */
  resourceName?: string;
  /** Skip the confirmation. */
  yes?: boolean;
  prompter: Prompter;
  /** Env whose parameters are dropped; the current env by default (none when the project has no env yet). */
  envName?: string;
}

export interface RemovedResource {
  category: string;
  resourceName: string;
  service: string;
}

/** Resources (other than `target`) whose `dependsOn` names it. */
function findDependents(meta: AmplifyMeta, target: ResourceRef): string[] {
  return listResources(meta)
    .filter(
      ([category, resourceName, entry]) =>
        !(category === target.category && resourceName === target.resourceName) &&
        (entry.dependsOn ?? []).some((d) => d.category === target.category && d.resourceName === target.resourceName),
    )
    .map(([category, resourceName]) => resourceLabel(category, resourceName));
}

/**
 * Removes a resource from the project: picks it when no name is given, refuses while another resource depends on
 * it, confirms unless `yes`, then deletes it from meta, backend-config and the env parameters and deletes its
 * folder. It stays in `#current-cloud-backend` until the next push deletes it from the cloud.
 */
export async function removeResource(projectRoot: string, options: RemoveResourceOptions): Promise<RemovedResource> {
  const { category, prompter } = options;
  const meta = readMeta(projectRoot);
  const resources = getCategoryResources(meta, category);
  const names = Object.keys(resources);
  if (names.length === 0) {
    throw new AmplifyError('ResourceNotFound', `No ${category} resource in this project`, {
      resolution: `Run "amplify add ${category}" to create one, or "amplify status" to see what exists`,
    });
  }
  const resourceName =
    options.resourceName ??
    (await prompter.pick<string>({
      message: 'Choose the resource you would want to remove',
      choices: names,
      flag: `the resource name (amplify remove ${category} <name>)`,
    }));
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
      default: false,
      flag: '--yes',
    });
    if (!confirmed) {
      throw new UserAbort(`Resource ${resourceLabel(category, resourceName)} was not removed.`);
    }
  }

  deleteResourceMeta(meta, category, resourceName);
  stateManager.setMeta(projectRoot, meta);
  updateBackendConfigAfterResourceRemove(projectRoot, category, resourceName);
  const envName =
    options.envName ?? stateManager.getLocalEnvInfo(projectRoot, { throwIfNotExist: false })?.envName;
  if (envName) {
    removeResourceParameters(projectRoot, category, resourceName, envName);
  }
  removeResourceDirectory(pathManager.getResourceDirectoryPath(projectRoot, category, resourceName));
  return { category, resourceName, service: entry.service };
}
