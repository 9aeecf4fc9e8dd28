import * as fs from 'fs';
import type { AmplifyContext, AmplifyToolkit, ProjectConfig } from 'amplify-cli-core';

/**
 * The part of the context a frontend plugin uses. Declaring it keeps the plugin honest about its needs and lets
 * tests hand it a real core toolkit without faking the whole gluegun toolbox.
 */
export interface FrontendContext {
  amplify: Pick<AmplifyToolkit, 'prompter' | 'pathManager' | 'stateManager'>;
  print: Pick<AmplifyContext['print'], 'info' | 'warning' | 'success'>;
  input: Pick<AmplifyContext['input'], 'options'>;
  exeInfo?: AmplifyContext['exeInfo'];
}

function isDirectory(dir: string | undefined): dir is string {
  try {
    return dir !== undefined && fs.statSync(dir).isDirectory();
  } catch {
    return false;
  }
}

/**
 * The app's root folder. The recorded `projectPath` is only trusted while it exists: a cloned or moved project
 * carries a stale absolute path (the original's issue #4950). Outside a project (init) the current folder is it.
 */
export function projectPathOf(context: FrontendContext): string {
  const recorded = context.exeInfo?.localEnvInfo?.projectPath;
  if (isDirectory(recorded)) {
    return recorded;
  }
  return context.amplify.pathManager.searchProjectRootPath() ?? process.cwd();
}

/** The project config being initialised (in `exeInfo`) or, once written, the one on disk. */
export function projectConfigOf(context: FrontendContext, projectPath: string): ProjectConfig {
  return context.exeInfo?.projectConfig ?? context.amplify.stateManager.getProjectConfig(projectPath);
}

/** Whether the command runs under `--yes`: defaults are taken and nothing is asked. */
export function isYes(context: FrontendContext): boolean {
  return context.exeInfo?.inputParams.yes === true || context.input.options?.yes === true || context.input.options?.y === true;
}
