import * as path from 'path';
import {
  AmplifyError,
  AmplifyMeta,
  assertWritableFolder,
  clearCurrentCloudBackend,
  createProjectFolders,
  ExeInfo,
  FileRollback,
  FrontendPlugin,
  LocalEnvInfo,
  pathManager,
  PluginInfo,
  PROJECT_CONFIG_VERSION,
  ProjectConfig,
  stateManager,
  writeNewProjectFiles,
} from 'amplify-cli-core';
import type { CoreCommandContext } from '../../cli-session';
import { initCategoriesForEnv, initializeEnv } from '../env/initialize-env';
import { projectExeInfo, regeneratedMeta, withProjectPath, writeLocalEnvInfo } from '../exe-info';
import { HeadlessInput, isValidEnvName, parseHeadlessInput } from '../headless-input';
import { callPlugin, frontendPlugin, installedPlugins, LoadedPlugin, loadPlugins, providerPlugin } from '../project-plugins';
import { pushProject } from '../push/push-project';
import { updateGitIgnore } from './gitignore-block';
import { isValidProjectName, normalizeProjectName, PROJECT_NAME_RULE } from './project-name';

/** `init` creates the project; `env-add` adds an env to the project of the current folder and refuses a known one. */
export type InitMode = 'init' | 'env-add';

const EDITORS = ['vscode', 'atom', 'sublime', 'intellij', 'vim', 'emacs', 'none'] as const;
const EDITOR_NAMES: Record<string, string> = {
  vscode: 'Visual Studio Code',
  atom: 'Atom Editor',
  sublime: 'Sublime Text',
  intellij: 'IntelliJ IDEA',
  vim: 'Vim (via Terminal, macOS only)',
  emacs: 'Emacs (via Terminal, macOS only)',
  none: 'None',
};
const DEFAULT_ENV = 'dev';
const DEFAULT_EDITOR = 'vscode';
const ENV_FLAG = '--envName (or --amplify \'{"envName":"dev"}\')';

interface InitPlan {
  projectRoot: string;
  isNewProject: boolean;
  isNewEnv: boolean;
  envName: string;
  projectConfig: ProjectConfig;
  localEnvInfo: LocalEnvInfo;
  headless: HeadlessInput;
}

/**
 * `amplify init` and `amplify env add`: every answer is gathered (from flags, `--yes` defaults or
 * questions) before anything is written; the providers then create the env in the cloud, and only after that are
 * the project files written. A failure at any point restores every file the command touched.
 */
