import { pathManager, PathConstants, projectNotInitializedError } from '../paths/path-manager';
import type { Prompter } from '../prompts/prompter';
import type * as OpenEditorModule from '../prompts/open-editor';
import type * as ServiceSelectionModule from '../prompts/service-selection';
import { readJsonFile, writeJsonFile } from '../state/json-file';
import { removeResource } from '../category/remove-resource';
import * as cloudBackendCopy from '../state/cloud-backend-copy';
import * as envParameters from '../state/env-parameters';
import * as metaMutations from '../state/meta-mutations';
import { getResourceOutputs } from '../state/resource-outputs';
import { getProjectTags } from '../state/project-tags';
import { stateManager } from '../state/state-manager';
import { hashDirectory } from '../status/hash-directory';
import { getResourceStatus } from '../status/resource-status';
import type * as CopyBatchModule from '../templates/copy-batch';
import type * as MakeIdModule from '../utils/make-id';
import type * as GetWhenModule from '../validation/get-when';
import type * as InputValidationModule from '../validation/input-validation';
import type { AmplifyContext, CoreToolkit, ExeInfo, ProjectDetails } from './amplify-context';

/**
 * Walkthrough helpers that only some plugin commands use, required on first call: every command that touches
 * `context.amplify` (push raises its events through it) would otherwise load them.
 */
const openEditor: typeof OpenEditorModule.openEditor = (options) => (require('../prompts/open-editor') as typeof OpenEditorModule).openEditor(options);
const selectService: typeof ServiceSelectionModule.selectService = (options) =>
  (require('../prompts/service-selection') as typeof ServiceSelectionModule).selectService(options);
const copyBatch: typeof CopyBatchModule.copyBatch = (...args) => (require('../templates/copy-batch') as typeof CopyBatchModule).copyBatch(...args);
const makeId: typeof MakeIdModule.makeId = (...args) => (require('../utils/make-id') as typeof MakeIdModule).makeId(...args);
const getWhen: typeof GetWhenModule.getWhen = (...args) => (require('../validation/get-when') as typeof GetWhenModule).getWhen(...args);
const inputValidation: typeof InputValidationModule.inputValidation = (question) =>
  (require('../validation/input-validation') as typeof InputValidationModule).inputValidation(question);

/**
 * The project-config `version` this CLI writes (E4): the original's current one. On a project with an older version
 * the original rewrites project-config.json (and offers to change Lambda runtimes) at its next command.
 */
export const PROJECT_CONFIG_VERSION = '3.1';

export interface CoreToolkitOptions {
  /** Asks every question of the toolkit; the CLI creates it from `--yes` and the terminal. */
  prompter: Prompter;
  /** Finds the project root, or undefined outside a project; by default searched from the current directory. */
  searchProjectRoot?: () => string | undefined;
}

/** Parses option values the way the original's `constructExeInfo` does: JSON where it parses, else the raw value. */
function parseInputParams(options: Record<string, string | boolean> | undefined): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(options ?? {})) {
    const name = key === 'y' ? 'yes' : key;
    if (typeof value === 'string') {
      try {
        params[name] = JSON.parse(value);
      } catch {
        params[name] = value;
      }
    } else {
      params[name] = value;
    }
  }
  return params;
}

function isYes(context: AmplifyContext): boolean {
  const options = context.input.options ?? {};
  return options.yes === true || options.y === true || context.exeInfo?.inputParams.yes === true;
}

/**
 * Builds the `context.amplify` functions the core implements, each a thin delegation to the typed modules of this
 * package. The CLI adds the platform functions (`PlatformToolkit`) and hands the whole to plugins.
 */
