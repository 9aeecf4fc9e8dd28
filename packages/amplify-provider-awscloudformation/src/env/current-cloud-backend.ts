import * as fs from 'fs';
import * as path from 'path';
import { AmplifyError, type DeployedCopyFiles, faultPoint, replaceCurrentCloudBackend, restoreBackendFromDeployedCopy } from 'amplify-cli-core';
import type { S3Api } from '../aws/s3-api';
import { CURRENT_CLOUD_BACKEND_ZIP } from '../constants';
import type { ProjectFiles } from '../project/project-files';
import { collectFiles, unzipFiles, zipFiles } from './zip-directory';

/** `amplify/cli.json` and its per-env variants: the original keeps them at the root of the zip and restores them on pull. */
const CLI_JSON = /^cli(\.[^/]+)?\.json$/;

/**
 * Uploads `#current-cloud-backend/` as `#current-cloud-backend.zip` (plus its meta and backend-config, which
 * `pull` reads before it has anything else) to the env's deployment bucket: what other clones restore from. The
 * project's feature flags (`cli*.json`) ride along at the zip's root, so a clone builds with the same flags.
 */
export async function storeCurrentCloudBackend(files: ProjectFiles, s3: S3Api, bucket: string): Promise<void> {
  const dir = files.paths.currentCloudBackendDir;
  const cliJsonFiles = Object.fromEntries(
    fs.readdirSync(files.paths.amplifyDir).filter((name) => CLI_JSON.test(name)).map((name) => [name, fs.readFileSync(path.join(files.paths.amplifyDir, name))]),
  );
  const zip = zipFiles({ ...collectFiles(dir), ...cliJsonFiles }, { exclude: (name) => name.split('/').includes('node_modules') || name.startsWith('.temp/') });
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
 * Replaces `#current-cloud-backend/` with the env's copy from the cloud (and, when restoring, `backend/` too),
 * through the core's folder replacement: a killed pull leaves either the old folder or the new one. Returns false
 * when the bucket holds no copy yet (an env that was never pushed), leaving the folders alone.
 */
export async function downloadCurrentCloudBackend(files: ProjectFiles, s3: S3Api, bucket: string, restoreBackend: boolean): Promise<boolean> {
  const zip = await s3.getObject(bucket, CURRENT_CLOUD_BACKEND_ZIP);
  if (!zip) return false;
  let copy: DeployedCopyFiles;
  try {
    copy = Object.fromEntries(Object.entries(unzipFiles(zip)).filter(([name]) => !CLI_JSON.test(name)));
  } catch (cause) {
    throw new AmplifyError('CloudBackendCorrupt', `${CURRENT_CLOUD_BACKEND_ZIP} in bucket ${bucket} cannot be unzipped.`, {
      resolution: 'Push this env again from a machine that has its backend, which uploads a fresh copy.',
      cause,
    });
  }
  replaceCurrentCloudBackend(files.projectRoot, copy);
  if (restoreBackend) restoreBackendFromDeployedCopy(files.projectRoot, copy);
  return true;
}
