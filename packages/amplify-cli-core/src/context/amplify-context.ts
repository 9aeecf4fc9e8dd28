import type { GluegunToolbox } from 'gluegun';
import type { PathConstants, PathManager } from '../paths/path-manager';
import type { PluginEventName, PluginPlatform } from '../plugins/plugin-types';
import type { Prompter } from '../prompts/prompter';
import type { SupportedService } from '../prompts/service-selection';
import type { RemovedResource } from '../category/remove-resource';
import type { ResourceOutputs } from '../state/resource-outputs';
import type { StateManager } from '../state/state-manager';
import type {
  AmplifyMeta,
  AwsCloudFormationProviderMeta,
  BackendConfig,
  BackendResourceConfig,
  EnvResourceParameters,
  LocalEnvInfo,
  ProjectConfig,
  ProjectTags,
  ResourceMeta,
  ResourceRef,
  TeamProviderEnv,
  TeamProviderInfo,
} from '../state/types';
import type { ResourceStatus } from '../status/resource-status';
import type { CopyJob } from '../templates/copy-batch';
import type { ConditionalQuestion, ProjectConfigSource } from '../validation/get-when';
import type { Answer, ValidatedQuestion } from '../validation/input-validation';

/**
 * Lifecycle events delivered to plugins that list them in their manifest's `eventHandlers`:
 * 'PreInit' | 'PostInit' | 'PrePush' | 'PostPush' | 'PrePull' | 'PostPull' (the list is `PLUGIN_EVENTS`).
 */
export type AmplifyEvent = PluginEventName;

export interface AmplifyEventArgs {
  event: AmplifyEvent;
  data?: unknown;
}

/** Option values as parsed from the command line: `--x value` gives a string, a bare `--x` gives true. */
export type CommandOptions = Record<string, string | boolean>;

/** The parsed command line, as the original's `context.input`. */
export interface CommandInput {
  argv: string[];
  plugin?: string;
  command?: string;
  subCommands?: string[];
  options?: CommandOptions;
}

/** The project files as `getProjectDetails()` returns them. */
export interface ProjectDetails {
  projectConfig: ProjectConfig;
  amplifyMeta: AmplifyMeta;
  localEnvInfo: LocalEnvInfo | Record<string, never>;
  teamProviderInfo: TeamProviderInfo;
  backendConfig: BackendConfig;
}

/**
 * Scratch state of the running command (`context.exeInfo`), filled by `constructExeInfo` and by init/push steps.
 * Plugins may keep their own keys; those are `unknown` until checked.
 */
export interface ExeInfo extends Partial<ProjectDetails> {
  /** CLI options with values JSON-parsed where they parse (`--amplify '{...}'`), `-y` folded into `yes`. */
  inputParams: Record<string, unknown>;
  isNewProject?: boolean;
  isNewEnv?: boolean;
  forcePush?: boolean;
  restoreBackend?: boolean;
  awsConfigInfo?: unknown;
  [pluginKey: string]: unknown;
}

/** Outputs a frontend receives in `createFrontendConfigs`. */
export type FrontendOutputs = ResourceOutputs['outputsForFrontend'];

/** Deployed outputs by category, then resource name, then output key, as a provider reports them after a push. */
export type PushedOutputs = Record<string, Record<string, Record<string, string>>>;

/**
 * What a provider's `pushResources` did, so the core can tell "no changes" from "deployed" before it refreshes
 * `#current-cloud-backend/`. Providers that report nothing return `void`.
 */
export type PushResult = { type: 'no-changes'; outputs: PushedOutputs } | { type: 'deployed'; outputs: PushedOutputs; uploaded: string[] };

/**
 * What a provider found in the cloud for a push that was interrupted after it started changing the cloud:
 * `deployed` once it has recorded the deploy in the project (outputs, provider metadata), `not-deployed` when the
 * stack never took the update or rolled it back.
 */
export type InterruptedPushOutcome = { type: 'deployed' } | { type: 'not-deployed' };

/** Functions a provider plugin's main module exports. */
export interface ProviderPlugin {
  init(context: AmplifyContext): Promise<void>;
  onInitSuccessful(context: AmplifyContext): Promise<void>;
  initEnv(context: AmplifyContext, providerMeta?: AwsCloudFormationProviderMeta): Promise<void>;
  configure(context: AmplifyContext): Promise<void>;
  pushResources(context: AmplifyContext, resources: ResourceStatus): Promise<PushResult | void>;
  /**
   * Settles this provider's part of an interrupted push from what it recorded in the push journal (`record`,
   * undefined when it had not reached the cloud): waits for a stack operation still running, then records the
   * deploy locally if it took effect. Providers without it are assumed not to have deployed.
   */
  completeInterruptedPush?(context: AmplifyContext, record: unknown): Promise<InterruptedPushOutcome>;
  deleteEnv(context: AmplifyContext, envName: string, deleteS3?: boolean): Promise<void>;
  /** Prints where to look at the current env; returns the URL when there is one to open in a browser. */
  console(context: AmplifyContext): Promise<string | void>;
  getConfiguredAWSClient?(context: AmplifyContext, category?: string, action?: string): Promise<unknown>;
  showHelpfulLinks?(context: AmplifyContext, resources: ResourceStatus['allResources']): void;
  providerUtils?: Record<string, (context: AmplifyContext, options?: unknown) => Promise<unknown>>;
  handleAmplifyEvent?(context: AmplifyContext, args: AmplifyEventArgs): Promise<void>;
  executeAmplifyCommand?(context: AmplifyContext): Promise<void>;
}