export function createCoreToolkit(options: CoreToolkitOptions): CoreToolkit {
  const { prompter } = options;
  const searchRoot = options.searchProjectRoot ?? (() => pathManager.searchProjectRootPath());
  const root = (): string => {
    const projectRoot = searchRoot();
    if (projectRoot === undefined) throw projectNotInitializedError();
    return projectRoot;
  };

  const getProjectDetails = (): ProjectDetails => {
    const projectRoot = root();
    return {
      projectConfig: stateManager.getProjectConfig(projectRoot),
      amplifyMeta: stateManager.getMeta(projectRoot, { default: {} }),
      localEnvInfo: stateManager.getLocalEnvInfo(projectRoot, { throwIfNotExist: false }) ?? {},
      teamProviderInfo: stateManager.getTeamProviderInfo(projectRoot, { default: {} }),
      backendConfig: stateManager.getBackendConfig(projectRoot, { default: {} }),
    };
  };

  return {
    constants: { ...PathConstants, PROJECT_CONFIG_VERSION },
    pathManager,
    stateManager,
    prompter,

    getProjectConfig: () => stateManager.getProjectConfig(root()),
    getProjectMeta: () => stateManager.getMeta(root()),
    getProjectDetails,
    getEnvInfo: () => stateManager.getLocalEnvInfo(root(), { throwIfNotExist: false }) ?? {},
    getEnvDetails: () => stateManager.getTeamProviderInfo(root(), { default: {} }),
    getAllEnvs: () => Object.keys(stateManager.getTeamProviderInfo(root(), { default: {} })),
    getCurrentEnvDetails: () => {
      const projectRoot = root();
      return stateManager.getTeamProviderInfo(projectRoot, { default: {} })[stateManager.getCurrentEnvName(projectRoot)];
    },
    constructExeInfo(context: AmplifyContext): ExeInfo {
      const inputParams = parseInputParams(context.input.options);
      // Outside a project (e.g. during init) there are no details yet, only the options.
      const details = searchRoot() === undefined ? {} : getProjectDetails();
      const exeInfo: ExeInfo = { ...details, inputParams };
      context.exeInfo = exeInfo;
      return exeInfo;
    },
    updateProjectConfig(projectPath, label, data) {
      const projectRoot = projectPath ?? root();
      const config = stateManager.getProjectConfig(projectRoot);
      config[label] = data;
      stateManager.setProjectConfig(projectRoot, config);
    },

    getResourceStatus: async (category, resourceName, providerName, filteredResources) =>
      getResourceStatus(root(), { category, resourceName, providerName, filteredResources }),
    getResourceOutputs: (meta) => getResourceOutputs(meta ?? stateManager.getMeta(root())),

    updateamplifyMetaAfterResourceAdd: (category, resourceName, metadata, backendConfig) =>
      metaMutations.updateamplifyMetaAfterResourceAdd(root(), category, resourceName, metadata, backendConfig),
    updateamplifyMetaAfterResourceUpdate: (category, resourceName, attribute, value) =>
      metaMutations.updateamplifyMetaAfterResourceUpdate(root(), category, resourceName, attribute, value),
    updateamplifyMetaAfterResourceDelete: (category, resourceName) =>
      cloudBackendCopy.updateamplifyMetaAfterResourceDelete(root(), category, resourceName),
    updateamplifyMetaAfterPush: async (resources) => cloudBackendCopy.updateamplifyMetaAfterPush(root(), resources),
    updateamplifyMetaAfterBuild: (resource, buildType) => metaMutations.updateamplifyMetaAfterBuild(root(), resource, buildType),
    updateAmplifyMetaAfterPackage: (resource, zipFilename) =>
      metaMutations.updateAmplifyMetaAfterPackage(root(), resource, zipFilename),
    updateProvideramplifyMeta: (providerName, values) => metaMutations.updateProvideramplifyMeta(root(), providerName, values),
    updateBackendConfigAfterResourceAdd: (category, resourceName, config) =>
      metaMutations.updateBackendConfigAfterResourceAdd(root(), category, resourceName, config),
    updateBackendConfigAfterResourceUpdate: (category, resourceName, attribute, value) =>
      metaMutations.updateBackendConfigAfterResourceUpdate(root(), category, resourceName, attribute, value),
    updateBackendConfigAfterResourceRemove: (category, resourceName) =>
      metaMutations.updateBackendConfigAfterResourceRemove(root(), category, resourceName),
    loadEnvResourceParameters: (_context, category, resourceName) =>
      envParameters.loadEnvResourceParameters(root(), category, resourceName),
    saveEnvResourceParameters: (_context, category, resourceName, parameters) =>
      envParameters.saveEnvResourceParameters(root(), category, resourceName, parameters),
    removeResourceParameters: (_context, category, resourceName) =>
      envParameters.removeResourceParameters(root(), category, resourceName),
    removeResource: (context, category, resourceName) =>
      removeResource(root(), { category, resourceName, yes: isYes(context), prompter, info: (message) => context.print.info(message) }),

    inputValidation,
    getWhen,
    copyBatch: (_context, jobs, props, force, writeParams) => copyBatch(jobs, props, { force, writeParams, prompter }),
    confirmPrompt: (message, defaultValue = true) => prompter.confirm({ message, default: defaultValue }),
    openEditor: (context, filePath) =>
      openEditor({
        filePath,
        editor: stateManager.getLocalEnvInfo(root(), { throwIfNotExist: false })?.defaultEditor,
        prompter,
        info: (message) => context.print.info(message),
      }),
    async serviceSelectionPrompt(context, category, supportedServices) {
      const enabledProviders = stateManager.getProjectConfig(root()).providers;
      const selection = await selectService({ category, supportedServices, enabledProviders, prompter });
      if (selection.autoSelected) {
        context.print.info(`Using service: ${selection.service}, provided by: ${selection.providerName}`);
      }
      const provider = context.amplify.getProviderPlugins(context)[selection.providerName];
      return { service: selection.service, providerName: selection.providerName, provider };
    },
    makeId,
    getTags: () => getProjectTags(root()),
    readJsonFile: <T>(filePath: string) => readJsonFile<T>(filePath),
    writeObjectAsJson: (filePath, data) => writeJsonFile(filePath, data),
    hashDir: async (dir) => hashDirectory(dir),
  };
}
