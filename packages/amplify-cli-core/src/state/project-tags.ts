import { readProjectFile } from './project-file-shapes';
import { pathManager } from '../paths/path-manager';
import { stateManager } from './state-manager';
import type { ProjectTags } from './types';

/** What `amplify init` writes to `backend/tags.json` for a new project. */
export const DEFAULT_PROJECT_TAGS: ProjectTags = [
  { Key: 'user:Stack', Value: '{project-env}' },
  { Key: 'user:Application', Value: '{project-name}' },
];

/**
 * The stack tags of the project with their placeholders filled in: `{project-name}` from project-config.json and
 * `{project-env}` from the current env. No tags.json means no tags.
 */
export function getProjectTags(projectRoot: string): ProjectTags {
  const tags = readProjectFile<ProjectTags>(pathManager.getTagsConfigFilePath(projectRoot), 'projectTags') ?? [];
  if (tags.length === 0) return [];
  const projectName = stateManager.getProjectConfig(projectRoot).projectName;
  const envName = stateManager.getLocalEnvInfo(projectRoot, { throwIfNotExist: false })?.envName ?? '';
  return tags.map(({ Key, Value }) => ({
    Key,
    Value: Value.split('{project-name}').join(projectName).split('{project-env}').join(envName),
  }));
}