export async function initProject(context: CoreCommandContext, mode: InitMode): Promise<void> {
  const { printer, environment } = context.session;
  const headless = parseHeadlessInput(context.input.options);
  const existingRoot = pathManager.searchProjectRootPath(environment.cwd);
  if (mode === 'init' && existingRoot !== undefined && existingRoot !== environment.cwd) {
    // The providers and plugins find a project by walking up: a project nested in another would write into it.
    throw new AmplifyError('NestedProject', `This folder is inside the amplify project at ${existingRoot}`, {
      resolution: `Run "amplify init" in ${existingRoot} (to add or switch an env), or in a folder outside that project`,
    });
  }
  const projectRoot = mode === 'env-add' ? requireProject(existingRoot) : environment.cwd;
  const isNewProject = !stateManager.projectConfigExists(projectRoot);
  if (isNewProject && !headless.yes) {
    printer.info('Note: It is recommended to run this command from the root of your app directory');
  }
  if (headless.amplify.appId !== undefined) {
    printer.warning('Ignoring "appId" of --amplify: this amplify creates no Amplify Console app.');
  }

  const exeInfo: ExeInfo = isNewProject ? { inputParams: headless.inputParams } : projectExeInfo(context, projectRoot, headless);
  context.exeInfo = exeInfo;
  exeInfo.isNewProject = isNewProject;

  const projectName = isNewProject ? await askProjectName(context, headless, projectRoot) : stateManager.getProjectConfig(projectRoot).projectName;
  const acceptedDefaults = isNewProject && offersSummary(headless) ? await offerDefaults(context, projectName, projectRoot) : undefined;
  const { envName, isNewEnv } = acceptedDefaults
    ? { envName: DEFAULT_ENV, isNewEnv: true }
    : await chooseEnv(context, headless, projectRoot, isNewProject, mode);
  const defaultEditor = acceptedDefaults ? DEFAULT_EDITOR : await chooseEditor(context, headless, projectRoot);
  const localEnvInfo = withProjectPath({ envName, defaultEditor }, projectRoot);
  exeInfo.localEnvInfo = localEnvInfo;
  exeInfo.isNewEnv = isNewEnv;
  exeInfo.forcePush = headless.yes || headless.inputParams.forcePush === true;
  exeInfo.teamProviderInfo ??= {};
  exeInfo.amplifyMeta ??= {};

  let frontend: LoadedPlugin<Partial<FrontendPlugin>>;
  if (isNewProject) {
    exeInfo.projectConfig = { projectName, version: PROJECT_CONFIG_VERSION, frontend: '', providers: [] };
    frontend = acceptedDefaults ?? (await chooseFrontend(context, headless, projectRoot));
    exeInfo.projectConfig.frontend = frontend.info.manifest.name;
    if (acceptedDefaults?.module.setFrontendDefaults) {
      acceptedDefaults.module.setFrontendDefaults(context, projectRoot);
    } else {
      await callPlugin(frontend, 'init', context);
    }
    exeInfo.projectConfig.providers = await chooseProviders(context, headless);
  } else {
    frontend = frontendPlugin(context, stateManager.getProjectConfig(projectRoot).frontend);
  }
  const projectConfig = exeInfo.projectConfig as ProjectConfig;
  const plan: InitPlan = { projectRoot, isNewProject, isNewEnv, envName, projectConfig, localEnvInfo, headless };
  const offersPush = isNewEnv && !isNewProject && hasResources(stateManager.getBackendConfig(projectRoot, { default: {} }));
  // The original asks after the credential questions; without a terminal the flag must be there before the cloud is touched.
  const asksPushLater = offersPush && exeInfo.forcePush !== true && context.environment.isInteractive();
  let pushAfterwards = offersPush && (asksPushLater ? false : await askPushAfterwards(context));

  for (const name of projectConfig.providers) {
    await callPlugin(providerPlugin(context, name), 'init', context);
  }
  if (asksPushLater) pushAfterwards = await askPushAfterwards(context);

  const rollback = new FileRollback();
  if (isNewProject) {
    rollback.keepDir(pathManager.getAmplifyDirPath(projectRoot)).keepFile(pathManager.getGitIgnoreFilePath(projectRoot));
  } else {
    rollback.keepDir(pathManager.getCurrentCloudBackendDirPath(projectRoot));
    if (!isNewEnv && headless.inputParams.restore === true) rollback.keepDir(pathManager.getBackendDirPath(projectRoot));
    for (const file of [
      pathManager.getAmplifyMetaFilePath(projectRoot),
      pathManager.getTeamProviderInfoFilePath(projectRoot),
      pathManager.getLocalEnvFilePath(projectRoot),
      pathManager.getLocalAWSInfoFilePath(projectRoot),
    ]) {
      rollback.keepFile(file);
    }
  }
  try {
    await rollback.guard(() => writeProject(context, plan, frontend));
  } catch (error) {
    reportLeftoverStack(context, plan);
    throw error;
  }
  printNextSteps(context, plan);
  // The env exists from here on: a failed push leaves it in place, to be pushed again.
  if (pushAfterwards) await pushProject(context, { projectRoot, yes: true, force: false, headless });
}

/**
 * The providers create the env in the cloud first and the files are written after: a folder init cannot write would
 * fail it only then, leaving a root stack behind. So both places it writes are checked before anything else (the
 * project lock is already a write): the project's `amplify/` folder and the amplify home (access keys given at
 * init, the plugin list).
 */
export function checkWritableFolders(projectRoot: string): void {
  assertWritableFolder(pathManager.getAmplifyDirPath(projectRoot), 'the project files', 'Make the project folder writable, or run init in a folder you can write to');
  assertWritableFolder(
    pathManager.getHomeDotAmplifyDirPath(),
    'the amplify home (credentials and keys)',
    'Make the folder writable, or point AMPLIFY_HOME at a folder you can write to',
  );
}

function requireProject(root: string | undefined): string {
  if (root === undefined) {
    throw new AmplifyError('ProjectNotInitialized', 'No amplify project found in this folder or any parent folder', {
      resolution: 'Run "amplify init" first; "amplify env add" adds an env to an existing project',
    });
  }
  return root;
}

