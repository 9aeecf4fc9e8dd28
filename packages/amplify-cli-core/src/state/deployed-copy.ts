import fs = require('fs');
import * as path from 'path';
import { pathManager } from '../paths/path-manager';
import { projectRelativePathProblem } from '../paths/confined-path';
import { replaceFolder } from './folder-replace';

/**
 * The files of a deployed backend copy as the provider unpacks them from `#current-cloud-backend.zip`: content
 * keyed by path relative to the folder, with forward slashes; a name ending in `/` is a folder.
 */
export type DeployedCopyFiles = Readonly<Record<string, Uint8Array>>;

/** Writes `files` under `dir`; an entry whose name would lead outside `dir` (a crafted zip) is left out. */
function writeCopy(dir: string, files: DeployedCopyFiles): void {
  for (const [name, data] of Object.entries(files)) {
    if (projectRelativePathProblem(name) !== undefined) continue;
    const target = path.join(dir, ...name.split('/').filter((part) => part !== '' && part !== '.'));
    if (target === dir) continue;
    if (name.endsWith('/')) {
      fs.mkdirSync(target, { recursive: true });
      continue;
    }
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, data);
  }
}

/** Replaces `#current-cloud-backend/` with a deployed copy (an env's, fetched by pull or env checkout). */
export function replaceCurrentCloudBackend(projectRoot: string, files: DeployedCopyFiles): void {
  replaceFolder(pathManager.getCurrentCloudBackendDirPath(projectRoot), (staged) => writeCopy(staged, files));
}

/**
 * Replaces `backend/` with a deployed copy. The generated root template and build output are the only parts of
 * backend/ a push leaves out of the copy; but a copy that init uploaded before any push (by earlier versions, with
 * the meta only) lacks the committed project files: such a copy has no backend-config.json because nothing was
 * deployed, so the restored backend gets an empty one; a local tags.json, which describes the project rather than
 * a deployed resource, is kept when the copy has none.
 */
export function restoreBackendFromDeployedCopy(projectRoot: string, files: DeployedCopyFiles): void {
  const backendDir = pathManager.getBackendDirPath(projectRoot);
  const tagsFile = pathManager.getTagsConfigFilePath(projectRoot);
  const localTags = fs.existsSync(tagsFile) ? fs.readFileSync(tagsFile) : undefined;
  replaceFolder(backendDir, (staged) => {
    writeCopy(staged, files);
    const stagedBackendConfig = path.join(staged, path.relative(backendDir, pathManager.getBackendConfigFilePath(projectRoot)));
    if (!fs.existsSync(stagedBackendConfig)) fs.writeFileSync(stagedBackendConfig, `${JSON.stringify({}, null, 2)}\n`);
    const stagedTags = path.join(staged, path.relative(backendDir, tagsFile));
    if (localTags && !fs.existsSync(stagedTags)) fs.writeFileSync(stagedTags, localTags);
  });
}
