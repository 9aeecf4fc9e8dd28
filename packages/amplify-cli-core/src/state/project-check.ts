import * as fs from 'fs';
import * as path from 'path';
import { AmplifyError } from '../errors/amplify-error';
import { pathManager } from '../paths/path-manager';
import { printable } from '../utils/printable';
import { listResources } from './meta-entries';
import { stateManager } from './state-manager';

/**
 * What every command working on a project needs before it reads or changes anything: project-config.json,
 * local-env-info.json with a current env that team-provider-info.json knows, amplify-meta.json and
 * backend-config.json, each present and well-formed, and no file where a resource's folder belongs. Throws the
 * first problem, naming the file and the fix. (`env list` does not call it: it is how a user finds an env to check
 * out when the current one is gone.)
 */
export function checkProjectFiles(projectRoot: string): void {
  stateManager.getProjectConfig(projectRoot);
  const envName = stateManager.getCurrentEnvName(projectRoot);
  const envs = Object.keys(stateManager.getTeamProviderInfo(projectRoot));
  if (!envs.includes(envName)) {
    const localEnvInfo = path.relative(projectRoot, pathManager.getLocalEnvFilePath(projectRoot));
    throw new AmplifyError('EnvironmentNotFound', `The current env "${printable(envName)}" (envName in ${localEnvInfo}) is not in amplify/team-provider-info.json`, {
      resolution: envs.length > 0 ? `Switch to an existing env with "amplify env checkout <name>" (${envs.join(', ')})` : 'Run "amplify env add" to create an env, or restore team-provider-info.json',
    });
  }
  const meta = stateManager.getMeta(projectRoot);
  stateManager.getBackendConfig(projectRoot, { default: {} });
  for (const [category, resourceName] of listResources(meta)) {
    const folder = path.join(pathManager.getBackendDirPath(projectRoot), category, resourceName);
    if (fs.statSync(folder, { throwIfNoEntry: false })?.isDirectory() === false) {
      throw new AmplifyError('FileWhereFolderBelongs', `${folder} is a file where the folder of ${category} resource ${printable(resourceName)} belongs`, {
        resolution: `Move or remove the file ${folder} (restore the folder from version control), then run the command again`,
      });
    }
  }
}