async function askProjectName(context: CoreCommandContext, headless: HeadlessInput, projectRoot: string): Promise<string> {
  const given = headless.amplify.projectName;
  if (given !== undefined) {
    if (!isValidProjectName(given)) {
      throw new AmplifyError('InvalidProjectName', `Project name "${given}" is invalid. ${PROJECT_NAME_RULE}`, {
        resolution: 'Pass a valid name in --amplify \'{"projectName":"myapp"}\'',
      });
    }
    return given;
  }
  return context.amplify.prompter.input({
    message: 'Enter a name for the project',
    default: normalizeProjectName(path.basename(projectRoot)),
    flag: '--amplify \'{"projectName":"<name>"}\'',
    validate: (value) => isValidProjectName(value) || PROJECT_NAME_RULE,
  });
}

async function chooseEnv(
  context: CoreCommandContext,
  headless: HeadlessInput,
  projectRoot: string,
  isNewProject: boolean,
  mode: InitMode,
): Promise<{ envName: string; isNewEnv: boolean }> {
  const envs = isNewProject ? [] : Object.keys(stateManager.getTeamProviderInfo(projectRoot, { default: {} }));
  const prompter = context.amplify.prompter;
  let envName = headless.amplify.envName;
  if (envName === undefined) {
    if (headless.yes) {
      throw new AmplifyError('EnvironmentNameMissing', 'Environment name missing: --yes gives no answer for it', {
        resolution: `Pass ${ENV_FLAG}`,
      });
    }
    if (mode === 'init' && envs.length > 0) {
      const useExisting = await prompter.confirm({ message: 'Do you want to use an existing environment?', default: true, flag: ENV_FLAG });
      if (useExisting) {
        envName = await prompter.pick<string>({ message: 'Choose the environment you would like to use:', choices: envs, flag: ENV_FLAG });
        return { envName, isNewEnv: false };
      }
    }
    envName = await prompter.input({
      message: 'Enter a name for the environment',
      default: envs.includes('dev') ? undefined : 'dev',
      flag: ENV_FLAG,
      validate: (value) =>
        !isValidEnvName(value)
          ? 'Use 2 to 10 lowercase letters'
          : envs.includes(value) && mode === 'env-add'
            ? `Environment "${value}" already exists`
            : true,
    });
  }
  const exists = envs.includes(envName);
  if (exists && mode === 'env-add') {
    throw new AmplifyError('EnvironmentAlreadyExists', `Environment "${envName}" already exists`, {
      resolution: `Run "amplify env checkout ${envName}" to switch to it, or pick another name`,
    });
  }
  return { envName, isNewEnv: !exists };
}

async function chooseEditor(context: CoreCommandContext, headless: HeadlessInput, projectRoot: string): Promise<string> {
  const recorded = stateManager.getLocalEnvInfo(projectRoot, { throwIfNotExist: false })?.defaultEditor;
  if (recorded) return recorded;
  if (headless.amplify.defaultEditor) return headless.amplify.defaultEditor;
  return context.amplify.prompter.pick<string>({
    message: 'Choose your default editor:',
    choices: [...EDITORS],
    default: 'vscode',
    flag: '--amplify \'{"defaultEditor":"vscode"}\'',
  });
}

/** The summary is for a person starting from nothing: any answer given on the command line skips it. */
function offersSummary(headless: HeadlessInput): boolean {
  return !headless.yes && headless.amplify.envName === undefined && headless.amplify.defaultEditor === undefined && headless.frontend === undefined;
}

/**
 * The original's first screen: the settings init would take, then "Initialize the project with the above
 * configuration?". Yes takes them all (the detected frontend is returned); No asks each one.
 */
async function offerDefaults(context: CoreCommandContext, projectName: string, projectRoot: string): Promise<LoadedPlugin<Partial<FrontendPlugin>> | undefined> {
  const { printer } = context.session;
  const frontend = rankFrontends(context, projectRoot)[0];
  printer.info('The following configuration will be applied:');
  printer.info('');
  printer.info('Project information');
  printer.info(`| Name: ${projectName}`);
  printer.info(`| Environment: ${DEFAULT_ENV}`);
  printer.info(`| Default editor: ${EDITOR_NAMES[DEFAULT_EDITOR]}`);
  printer.info(`| App type: ${frontend.info.manifest.name}`);
  frontend.module.displayFrontendDefaults?.(context, projectRoot);
  printer.info('');
  const accepted = await context.amplify.prompter.confirm({ message: 'Initialize the project with the above configuration?', default: true, flag: '--yes' });
  return accepted ? frontend : undefined;
}

