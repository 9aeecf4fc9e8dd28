import { AmplifyError, pathManager, projectRelativePathProblem } from 'amplify-cli-core';
import type { ProjectConfig } from 'amplify-cli-core';
import { isJsonObject } from 'amplify-frontend-support';
import { constants } from './constants';
import { Framework, isFramework, JavascriptFrontendConfig } from './frameworks';

/** `project-config.json` → `javascript`: the framework and the four project settings. */
export interface JavascriptFrontendBlock {
  framework: Framework;
  config: JavascriptFrontendConfig;
}

/** The four settings, or the names of those missing or not strings. */
export function checkFrontendConfig(value: unknown): { config: JavascriptFrontendConfig } | { missing: string[] } {
  const record = isJsonObject(value) ? value : {};
  const missing = constants.ProjectConfigKeys.filter((key) => typeof record[key] !== 'string' || record[key] === '');
  if (missing.length > 0) {
    return { missing };
  }
  const { SourceDir, DistributionDir, BuildCommand, StartCommand } = record as unknown as JavascriptFrontendConfig;
  return { config: { SourceDir, DistributionDir, BuildCommand, StartCommand } };
}

/** The settings that name folders the CLI writes into (`aws-exports.js`) or publishes from. */
const FOLDER_SETTINGS = ['SourceDir', 'DistributionDir'] as const;

export interface OutsideFolder {
  key: (typeof FOLDER_SETTINGS)[number];
  value: string;
  problem: string;
}

/** The first folder setting that would lead outside the project, with why; `undefined` when all stay inside. */
export function folderOutsideProject(config: JavascriptFrontendConfig): OutsideFolder | undefined {
  for (const key of FOLDER_SETTINGS) {
    const problem = projectRelativePathProblem(config[key]);
    if (problem !== undefined) return { key, value: config[key], problem };
  }
  return undefined;
}

/**
 * The `javascript` block of a project config, checked. A folder setting leading outside the project (a hand edit)
 * is refused here, before any file is written from it. A missing or broken block is the user's to fix, so the error
 * names the file and the command that rewrites it.
 */
export function readJavascriptBlock(projectConfig: ProjectConfig, projectPath: string): JavascriptFrontendBlock {
  const file = pathManager.getProjectConfigFilePath(projectPath);
  const block = projectConfig[constants.Label];
  const checked = checkFrontendConfig(isJsonObject(block) ? block.config : undefined);
  if (!isJsonObject(block) || 'missing' in checked) {
    const what = isJsonObject(block) && 'missing' in checked ? `lacks config.${checked.missing.join(', config.')}` : 'is missing';
    throw new AmplifyError('InvalidFrontendConfig', `The "${constants.Label}" block of ${file} ${what}`, {
      resolution: 'Run "amplify configure project" to set the frontend settings again',
    });
  }
  const outside = folderOutsideProject(checked.config);
  if (outside !== undefined) {
    throw new AmplifyError('InvalidFrontendConfig', `${constants.Label}.config.${outside.key} ${JSON.stringify(outside.value)} in ${file} ${outside.problem}`, {
      resolution: `Set ${outside.key} in ${file} to a folder inside the project, relative to its root (e.g. "src")`,
    });
  }
  return { framework: isFramework(block.framework) ? block.framework : 'none', config: checked.config };
}
