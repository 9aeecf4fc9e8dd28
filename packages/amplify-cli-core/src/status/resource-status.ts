import { AmplifyError } from '../errors/amplify-error';
import { pathManager } from '../paths/path-manager';
import { readJsonFile } from '../state/json-file';
import { readProjectFile } from '../state/project-file-shapes';
import { getResourceMeta, listResources } from '../state/meta-entries';
import type { AmplifyMeta, ResourceMeta, ResourceRef } from '../state/types';
import { hashDirectory } from './hash-directory';
import { hashLayerVersion } from './layer-hash';

/** A meta entry with its coordinates, as the original's status lists carry them. */
export type StatusResource = ResourceMeta & ResourceRef;

export interface ResourceStatus {
  resourcesToBeCreated: StatusResource[];
  resourcesToBeUpdated: StatusResource[];
  resourcesToBeDeleted: StatusResource[];
  /** Every resource of the backend meta (after filters), whatever its operation. */
  allResources: StatusResource[];
  /** `backend/tags.json` differs from its last deployed copy (a push would retag the stacks). */
  tagsUpdated: boolean;
}

export interface ResourceStatusFilter {
  category?: string;
  resourceName?: string;
  /** Matches `providerPlugin`. */
  providerName?: string;
  /** When given, only these resources are reported. */
  filteredResources?: ResourceRef[];
}

function toStatusResources(meta: AmplifyMeta): StatusResource[] {
  return listResources(meta).map(([category, resourceName, entry]) => ({ ...entry, category, resourceName }));
}

function key(resource: ResourceRef): string {
  return `${resource.category}\0${resource.resourceName}`;
}

function matches(resource: StatusResource, filter: ResourceStatusFilter): boolean {
  if (filter.category !== undefined && resource.category !== filter.category) return false;
  if (filter.resourceName !== undefined && resource.resourceName !== filter.resourceName) return false;
  if (filter.providerName !== undefined && resource.providerPlugin !== filter.providerName) return false;
  if (filter.filteredResources !== undefined) {
    return filter.filteredResources.some((r) => r.category === resource.category && r.resourceName === resource.resourceName);
  }
  return true;
}

/**
 * The backend meta to compare: `amplify-meta.json`, or — for a project whose cloud was never initialised (e.g. a
 * fresh clone before `amplify init` picked an env) — `backend-config.json`, which lists the same resources.
 */
function readBackendMeta(projectRoot: string): AmplifyMeta {
  const metaPath = pathManager.getAmplifyMetaFilePath(projectRoot);
  const meta = readProjectFile<AmplifyMeta>(metaPath, 'amplifyMeta');
  if (meta) return meta;
  const backendConfig = readProjectFile<AmplifyMeta>(pathManager.getBackendConfigFilePath(projectRoot), 'backendConfig');
  if (backendConfig) return backendConfig;
  throw new AmplifyError('ProjectNotInitialized', `${metaPath} does not exist`, {
    resolution: 'Run "amplify init" to create the project, or "amplify pull" to fetch it',
  });
}

function isModified(projectRoot: string, resource: ResourceRef, deployed: ResourceMeta): boolean {
  const resourceDir = pathManager.getResourceDirectoryPath(projectRoot, resource.category, resource.resourceName);
  const localHash = hashDirectory(resourceDir);
  if (localHash === undefined) {
    // The original treats a missing local folder as unmodified: the resource lives on in meta only.
    return false;
  }
  // A layer's content may sit in folders the folder hash skips (opt/nodejs/node_modules): its version hash decides too.
  const pushedLayerHash = deployed.latestPushedVersionHash;
  if (deployed.service === 'LambdaLayer' && typeof pushedLayerHash === 'string' && pushedLayerHash !== hashLayerVersion(resourceDir)) {
    return true;
  }
  // Fast path: a push records the hash of exactly what it copied into #current-cloud-backend, so a local folder
  // with that hash equals the deployed copy without hashing it. Otherwise (an edit, or a hash recorded by another
  // tool) the deployed copy is hashed and compared, as the original does.
  if (deployed.lastPushDirHash === localHash) {
    return false;
  }
  const cloudDir = pathManager.getCurrentCloudResourceDirectoryPath(projectRoot, resource.category, resource.resourceName);
  return localHash !== hashDirectory(cloudDir);
}

/**
 * What a push would do: backend meta against `#current-cloud-backend` meta, and, for resources
 * in both, the folder hash of `backend/<category>/<resource>` against its last deployed copy. Only pushed
 * resources present in both metas are hashed. The `providers` key is never reported (the original's bogus
 * "Providers | categories | Delete" row is deliberately not reproduced).
 */
export function getResourceStatus(projectRoot: string, filter: ResourceStatusFilter = {}): ResourceStatus {
  const meta = readBackendMeta(projectRoot);
  const currentMeta =
    readProjectFile<AmplifyMeta>(pathManager.getCurrentAmplifyMetaFilePath(projectRoot), 'amplifyMeta') ?? {};

  const allUnfiltered = toStatusResources(meta);
  const isUnpushed = (r: ResourceRef): boolean => {
    const entry = getResourceMeta(meta, r.category, r.resourceName);
    return !entry?.lastPushTimeStamp || !getResourceMeta(currentMeta, r.category, r.resourceName);
  };

  // Create: unpushed resources, then the unpushed resources they depend on (a push must bring those along even
  // when a filter hides them, so dependencies are added before filtering).
  const created = new Map<string, StatusResource>();
  for (const resource of allUnfiltered.filter((r) => matches(r, filter) && isUnpushed(r))) {
    created.set(key(resource), resource);
  }
  const byKey = new Map(allUnfiltered.map((r) => [key(r), r]));
  const pending = [...created.values()];
  while (pending.length > 0) {
    const resource = pending.pop()!;
    for (const dependency of resource.dependsOn ?? []) {
      const target = byKey.get(key(dependency));
      if (target && !created.has(key(target)) && isUnpushed(target)) {
        created.set(key(target), target);
        pending.push(target);
      }
    }
  }
  const resourcesToBeCreated = allUnfiltered.filter((r) => created.has(key(r)));

  const resourcesToBeUpdated = allUnfiltered.filter((r) => {
    if (!matches(r, filter) || created.has(key(r))) return false;
    const current = getResourceMeta(currentMeta, r.category, r.resourceName);
    return current !== undefined && Boolean(current.lastPushTimeStamp) && isModified(projectRoot, r, current);
  });

  const resourcesToBeDeleted = toStatusResources(currentMeta).filter(
    (r) => matches(r, filter) && !getResourceMeta(meta, r.category, r.resourceName),
  );

  return {
    resourcesToBeCreated,
    resourcesToBeUpdated,
    resourcesToBeDeleted,
    allResources: allUnfiltered.filter((r) => matches(r, filter)),
    tagsUpdated: areTagsUpdated(projectRoot),
  };
}

function areTagsUpdated(projectRoot: string): boolean {
  const local = readJsonFile<unknown>(pathManager.getTagsConfigFilePath(projectRoot), { throwIfNotExist: false });
  if (local === undefined) return false;
  const deployed = readJsonFile<unknown>(pathManager.getCurrentTagsConfigFilePath(projectRoot), { throwIfNotExist: false });
  return JSON.stringify(local) !== JSON.stringify(deployed);
}