/** The installed frontends, loaded, the one whose `scanProject` scores the folder highest first. */
function rankFrontends(context: CoreCommandContext, projectRoot: string): Array<LoadedPlugin<Partial<FrontendPlugin>>> {
  return loadPlugins<Partial<FrontendPlugin>>(context, installedFrontends(context))
    .map((frontend) => ({ frontend, score: typeof frontend.module.scanProject === 'function' ? frontend.module.scanProject(projectRoot) : 0 }))
    .sort((a, b) => b.score - a.score)
    .map(({ frontend }) => frontend);
}

function installedFrontends(context: CoreCommandContext): PluginInfo[] {
  const infos = installedPlugins(context, 'frontend');
  if (infos.length === 0) {
    throw new AmplifyError('NoFrontendPlugins', 'No frontend plugins are installed', {
      resolution: 'Install amplify-frontend-javascript (or -android, -ios), then run "amplify plugin scan"',
    });
  }
  return infos;
}

/** Highest `scanProject` score first (the default); `--frontend` picks by name or alias. */
export async function chooseFrontend(context: CoreCommandContext, headless: HeadlessInput, projectRoot: string): Promise<LoadedPlugin<Partial<FrontendPlugin>>> {
  const requested = headless.frontend ? (headless.frontend.frontend ?? headless.frontend.type) : undefined;
  if (requested !== undefined) {
    const infos = installedFrontends(context);
    // Only the named frontend is loaded: the others' code is not needed to take its answer.
    const match = infos.find((info) => info.manifest.name === requested || (info.manifest.aliases ?? []).includes(String(requested)));
    if (!match) {
      throw new AmplifyError('FrontendNotFound', `--frontend names "${String(requested)}", which is not an installed frontend`, {
        resolution: `Use one of: ${infos.map((info) => info.manifest.name).join(', ')}`,
      });
    }
    return loadPlugins<Partial<FrontendPlugin>>(context, [match])[0];
  }
  const ranked = rankFrontends(context, projectRoot);
  const name = await context.amplify.prompter.pick<string>({
    message: "Choose the type of app that you're building",
    choices: ranked.map((frontend) => ({ name: frontend.info.manifest.displayName ?? frontend.info.manifest.name, value: frontend.info.manifest.name })),
    default: ranked[0].info.manifest.name,
    flag: '--frontend \'{"frontend":"javascript"}\'',
  });
  return ranked.find((frontend) => frontend.info.manifest.name === name)!;
}

async function chooseProviders(context: CoreCommandContext, headless: HeadlessInput): Promise<string[]> {
  const providers = installedPlugins(context, 'provider');
  if (providers.length === 0) {
    throw new AmplifyError('NoProviderPlugins', 'No provider plugins are installed', {
      resolution: 'Install amplify-provider-awscloudformation, then run "amplify plugin scan"',
    });
  }
  if (headless.providers) {
    const chosen = providers.filter((p) =>
      Object.keys(headless.providers ?? {}).some((key) => key === p.manifest.name || (p.manifest.aliases ?? []).includes(key)),
    );
    if (chosen.length === 0) {
      throw new AmplifyError('ProviderNotFound', `--providers names no installed provider (${Object.keys(headless.providers).join(', ')})`, {
        resolution: `Use one of: ${providers.map((p) => p.manifest.name).join(', ')}`,
      });
    }
    return chosen.map((p) => p.manifest.name);
  }
  if (providers.length === 1 || headless.yes) {
    const name = providers.find((p) => p.manifest.name === 'awscloudformation')?.manifest.name ?? providers[0].manifest.name;
    context.session.printer.info(`Using default provider ${name}`);
    return [name];
  }
  return context.amplify.prompter.pick<string>({
    message: 'Select the backend providers.',
    choices: providers.map((p) => p.manifest.name),
    multiSelect: true,
    default: ['awscloudformation'],
    flag: '--providers',
  });
}

