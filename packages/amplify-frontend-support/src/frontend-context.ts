import * as fs from 'fs';
import { AmplifyFault } from 'amplify-cli-core';
import type { AmplifyContext, AmplifyToolkit, ProjectConfig, Prompter } from 'amplify-cli-core';
import { ProjectResources, projectResourcesFrom } from './frontend-resources';
import { isJsonObject } from './json-value';

/**
 * The part of the context a frontend plugin uses. Declaring it keeps the plugin honest about its needs and lets
 * tests hand it a real core toolkit without faking the whole gluegun toolbox.
 */
export interface FrontendContext {
  amplify: Pick<AmplifyToolkit, 'prompter' | 'pathManager' | 'stateManager'> & Partial<Pick<AmplifyToolkit, 'getPluginInstance'>>;
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

/**
 * The project config being initialised, where a frontend's `init` records its block. The core's init creates it
 * before calling the frontend; its absence is our bug, not the user's.
 */
export function initProjectConfig(context: FrontendContext, frontend: string, step: string): ProjectConfig {
  const projectConfig = context.exeInfo?.projectConfig;
  if (!projectConfig) {
    throw new AmplifyFault('FrontendCalledOutOfOrder', `The ${frontend} frontend's ${step} needs context.exeInfo.projectConfig`);
  }
  return projectConfig;
}

/**
 * A frontend's part of `--frontend`: under its name once the core flattened the payload, or the raw
 * payload when it is addressed to this frontend (`frontend` or `type` naming it or one of its aliases).
 */
export function headlessFrontendInput(inputParams: Record<string, unknown> | undefined, names: readonly string[]): unknown {
  const [label] = names;
  if (inputParams?.[label] !== undefined) {
    return inputParams[label];
  }
  const frontend = inputParams?.frontend;
  if (isJsonObject(frontend)) {
    const addressee = frontend.frontend ?? frontend.type;
    if (typeof addressee === 'string' && names.includes(addressee)) {
      return frontend;
    }
  }
  return undefined;
}

/** What a frontend's questions take from the context, whatever the frontend asks. */
export interface FrontendQuestionContext {
  prompter: Prompter;
  print: FrontendContext['print'];
  /** `--yes`: take the defaults without a word. */
  yes: boolean;
  /** The frontend's part of `--frontend`, when given. */
  headless?: unknown;
}

/** The question context of the frontend called `names[0]` (aliases after it) in this command. */
export function questionContextOf(context: FrontendContext, names: readonly string[]): FrontendQuestionContext {
  return {
    prompter: context.amplify.prompter,
    print: context.print,
    yes: isYes(context),
    headless: headlessFrontendInput(context.exeInfo?.inputParams, names),
  };
}

/**
 * `amplify configure project` for a frontend with settings: `ask` again, from the current block when there is one,
 * and record the answer under `label`. Inside `configure project` the core writes exeInfo.projectConfig at the end;
 * called alone, the frontend persists it.
 */
export async function reconfigureFrontendBlock<Block>(
  context: FrontendContext,
  label: string,
  read: (projectConfig: ProjectConfig, projectPath: string) => Block,
  ask: (current: Block | undefined, projectPath: string) => Promise<Block>,
): Promise<void> {
  const projectPath = projectPathOf(context);
  const projectConfig = projectConfigOf(context, projectPath);
  const current = projectConfig[label] === undefined ? undefined : read(projectConfig, projectPath);
  projectConfig[label] = await ask(current, projectPath);
  if (!context.exeInfo?.projectConfig) {
    context.amplify.stateManager.setProjectConfig(projectPath, projectConfig);
  }
}

/**
 * The project's resources as the frontend config generators need them, from the files of a running init (in
 * `exeInfo`) or on disk.
 */
export function projectResourcesOf(context: FrontendContext, projectPath: string): ProjectResources {
  const { stateManager } = context.amplify;
  return projectResourcesFrom(
    [context.exeInfo?.amplifyMeta ?? stateManager.getMeta(projectPath, { default: {} }), stateManager.getCurrentMeta(projectPath, { default: {} })],
    context.exeInfo?.backendConfig ?? stateManager.getBackendConfig(projectPath, { default: {} }),
  );
}
