import * as fs from 'fs';
import * as path from 'path';
import { pathManager } from '../paths/path-manager';
import { hashDirectory } from '../status/hash-directory';
import { replaceFolder } from './folder-replace';
import { writeFileAtomic } from './json-file';
import { deleteResourceMeta, getResourceMeta } from './meta-entries';
import { removeResourceDirectory } from './resource-folder';
import { stateManager } from './state-manager';
import type { AmplifyMeta, ResourceRef } from './types';

/*
 * `#current-cloud-backend/` is the copy of `backend/` as last deployed; status compares against it. Only a push
 * (or a deleted resource's removal from the cloud) changes it, through these functions.
 */

/**
 * After a successful push: stamps each pushed resource with the push time and the hash of its folder, then makes
 * `#current-cloud-backend` match what was deployed — each resource folder (wiped first, so files deleted locally
 * disappear there too), amplify-meta.json, backend-config.json and tags.json.
 */
export function updateamplifyMetaAfterPush(projectRoot: string, resources: ResourceRef[]): AmplifyMeta {
  const meta = stateManager.getMeta(projectRoot);
  const pushedAt = new Date().toISOString();
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

/**
 * Copies a resource folder over its deployed copy, replacing whatever was there. `node_modules` folders are left
 * out: they are never part of what status compares, and the deployed copy is zipped and uploaded on every push.
 */
function replaceDirectory(source: string, target: string): void {
  if (!fs.existsSync(source)) {
    fs.rmSync(target, { recursive: true, force: true });
    return;
  }
  // Staged beside and swapped in, so a push killed here leaves the previous deployed copy, not half of the new one.
  replaceFolder(target, (staged) =>
    fs.cpSync(source, staged, {
      recursive: true,
      verbatimSymlinks: true,
      filter: (from) => path.basename(from) !== 'node_modules',
    }),
  );
}

function copyFileIfExists(source: string, target: string): void {
  if (fs.existsSync(source)) {
    writeFileAtomic(target, fs.readFileSync(source));
  }
}
