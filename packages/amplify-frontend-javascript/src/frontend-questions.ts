import { AmplifyError, projectRelativePathProblem } from 'amplify-cli-core';
import { isJsonObject } from 'amplify-frontend-support';
import type { FrontendQuestionContext } from 'amplify-frontend-support';
import { constants } from './constants';
import { FRAMEWORKS, Framework, frameworkDefaults, isFramework } from './frameworks';
import { checkFrontendConfig, folderOutsideProject, JavascriptFrontendBlock } from './javascript-frontend-block';

export interface FrontendQuestionsOptions extends FrontendQuestionContext {
  /** The framework the app's package.json suggests. */
  guessedFramework: Framework;
  /** The settings so far (configure), the starting point of every default. */
  current?: JavascriptFrontendBlock;
}

const FLAG = '--frontend';

/**
 * Settings from `--frontend '{"frontend":"javascript","framework":…,"config":{…}}'`. An unknown framework is an
 * error (the original fell back to `none` with a warning that scrolls away in CI); so is a partial `config`, because
 * guessing the missing half would build and serve the wrong folder.
 */
function fromHeadless(input: Record<string, unknown>, options: FrontendQuestionsOptions): JavascriptFrontendBlock {
  let framework: Framework = options.current?.framework ?? options.guessedFramework;
  if (input.framework !== undefined) {
    if (!isFramework(input.framework)) {
      throw new AmplifyError('InvalidHeadlessInput', `${FLAG} framework ${JSON.stringify(input.framework)} is not a javascript framework this CLI knows`, {
        resolution: `Use one of ${FRAMEWORKS.join(', ')} (or "none")`,
      });
    }
    framework = input.framework;
  }
  if (input.config === undefined) {
    return { framework, config: frameworkDefaults(framework) };
  }
  const checked = checkFrontendConfig(input.config);
  if ('missing' in checked) {
    throw new AmplifyError('InvalidHeadlessInput', `${FLAG} config lacks ${checked.missing.join(', ')}`, {
      resolution: `Pass all of ${constants.ProjectConfigKeys.join(', ')} in ${FLAG} config, or leave config out to take the framework's defaults`,
    });
  }
  const outside = folderOutsideProject(checked.config);
  if (outside !== undefined) {
    throw new AmplifyError('InvalidHeadlessInput', `${FLAG} config.${outside.key} ${JSON.stringify(outside.value)} ${outside.problem}`, {
      resolution: `Give ${outside.key} as a folder inside the project, relative to its root (e.g. "src")`,
    });
  }
  return { framework, config: checked.config };
}

/** Refuses an answer naming a folder outside the project, so the question is asked again. */
function insideProject(answer: string): true | string {
  const problem = projectRelativePathProblem(answer);
  return problem === undefined ? true : `The folder must be inside the project, relative to its root: ${JSON.stringify(answer)} ${problem}`;
}

/**
 * The javascript settings for init and `configure project`: from `--frontend` when given, else asked (every answer
 * defaulting to the current or the framework's value, so `--yes` takes them all). Picking another framework resets
 * the defaults to that framework's.
 */
export async function askJavascriptBlock(options: FrontendQuestionsOptions): Promise<JavascriptFrontendBlock> {
  if (isJsonObject(options.headless)) {
    return fromHeadless(options.headless, options);
  }
  const { prompter } = options;
  if (!options.yes) {
    options.print.info('Please tell us about your project');
  }
  const previous = options.current?.framework ?? options.guessedFramework;
  const framework = await prompter.pick<Framework>({
    message: 'What javascript framework are you using',
    choices: FRAMEWORKS.map((name) => ({ name, value: name })),
    default: previous,
    flag: FLAG,
  });
  const defaults = options.current && framework === options.current.framework ? options.current.config : frameworkDefaults(framework);
  const ask = (message: string, value: string, validate?: (answer: string) => true | string) => prompter.input({ message, default: value, flag: FLAG, validate });
  return {
    framework,
    config: {
      SourceDir: await ask('Source Directory Path: ', defaults.SourceDir, insideProject),
      DistributionDir: await ask('Distribution Directory Path:', defaults.DistributionDir, insideProject),
      BuildCommand: await ask('Build Command: ', defaults.BuildCommand),
      StartCommand: await ask('Start Command:', defaults.StartCommand),
    },
  };
}
