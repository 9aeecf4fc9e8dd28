import * as path from 'path';
import { AmplifyError } from '../errors/amplify-error';
import { pathManager } from '../paths/path-manager';
import { printable } from '../utils/printable';
import { stateManager } from './state-manager';

export interface ProjectCheckOptions {
  /**
   * The env named in local-env-info.json must be one of team-provider-info.json (default true). `env list` and
   * `env checkout` turn it off: they are how the user gets out of that state.
   */
  currentEnvMustExist?: boolean;
}

/**
 * What every command working on a project needs before it reads or changes anything: project-config.json,
 * local-env-info.json with a current env that team-provider-info.json knows, amplify-meta.json and
 * backend-config.json, each present and well-formed. Throws the first problem, naming the file and the fix.
 */
export function checkProjectFiles(projectRoot: string, options: ProjectCheckOptions = {}): void {
  stateManager.getProjectConfig(projectRoot);
  const envName = stateManager.getCurrentEnvName(projectRoot);
  const envs = Object.keys(stateManager.getTeamProviderInfo(projectRoot));
  if (options.currentEnvMustExist !== false && !envs.includes(envName)) {
    const localEnvInfo = path.relative(projectRoot, pathManager.getLocalEnvFilePath(projectRoot));
    throw new AmplifyError('EnvironmentNotFound', `The current env "${printable(envName)}" (envName in ${localEnvInfo}) is not in amplify/team-provider-info.json`, {
      resolution: envs.length > 0 ? `Switch to an existing env with "amplify env checkout <name>" (${envs.join(', ')})` : 'Run "amplify env add" to create an env, or restore team-provider-info.json',
    });
  }
  stateManager.getMeta(projectRoot);
  stateManager.getBackendConfig(projectRoot, { default: {} });
}
