import * as fs from 'fs';
import { AmplifyError } from '../errors/amplify-error';
import { pathManager } from '../paths/path-manager';
import { readJsonFile, writeJsonFile } from './json-file';
import { ProjectFileKind, readProjectFile } from './project-file-shapes';
import type {
  AmplifyMeta,
  BackendConfig,
  LocalAwsInfo,
  LocalEnvInfo,
  ProjectConfig,
  ProjectTags,
  TeamProviderInfo,
} from './types';

export interface GetStateOptions<T> {
  /** Throw when the file is missing (default true). Ignored when `default` is given. */
  throwIfNotExist?: boolean;
  /** Returned when the file is missing. */
  default?: T;
}

function read<T>(
  filePath: string,
  kind: ProjectFileKind,
  options: GetStateOptions<T> | undefined,
  missing: () => AmplifyError,
): T | undefined {
  const value = readProjectFile<T>(filePath, kind);
  if (value !== undefined) {
    return value;
  }
  if (options?.default !== undefined) {
    return options.default;
  }
  if (options?.throwIfNotExist === false) {
    return undefined;
  }
  throw missing();
}

function notInitialized(filePath: string): AmplifyError {
  return new AmplifyError('ProjectNotInitialized', `${filePath} does not exist`, {
    resolution: 'Run "amplify init" to create the project, or "amplify pull" to fetch it',
  });
}

function cloudNotInitialized(filePath: string): AmplifyError {
  return new AmplifyError('CloudBackendNotFound', `${filePath} does not exist`, {
    resolution: 'Run "amplify pull" to fetch the deployed backend, or "amplify push" to deploy one',
  });
}

function exists(filePath: string): boolean {
  return fs.existsSync(filePath);
}

/**
 * Typed reads and writes of every project file. The only module (with the meta, env-parameter and cloud-backend
 * modules on top of it) that touches them; reads are always fresh from disk (the original never caches, and commands chain plugins that write).
 * Each getter accepts an optional project root; without it the project is searched from the current directory.
 */
function makeGetter<T>(kind: ProjectFileKind, pathOf: (projectPath?: string) => string, missing: (file: string) => AmplifyError) {
  function get(projectPath?: string, options?: GetStateOptions<T> & { throwIfNotExist?: true }): T;
  function get(projectPath: string | undefined, options: GetStateOptions<T>): T | undefined;
  function get(projectPath?: string, options?: GetStateOptions<T>): T | undefined {
    const filePath = pathOf(projectPath);
    return read<T>(filePath, kind, options, () => missing(filePath));
  }
  return get;
}

function makeSetter<T>(pathOf: (projectPath?: string) => string) {
  return (projectPath: string | undefined, data: T): void => writeJsonFile(pathOf(projectPath), data);
}

export const stateManager = {
  getProjectConfig: makeGetter<ProjectConfig>('projectConfig', pathManager.getProjectConfigFilePath, notInitialized),
  setProjectConfig: makeSetter<ProjectConfig>(pathManager.getProjectConfigFilePath),
  projectConfigExists: (projectPath?: string): boolean => exists(pathManager.getProjectConfigFilePath(projectPath)),

  getMeta: makeGetter<AmplifyMeta>('amplifyMeta', pathManager.getAmplifyMetaFilePath, notInitialized),
  setMeta: makeSetter<AmplifyMeta>(pathManager.getAmplifyMetaFilePath),
  metaFileExists: (projectPath?: string): boolean => exists(pathManager.getAmplifyMetaFilePath(projectPath)),

  getCurrentMeta: makeGetter<AmplifyMeta>('amplifyMeta', pathManager.getCurrentAmplifyMetaFilePath, cloudNotInitialized),
  setCurrentMeta: makeSetter<AmplifyMeta>(pathManager.getCurrentAmplifyMetaFilePath),
  currentMetaFileExists: (projectPath?: string): boolean => exists(pathManager.getCurrentAmplifyMetaFilePath(projectPath)),

  getBackendConfig: makeGetter<BackendConfig>('backendConfig', pathManager.getBackendConfigFilePath, notInitialized),
  setBackendConfig: makeSetter<BackendConfig>(pathManager.getBackendConfigFilePath),
  backendConfigFileExists: (projectPath?: string): boolean => exists(pathManager.getBackendConfigFilePath(projectPath)),

  getCurrentBackendConfig: makeGetter<BackendConfig>('backendConfig', pathManager.getCurrentBackendConfigFilePath, cloudNotInitialized),
  setCurrentBackendConfig: makeSetter<BackendConfig>(pathManager.getCurrentBackendConfigFilePath),

  getTeamProviderInfo: makeGetter<TeamProviderInfo>('teamProviderInfo', pathManager.getTeamProviderInfoFilePath, notInitialized),
  setTeamProviderInfo: makeSetter<TeamProviderInfo>(pathManager.getTeamProviderInfoFilePath),
  teamProviderInfoExists: (projectPath?: string): boolean => exists(pathManager.getTeamProviderInfoFilePath(projectPath)),

  getLocalEnvInfo: makeGetter<LocalEnvInfo>('localEnvInfo', pathManager.getLocalEnvFilePath, notInitialized),
  setLocalEnvInfo: makeSetter<LocalEnvInfo>(pathManager.getLocalEnvFilePath),
  localEnvInfoExists: (projectPath?: string): boolean => exists(pathManager.getLocalEnvFilePath(projectPath)),

  getLocalAWSInfo: makeGetter<LocalAwsInfo>('localAwsInfo', pathManager.getLocalAWSInfoFilePath, notInitialized),
  setLocalAWSInfo: makeSetter<LocalAwsInfo>(pathManager.getLocalAWSInfoFilePath),
  localAWSInfoExists: (projectPath?: string): boolean => exists(pathManager.getLocalAWSInfoFilePath(projectPath)),

  getProjectTags: makeGetter<ProjectTags>('projectTags', pathManager.getTagsConfigFilePath, notInitialized),
  setProjectTags: makeSetter<ProjectTags>(pathManager.getTagsConfigFilePath),
  setCurrentProjectTags: makeSetter<ProjectTags>(pathManager.getCurrentTagsConfigFilePath),

  /** `backend/<category>/<resource>/parameters.json` (`{}` when absent). */
  getResourceParametersJson(projectPath: string | undefined, category: string, resourceName: string): Record<string, unknown> {
    const filePath = pathManager.getResourceParametersFilePath(projectPath, category, resourceName);
    return readJsonFile<Record<string, unknown>>(filePath, { throwIfNotExist: false }) ?? {};
  },
  setResourceParametersJson(
    projectPath: string | undefined,
    category: string,
    resourceName: string,
    parameters: Record<string, unknown>,
  ): void {
    writeJsonFile(pathManager.getResourceParametersFilePath(projectPath, category, resourceName), parameters);
  },

  /** The current env's name from local-env-info.json; `ProjectNotInitialized` when there is none. */
  getCurrentEnvName(projectPath?: string): string {
    const filePath = pathManager.getLocalEnvFilePath(projectPath);
    const info = readProjectFile<LocalEnvInfo>(filePath, 'localEnvInfo');
    if (!info?.envName) {
      throw new AmplifyError('EnvironmentNotInitialized', `No current environment in ${filePath}`, {
        resolution: 'Run "amplify env checkout <name>" or "amplify init" to select an environment',
      });
    }
    return info.envName;
  },
};

export type StateManager = typeof stateManager;
