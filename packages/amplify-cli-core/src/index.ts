// The one public entry of the core library. Importing it must stay cheap: inquirer, ejs and gluegun are only
// ever required inside the functions that use them (type-only imports here are erased).
export * from './errors/amplify-error';
export * from './plugins';

export { pathManager, PathConstants, projectNotInitializedError } from './paths/path-manager';
export type { PathManager } from './paths/path-manager';

export * from './state/types';
export { readJsonFile, writeJsonFile, writeFileAtomic, parseJson } from './state/json-file';
export type { ReadJsonFileOptions } from './state/json-file';
export { withProjectLock, getProjectLockHolder } from './state/project-lock';
export type { ProjectLockInfo } from './state/project-lock';
export { stateManager } from './state/state-manager';
export { getProjectTags, DEFAULT_PROJECT_TAGS } from './state/project-tags';
export type { StateManager, GetStateOptions } from './state/state-manager';
export {
  categoryNames,
  getCategoryResources,
  getResourceMeta,
  listResources,
  setResourceMeta,
  deleteResourceMeta,
  PROVIDERS_KEY,
} from './state/meta-entries';
export {
  updateamplifyMetaAfterResourceAdd,
  updateamplifyMetaAfterResourceUpdate,
  updateamplifyMetaAfterResourceDelete,
  updateamplifyMetaAfterPush,
  updateamplifyMetaAfterBuild,
  updateAmplifyMetaAfterPackage,
  updateProvideramplifyMeta,
  updateBackendConfigAfterResourceAdd,
  updateBackendConfigAfterResourceUpdate,
  updateBackendConfigAfterResourceRemove,
  loadEnvResourceParameters,
  saveEnvResourceParameters,
  removeResourceParameters,
  getResourceOutputs,
  removeResource,
} from './state/resource-meta';
export type { ProviderOutputs, ResourceOutputs, RemoveResourceOptions, RemovedResource } from './state/resource-meta';

export { hashDirectory } from './status/hash-directory';
export { getResourceStatus } from './status/resource-status';
export type { ResourceStatus, ResourceStatusFilter, StatusResource } from './status/resource-status';
export { getStatusTable, hasChanges, STATUS_TABLE_HEADER } from './status/status-table';
export type { StatusRow, StatusOperation } from './status/status-table';

export { createPrompter } from './prompts/prompter';
export type {
  Prompter,
  PrompterOptions,
  PromptChoice,
  PromptValidator,
  ConfirmOptions,
  InputOptions,
  PasswordOptions,
  PickOptions,
  PickManyOptions,
} from './prompts/prompter';

export { selectService } from './prompts/service-selection';
export type { SupportedService, SelectServiceOptions, ServiceSelection } from './prompts/service-selection';

export { inputValidation } from './validation/input-validation';
export { getWhen } from './validation/get-when';
export type { WhenCondition, ConditionalQuestion, ProjectConfigSource } from './validation/get-when';
export type { ValidatedQuestion, QuestionValidation, ValidationOperator, Answer } from './validation/input-validation';

export { copyBatch } from './templates/copy-batch';
export type { CopyJob, CopyBatchOptions } from './templates/copy-batch';

export { makeId } from './utils/make-id';

export type {
  AmplifyContext,
  AmplifyToolkit,
  CoreToolkit,
  PlatformToolkit,
  AmplifyEvent,
  AmplifyEventArgs,
  CommandInput,
  CommandOptions,
  ExeInfo,
  ProjectDetails,
  PluginModule,
  ProviderPlugin,
  FrontendPlugin,
  CategoryPlugin,
  GeneralPlugin,
  PermissionPolicies,
  FrontendOutputs,
} from './context/amplify-context';
export { createCoreToolkit, PROJECT_CONFIG_VERSION } from './context/core-toolkit';
export type { CoreToolkitOptions } from './context/core-toolkit';
