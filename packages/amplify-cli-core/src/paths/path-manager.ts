import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { AmplifyError } from '../errors/amplify-error';
import { pathSegmentProblem } from './confined-path';

/** File and folder names of an amplify project. */
export const PathConstants = {
  AmplifyDirName: 'amplify',
  DotAmplifyDirName: '.amplify',
  DotConfigDirName: '.config',
  BackendDirName: 'backend',
  CurrentCloudBackendDirName: '#current-cloud-backend',
  ProjectConfigFileName: 'project-config.json',
  LocalEnvFileName: 'local-env-info.json',
  LocalAWSInfoFileName: 'local-aws-info.json',
  TeamProviderInfoFileName: 'team-provider-info.json',
  BackendConfigFileName: 'backend-config.json',
  AmplifyMetaFileName: 'amplify-meta.json',
  TagsFileName: 'tags.json',
  CLIJSONFileName: 'cli.json',
  ParametersJsonFileName: 'parameters.json',
  GitIgnoreFileName: '.gitignore',
  LockFileName: '.lock',
  PushJournalFileName: 'local-push-journal.json',
} as const;

function isDirectory(p: string): boolean {
  // No exception for a missing entry: the walk up probes a missing folder at almost every level. A file where a
  // folder of the path should be (an `amplify` file) means no project there either.
  try {
    return fs.statSync(p, { throwIfNoEntry: false })?.isDirectory() ?? false;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOTDIR') return false;
    throw error;
  }
}

/**
 * Walks up from `start` to the first folder holding both `amplify/` and `amplify/.config/`; the second check keeps
 * an unrelated folder that happens to be called `amplify` (a source folder, a library) from passing as a project.
 */
function searchProjectRootPath(start: string = process.cwd()): string | undefined {
  let dir = path.resolve(start);
  for (;;) {
    const dotConfig = path.join(dir, PathConstants.AmplifyDirName, PathConstants.DotConfigDirName);
    if (isDirectory(dotConfig)) {
      return dir;
    }
    if (fs.existsSync(dotConfig)) {
      throw new AmplifyError('FileWhereFolderBelongs', `${dotConfig} is a file where the project's .config folder belongs`, {
        resolution: `Move or remove the file ${dotConfig} (restore the folder from version control), then run the command again`,
      });
    }
    const parent = path.dirname(dir);
    if (parent === dir) {
      return undefined;
    }
    dir = parent;
  }
}

/** The error for a command that needs a project where there is none. */
export function projectNotInitializedError(): AmplifyError {
  return new AmplifyError('ProjectNotInitialized', 'No amplify project found in this folder or any parent folder', {
    resolution: 'Run "amplify init" to create a project here, or "amplify pull" to fetch an existing one',
  });
}

function findProjectRoot(start?: string): string {
  const root = searchProjectRootPath(start);
  if (root === undefined) {
    throw projectNotInitializedError();
  }
  return root;
}

function projectRoot(projectPath: string | undefined): string {
  return projectPath ?? findProjectRoot();
}

function getAmplifyDirPath(projectPath?: string): string {
  return path.join(projectRoot(projectPath), PathConstants.AmplifyDirName);
}

function getDotConfigDirPath(projectPath?: string): string {
  return path.join(getAmplifyDirPath(projectPath), PathConstants.DotConfigDirName);
}

function getBackendDirPath(projectPath?: string): string {
  return path.join(getAmplifyDirPath(projectPath), PathConstants.BackendDirName);
}

function getCurrentCloudBackendDirPath(projectPath?: string): string {
  return path.join(getAmplifyDirPath(projectPath), PathConstants.CurrentCloudBackendDirName);
}

function getCurrentAmplifyMetaFilePath(projectPath?: string): string {
  return path.join(getCurrentCloudBackendDirPath(projectPath), PathConstants.AmplifyMetaFileName);
}

function getTeamProviderInfoFilePath(projectPath?: string): string {
  return path.join(getAmplifyDirPath(projectPath), PathConstants.TeamProviderInfoFileName);
}

/**
 * `<backend>/<category>/<resourceName>`, refusing names that would not be one folder there: whatever a name came
 * from (a question, headless JSON, a hand-edited meta file), it must not reach outside its category's folder.
 */
