import { AmplifyError, pathManager } from 'amplify-cli-core';
import type { ProjectConfig } from 'amplify-cli-core';
import { isJsonObject } from 'amplify-frontend-android';
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

/**
 * The `javascript` block of a project config, checked. A missing or broken block is the user's to fix, so the error
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
  return { framework: isFramework(block.framework) ? block.framework : 'none', config: checked.config };
}
