import * as fs from 'fs';
import * as path from 'path';
import { AmplifyError, faultPoint, pathManager, stateManager } from 'amplify-cli-core';
import type { S3Api } from '../aws/s3-api';
import { CURRENT_CLOUD_BACKEND_ZIP } from '../constants';
import type { ProjectFiles } from '../project/project-files';
import { unzipToDirectory, zipDirectory } from './zip-directory';

/**
 * Uploads `#current-cloud-backend/` as `#current-cloud-backend.zip` (plus its meta and backend-config, which
 * `pull` reads before it has anything else) to the env's deployment bucket: what other clones restore from.
 */
export async function storeCurrentCloudBackend(files: ProjectFiles, s3: S3Api, bucket: string): Promise<void> {
  const dir = files.paths.currentCloudBackendDir;
  fs.mkdirSync(dir, { recursive: true });
  const zip = zipDirectory(dir, { exclude: (name) => name.split('/').includes('node_modules') || name.startsWith('.temp/') });
  const uploads: Array<Promise<void>> = [s3.putObject(bucket, CURRENT_CLOUD_BACKEND_ZIP, zip, 'application/zip')];
  for (const file of ['amplify-meta.json', 'backend-config.json']) {
    const full = path.join(dir, file);
    if (fs.existsSync(full)) uploads.push(s3.putObject(bucket, file, fs.readFileSync(full), 'application/json'));
  }
  faultPoint('push:during-final-upload');
  await Promise.all(uploads);
  faultPoint('push:after-final-upload');
}

/**
 * Replaces `#current-cloud-backend/` with the env's copy from the cloud (and, when restoring, `backend/` too).
 * Returns false when the bucket holds no copy yet (an env that was never pushed), leaving the folders alone.
 */
export async function downloadCurrentCloudBackend(files: ProjectFiles, s3: S3Api, bucket: string, restoreBackend: boolean): Promise<boolean> {
  const zip = await s3.getObject(bucket, CURRENT_CLOUD_BACKEND_ZIP);
  if (!zip) return false;
  const staging = path.join(files.paths.tempDir(), `ccb-${process.pid}`);
  try {
    unzipToDirectory(zip, staging);
  } catch (cause) {
    fs.rmSync(staging, { recursive: true, force: true });
    throw new AmplifyError('CloudBackendCorrupt', `${CURRENT_CLOUD_BACKEND_ZIP} in bucket ${bucket} cannot be unzipped.`, {
      resolution: 'Push this env again from a machine that has its backend, which uploads a fresh copy.',
      cause,
    });
  }
  fs.rmSync(files.paths.currentCloudBackendDir, { recursive: true, force: true });
  fs.cpSync(staging, files.paths.currentCloudBackendDir, { recursive: true });
  if (restoreBackend) restoreBackendDir(files, staging);
  fs.rmSync(staging, { recursive: true, force: true });
  fs.rmSync(files.paths.tempDir(), { recursive: true, force: true });
  return true;
}

/**
 * Replaces `backend/` with the deployed copy in `staging`. The generated root template and build output are the only
 * parts of backend/ a push leaves out of the copy; but a copy that init uploaded before any push (by earlier
 * versions, with the meta only) lacks the committed project files too. Such a copy has no backend-config.json
 * because nothing was deployed, so the restored backend gets an empty one; a local tags.json, which describes the
 * project rather than a deployed resource, is kept.
 */
function restoreBackendDir(files: ProjectFiles, staging: string): void {
  const { projectRoot } = files;
  const tagsFile = pathManager.getTagsConfigFilePath(projectRoot);
  const localTags = fs.existsSync(tagsFile) ? fs.readFileSync(tagsFile) : undefined;
  fs.rmSync(files.paths.backendDir, { recursive: true, force: true });
  fs.cpSync(staging, files.paths.backendDir, { recursive: true });
  if (!fs.existsSync(pathManager.getBackendConfigFilePath(projectRoot))) stateManager.setBackendConfig(projectRoot, {});
  if (localTags && !fs.existsSync(tagsFile)) fs.writeFileSync(tagsFile, localTags);
}
