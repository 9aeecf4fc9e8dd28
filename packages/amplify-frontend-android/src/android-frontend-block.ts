import { AmplifyError, pathManager, projectRelativePathProblem } from 'amplify-cli-core';
import type { ProjectConfig } from 'amplify-cli-core';
import { isJsonObject } from 'amplify-frontend-support';
import type { FrontendQuestionContext } from 'amplify-frontend-support';
import { constants } from './constants';

/** `project-config.json` → `android`. */
export interface AndroidFrontendBlock {
  config: { ResDir: string };
}

function resDirOf(value: unknown): string | undefined {
  const config = isJsonObject(value) ? value.config : undefined;
  const resDir = isJsonObject(config) ? config.ResDir : undefined;
  return typeof resDir === 'string' && resDir !== '' ? resDir : undefined;
}

/** The `android` block of a project config, checked; a broken block names the file and the fix. */
export function readAndroidBlock(projectConfig: ProjectConfig, projectPath: string): AndroidFrontendBlock {
  const resDir = resDirOf(projectConfig[constants.Label]);
  if (resDir === undefined) {
    const file = pathManager.getProjectConfigFilePath(projectPath);
    const what = projectConfig[constants.Label] === undefined ? 'is missing' : 'lacks config.ResDir';
    throw new AmplifyError('InvalidFrontendConfig', `The "${constants.Label}" block of ${file} ${what}`, {
      resolution: 'Run "amplify configure project" to set the frontend settings again',
    });
  }
  const problem = projectRelativePathProblem(resDir);
  if (problem !== undefined) {
    const file = pathManager.getProjectConfigFilePath(projectPath);
    // The config files are written under it, so a hand edit pointing elsewhere is refused before any write.
    throw new AmplifyError('InvalidFrontendConfig', `${constants.Label}.config.ResDir ${JSON.stringify(resDir)} in ${file} ${problem}`, {
      resolution: `Set ResDir in ${file} to a folder inside the project, relative to its root (e.g. "${constants.DefaultResDir}")`,
    });
  }
  return { config: { ResDir: resDir } };
}

/** Refuses an answer naming a folder outside the project, so the question is asked again. */
function insideProject(answer: string): true | string {
  const problem = projectRelativePathProblem(answer);
  return problem === undefined ? true : `The Res directory must be inside the project, relative to its root: ${JSON.stringify(answer)} ${problem}`;
}

export interface ResDirQuestionOptions extends FrontendQuestionContext {
  current?: AndroidFrontendBlock;
}

/**
 * The Res directory: from `--frontend` when it carries a `config` (which must name `ResDir`), else asked, defaulting
 * to the current one (so `--yes` takes it).
 */
export async function askAndroidBlock(options: ResDirQuestionOptions): Promise<AndroidFrontendBlock> {
  if (isJsonObject(options.headless) && options.headless.config !== undefined) {
    const resDir = resDirOf(options.headless);
    if (resDir === undefined) {
      throw new AmplifyError('InvalidHeadlessInput', '--frontend config lacks ResDir', {
        resolution: `Pass --frontend '{"frontend":"android","config":{"ResDir":"${constants.DefaultResDir}"}}'`,
      });
    }
    const problem = projectRelativePathProblem(resDir);
    if (problem !== undefined) {
      throw new AmplifyError('InvalidHeadlessInput', `--frontend config.ResDir ${JSON.stringify(resDir)} ${problem}`, {
        resolution: `Give ResDir as a folder inside the project, relative to its root (e.g. "${constants.DefaultResDir}")`,
      });
    }
    return { config: { ResDir: resDir } };
  }
  if (!options.yes) {
    options.print.info('Describe your project:');
  }
  const resDir = await options.prompter.input({
    message: 'Where is your Res directory: ',
    default: options.current?.config.ResDir ?? constants.DefaultResDir,
    flag: '--frontend',
    validate: insideProject,
  });
  return { config: { ResDir: resDir } };
}