function resourcePath(backendDir: string, category: string, resourceName: string, ...rest: string[]): string {
  for (const [what, name] of [
    ['Category', category],
    ['Resource name', resourceName],
  ] as const) {
    const problem = pathSegmentProblem(name);
    if (problem !== undefined) {
      throw new AmplifyError('InvalidResourceName', `${what} ${JSON.stringify(name)} ${problem}, so it cannot be a folder of amplify/backend`, {
        resolution: 'Use letters and digits only for category and resource names',
      });
    }
  }
  return path.join(backendDir, category, resourceName, ...rest);
}

/**
 * Where every path of a project lives. Every function takes an optional project root; without one the project is
 * searched from the current directory, and a missing project is a `ProjectNotInitialized` error.
 */
export const pathManager = {
  searchProjectRootPath,
  findProjectRoot,
  /** `~/.amplify`, or `$AMPLIFY_HOME` when set (read on each call so tests can point it at a temp folder). */
  getHomeDotAmplifyDirPath(): string {
    const override = process.env.AMPLIFY_HOME;
    return override ? path.resolve(override) : path.join(os.homedir(), PathConstants.DotAmplifyDirName);
  },
  getAmplifyDirPath,
  getDotConfigDirPath,
  getBackendDirPath,
  getCurrentCloudBackendDirPath,
  getGitIgnoreFilePath(projectPath?: string): string {
    return path.join(projectRoot(projectPath), PathConstants.GitIgnoreFileName);
  },
  getProjectConfigFilePath(projectPath?: string): string {
    return path.join(getDotConfigDirPath(projectPath), PathConstants.ProjectConfigFileName);
  },
  getLocalEnvFilePath(projectPath?: string): string {
    return path.join(getDotConfigDirPath(projectPath), PathConstants.LocalEnvFileName);
  },
  getLocalAWSInfoFilePath(projectPath?: string): string {
    return path.join(getDotConfigDirPath(projectPath), PathConstants.LocalAWSInfoFileName);
  },
  getProjectLockFilePath(projectPath?: string): string {
    return path.join(getDotConfigDirPath(projectPath), PathConstants.LockFileName);
  },
  /** The record of a push that changed the cloud and has not recorded everything locally yet (push-journal.ts). */
  getPushJournalFilePath(projectPath?: string): string {
    return path.join(getDotConfigDirPath(projectPath), PathConstants.PushJournalFileName);
  },
  getTeamProviderInfoFilePath,
  /** The original's name for the team-provider-info path. */
  getProviderInfoFilePath: getTeamProviderInfoFilePath,
  getBackendConfigFilePath(projectPath?: string): string {
    return path.join(getBackendDirPath(projectPath), PathConstants.BackendConfigFileName);
  },
  getCurrentBackendConfigFilePath(projectPath?: string): string {
    return path.join(getCurrentCloudBackendDirPath(projectPath), PathConstants.BackendConfigFileName);
  },
  getAmplifyMetaFilePath(projectPath?: string): string {
    return path.join(getBackendDirPath(projectPath), PathConstants.AmplifyMetaFileName);
  },
  getCurrentAmplifyMetaFilePath,
  /** The original's misspelt name, kept because plugins call it. */
  getCurentAmplifyMetaFilePath: getCurrentAmplifyMetaFilePath,
  /** `amplify/cli.json`: the project's feature flags. */
  getCLIJSONFilePath(projectPath?: string): string {
    return path.join(getAmplifyDirPath(projectPath), PathConstants.CLIJSONFileName);
  },
  getTagsConfigFilePath(projectPath?: string): string {
    return path.join(getBackendDirPath(projectPath), PathConstants.TagsFileName);
  },
  getCurrentTagsConfigFilePath(projectPath?: string): string {
    return path.join(getCurrentCloudBackendDirPath(projectPath), PathConstants.TagsFileName);
  },
  getResourceDirectoryPath(projectPath: string | undefined, category: string, resourceName: string): string {
    return resourcePath(getBackendDirPath(projectPath), category, resourceName);
  },
  getCurrentCloudResourceDirectoryPath(projectPath: string | undefined, category: string, resourceName: string): string {
    return resourcePath(getCurrentCloudBackendDirPath(projectPath), category, resourceName);
  },
  getResourceParametersFilePath(projectPath: string | undefined, category: string, resourceName: string): string {
    return resourcePath(getBackendDirPath(projectPath), category, resourceName, PathConstants.ParametersJsonFileName);
  },
};

export type PathManager = typeof pathManager;