/** Functions a frontend plugin's main module exports. */
export interface FrontendPlugin {
  /** How likely `projectPath` is a project of this frontend (0–100); the highest score wins. */
  scanProject(projectPath: string): number;
  init(context: AmplifyContext): Promise<void>;
  onInitSuccessful(context: AmplifyContext): Promise<void>;
  configure(context: AmplifyContext): Promise<void>;
  createFrontendConfigs(context: AmplifyContext, outputs: FrontendOutputs, cloudOutputs?: FrontendOutputs): Promise<void>;
  run(context: AmplifyContext): Promise<void>;
  publish(context: AmplifyContext): Promise<void>;
  deleteConfig(context: AmplifyContext): Promise<void>;
  /** Prints, as `| Label: value` lines, the settings init takes when the user accepts its summary. */
  displayFrontendDefaults?(context: AmplifyContext, projectPath: string): void;
  /** Records those settings in `exeInfo.projectConfig` without asking. */
  setFrontendDefaults?(context: AmplifyContext, projectPath: string): void;
  handleAmplifyEvent?(context: AmplifyContext, args: AmplifyEventArgs): Promise<void>;
  executeAmplifyCommand?(context: AmplifyContext): Promise<void>;
}

export interface PermissionPolicies {
  permissionPolicies: unknown[];
  resourceAttributes: Array<{ resourceName: string; attributes: string[]; category: string }>;
}

/** Functions a category plugin's main module may export; its commands run through `executeAmplifyCommand`. */
export interface CategoryPlugin {
  executeAmplifyCommand?(context: AmplifyContext): Promise<void>;
  /** `payload` is the single line of JSON read from stdin under `--headless`. */
  executeAmplifyHeadlessCommand?(context: AmplifyContext, payload: string): Promise<void>;
  handleAmplifyEvent?(context: AmplifyContext, args: AmplifyEventArgs): Promise<void>;
  initEnv?(context: AmplifyContext): Promise<void>;
  console?(context: AmplifyContext): Promise<void>;
  migrate?(context: AmplifyContext): Promise<void>;
  onAmplifyCategoryOutputChange?(context: AmplifyContext, cloudMeta?: AmplifyMeta): Promise<void>;
  getPermissionPolicies?(context: AmplifyContext, resourceOpsMapping: Record<string, string[]>): Promise<PermissionPolicies>;
}

/** A general-purpose plugin: commands and event handlers only. */
export interface GeneralPlugin {
  executeAmplifyCommand?(context: AmplifyContext): Promise<void>;
  handleAmplifyEvent?(context: AmplifyContext, args: AmplifyEventArgs): Promise<void>;
}

export type PluginModule = Partial<ProviderPlugin> | Partial<FrontendPlugin> | CategoryPlugin | GeneralPlugin;

/**
 * The part of `context.amplify` the core library implements (`createCoreToolkit`): project state, status,
 * meta updates, prompts, templates, utilities. Project paths resolve from the current directory, as in the original.
 */
export interface CoreToolkit {
  constants: typeof PathConstants & { PROJECT_CONFIG_VERSION: string };
  pathManager: PathManager;
  stateManager: StateManager;
  prompter: Prompter;

  getProjectConfig(): ProjectConfig;
  getProjectMeta(): AmplifyMeta;
  getProjectDetails(): ProjectDetails;
  getEnvInfo(): LocalEnvInfo | Record<string, never>;
  getEnvDetails(): TeamProviderInfo;
  getAllEnvs(): string[];
  getCurrentEnvDetails(): TeamProviderEnv | undefined;
  constructExeInfo(context: AmplifyContext): ExeInfo;
  updateProjectConfig(projectPath: string | undefined, label: string, data: unknown): void;

  getResourceStatus(
    category?: string,
    resourceName?: string,
    providerName?: string,
    filteredResources?: ResourceRef[],
  ): Promise<ResourceStatus>;
  getResourceOutputs(meta?: AmplifyMeta): ResourceOutputs;