/** The files of the project and of the new (or switched-to) env, then the plugins' onInitSuccessful. */
async function writeProject(context: CoreCommandContext, plan: InitPlan, frontend: LoadedPlugin<Partial<FrontendPlugin>>): Promise<void> {
  const { projectRoot, envName } = plan;
  const exeInfo = context.exeInfo!;
  createProjectFolders(projectRoot);
  if (plan.isNewProject) {
    stateManager.setProjectConfig(projectRoot, plan.projectConfig);
    stateManager.setBackendConfig(projectRoot, {});
    writeNewProjectFiles(projectRoot);
    updateGitIgnore(pathManager.getGitIgnoreFilePath(projectRoot));
  }
  writeLocalEnvInfo(projectRoot, plan.localEnvInfo);

  const teamProviderInfo = stateManager.getTeamProviderInfo(projectRoot, { default: {} });
  teamProviderInfo[envName] = { ...teamProviderInfo[envName], ...exeInfo.teamProviderInfo?.[envName] };
  stateManager.setTeamProviderInfo(projectRoot, teamProviderInfo);

  if (plan.isNewEnv) {
    // The new env has nothing deployed: its cloud copy holds only the provider records and an empty
    // backend-config (a pull restores backend/ from that copy), and every resource of backend-config shows as
    // Create until the first push.
    const meta: AmplifyMeta = regeneratedMeta(projectRoot, envName, plan.projectConfig.providers);
    clearCurrentCloudBackend(projectRoot);
    stateManager.setCurrentMeta(projectRoot, { providers: meta.providers });
    stateManager.setCurrentBackendConfig(projectRoot, {});
    // The root stack was created with these tags, so they count as deployed (as in the original's first copy).
    const tags = stateManager.getProjectTags(projectRoot, { throwIfNotExist: false });
    if (tags) stateManager.setCurrentProjectTags(projectRoot, tags);
    stateManager.setMeta(projectRoot, meta);
    exeInfo.amplifyMeta = meta;
  }

  await callPlugin(frontend, 'onInitSuccessful', context);
  for (const name of plan.projectConfig.providers) {
    await callPlugin(providerPlugin(context, name), 'onInitSuccessful', context);
  }

  if (!plan.isNewEnv) {
    await initializeEnv(context, { projectRoot, envName, restore: plan.headless.inputParams.restore === true });
    return;
  }
  exeInfo.amplifyMeta = stateManager.getMeta(projectRoot);
  // A new project has no resources: the frontend's onInitSuccessful has written its config already, and no
  // category can have outputs to react to or env parameters to ask for.
  if (plan.isNewProject) return;
  await initCategoriesForEnv(context, exeInfo.amplifyMeta);
  await context.amplify.onCategoryOutputsChange(context);
}

/** A new env of a project with resources: push them to it now (`--yes`/`--forcePush`), or leave that for later. */
async function askPushAfterwards(context: CoreCommandContext): Promise<boolean> {
  if (context.exeInfo?.forcePush === true) return true;
  return context.amplify.prompter.confirm({
    message: 'Do you want to push your resources to the cloud for your environment?',
    default: true,
    flag: '--forcePush',
  });
}

function hasResources(backendConfig: Record<string, Record<string, unknown>>): boolean {
  return Object.values(backendConfig).some((resources) => Object.keys(resources ?? {}).length > 0);
}

/** After a failed init the env's root stack may exist in the cloud while no local file records it any more. */
function reportLeftoverStack(context: CoreCommandContext, plan: InitPlan): void {
  if (!plan.isNewEnv) return;
  for (const [provider, record] of Object.entries(context.exeInfo?.teamProviderInfo?.[plan.envName] ?? {})) {
    const stackName = (record as { StackName?: unknown } | undefined)?.StackName;
    if (typeof stackName === 'string') {
      context.session.printer.warning(`The ${provider} root stack ${stackName} was created before the failure; delete it in the console if you do not retry.`);
    }
  }
}

function printNextSteps(context: CoreCommandContext, plan: InitPlan): void {
  const { printer } = context.session;
  printer.success(plan.isNewProject ? `✔ Initialized your environment successfully.` : `✔ Environment "${plan.envName}" is ready.`);
  printer.info('');
  printer.info('Your project has been successfully initialized and connected to the cloud!');
  printer.info('Some next steps:');
  printer.info('"amplify status" will show you what you\'ve added already and if it\'s locally configured or deployed');
  printer.info('"amplify add <category>" will allow you to add features like user login or a backend API');
  printer.info('"amplify push" will build all your local backend resources and provision it in the cloud');
  printer.info('"amplify publish" will build all your local backend and frontend resources (if you have hosting category added) and provision it in the cloud');
  printer.info('"amplify console" to open the Amplify Console and view your project status');
}
