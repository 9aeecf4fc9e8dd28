import * as fs from 'fs';
import { pathManager } from '../paths/path-manager';

/** Creates the folders of a project that init fills: `amplify/.config/`, `backend/` and `#current-cloud-backend/`. */
export function createProjectFolders(projectRoot: string): void {
  for (const dir of [
    pathManager.getDotConfigDirPath(projectRoot),
    pathManager.getBackendDirPath(projectRoot),
    pathManager.getCurrentCloudBackendDirPath(projectRoot),
  ]) {
    fs.mkdirSync(dir, { recursive: true });
  }
}

/** Empties the deployed copy for an env that has nothing deployed yet (a new env); the folder itself goes too. */
export function clearCurrentCloudBackend(projectRoot: string): void {
  fs.rmSync(pathManager.getCurrentCloudBackendDirPath(projectRoot), { recursive: true, force: true });
}

/** Removes `amplify/` with every project file in it (`amplify delete`, after the cloud side is gone). */
export function removeProjectFolder(projectRoot: string): void {
  fs.rmSync(pathManager.getAmplifyDirPath(projectRoot), { recursive: true, force: true });
}