  updateamplifyMetaAfterResourceAdd(
    category: string,
    resourceName: string,
    metadata: ResourceMeta,
    backendConfig?: BackendResourceConfig,
  ): AmplifyMeta;
  updateamplifyMetaAfterResourceUpdate(category: string, resourceName: string, attribute: string, value: unknown): AmplifyMeta;
  updateamplifyMetaAfterResourceDelete(category: string, resourceName: string): void;
  updateamplifyMetaAfterPush(resources: ResourceRef[]): Promise<AmplifyMeta>;
  updateamplifyMetaAfterBuild(resource: ResourceRef, buildType?: string): AmplifyMeta;
  updateAmplifyMetaAfterPackage(resource: ResourceRef, zipFilename: string): AmplifyMeta;
  updateProvideramplifyMeta(providerName: string, values: AwsCloudFormationProviderMeta): AmplifyMeta;
  updateBackendConfigAfterResourceAdd(category: string, resourceName: string, config: BackendResourceConfig): BackendConfig;
  updateBackendConfigAfterResourceUpdate(category: string, resourceName: string, attribute: string, value: unknown): BackendConfig;
  updateBackendConfigAfterResourceRemove(category: string, resourceName: string): BackendConfig;
  loadEnvResourceParameters(context: AmplifyContext, category: string, resourceName: string): EnvResourceParameters;
  saveEnvResourceParameters(
    context: AmplifyContext,
    category: string,
    resourceName: string,
    parameters: EnvResourceParameters,
  ): void;
  removeResourceParameters(context: AmplifyContext, category: string, resourceName: string): void;
  /** Confirmation skipped by `--yes`; refused while another resource depends on it. */
  removeResource(context: AmplifyContext, category: string, resourceName?: string): Promise<RemovedResource>;

  inputValidation(question: ValidatedQuestion): (answer: Answer) => true | string;
  getWhen(
    question: ConditionalQuestion,
    answers: Record<string, unknown>,
    previousValues?: Record<string, unknown>,
    amplify?: ProjectConfigSource,
  ): (current?: Record<string, unknown>) => boolean;
  copyBatch(context: AmplifyContext, jobs: CopyJob[], props: object, force?: boolean, writeParams?: boolean): Promise<string[]>;
  confirmPrompt(message: string, defaultValue?: boolean): Promise<boolean>;
  /** Opens a file in the project's `defaultEditor` and returns when the user is done with it. */
  openEditor(context: AmplifyContext, filePath: string): Promise<void>;
  /**
   * Picks the service of a new resource among a category's supported services (only those of enabled providers;
   * one is taken without asking). `provider` is the provider plugin's package directory.
   */
  serviceSelectionPrompt(
    context: AmplifyContext,
    category: string,
    supportedServices: Record<string, SupportedService>,
  ): Promise<{ service: string; providerName: string; provider: string | undefined }>;
  makeId(length?: number): string;
  /** The project's stack tags with `{project-name}` / `{project-env}` filled in. */
  getTags(context: AmplifyContext): ProjectTags;
  readJsonFile<T>(filePath: string): T;
  writeObjectAsJson(filePath: string, data: unknown): void;
  hashDir(dir: string): Promise<string | undefined>;
}

/**
 * The part of `context.amplify` the `amplify` binary implements on top of its plugin platform and printer.
 * Plugin lookups return maps of short name -> package directory, as in the original.
 */
export interface PlatformToolkit {
  getPluginInstance(context: AmplifyContext, pluginName: string): PluginModule | undefined;
  getCategoryPlugins(context: AmplifyContext): Record<string, string>;
  getProviderPlugins(context: AmplifyContext): Record<string, string>;
  getFrontendPlugins(context: AmplifyContext): Record<string, string>;
  executeProviderUtils(context: AmplifyContext, providerName: string, utilName: string, options?: unknown): Promise<unknown>;
  raiseEvent(context: AmplifyContext, event: AmplifyEvent, data?: unknown): Promise<void>;
  onCategoryOutputsChange(context: AmplifyContext, cloudMeta?: AmplifyMeta, localMeta?: AmplifyMeta): Promise<void>;
  /** Prints the status table; returns whether anything would change. */
  showResourceTable(category?: string, resourceName?: string, filteredResources?: ResourceRef[]): Promise<boolean>;
  pushResources(context: AmplifyContext, category?: string, resourceName?: string, filteredResources?: ResourceRef[]): Promise<boolean>;
}

/**
 * What a plugin may know of the process it runs in, read-only, as the CLI gathered it once at its entry: plugins
 * read variables and terminal state from here rather than from `process.*`, so an in-process run (a test, an
 * embedding) decides them.
 */
export interface CommandEnvironment {
  readonly env: Readonly<Record<string, string | undefined>>;
  /**
   * Whether a person can answer prompts (stdin is a terminal); the prompter asks the same. A function because
   * reading stdin builds its stream, which most commands never need.
   */
  isInteractive(): boolean;
  /** Whether stdout is a terminal, where a live view can redraw in place. */
  readonly stdoutIsTTY: boolean;
}

/** `context.amplify`: the original's helper toolkit, typed. */
export interface AmplifyToolkit extends CoreToolkit, PlatformToolkit {}

/** The context every command and plugin receives: gluegun's toolbox plus amplify's extensions. */
export interface AmplifyContext extends GluegunToolbox {
  input: CommandInput;
  amplify: AmplifyToolkit;
  exeInfo?: ExeInfo;
  /** The active plugin set, as the CLI's plugin platform resolved it for this run. */
  pluginPlatform: PluginPlatform;
  environment: CommandEnvironment;
}
