/**
 * The one public entry of the core library.
 *
 * The `amplify` binary imports it on every run, including `amplify --version`, so only the error family and the
 * plugin contract load eagerly. Every other export is a getter that loads its module on first use: the values are
 * declared here with their exact types (`export declare`), and `lazyExports` defines them at run time. A unit
 * test checks that each declared name is defined.
 */
import type * as PathManagerModule from './paths/path-manager';
import type * as ConfinedPathModule from './paths/confined-path';
import type * as WritableFolderModule from './paths/writable-folder';
import type * as JsonFileModule from './state/json-file';
import type * as NewProjectFilesModule from './state/new-project-files';
import type * as ProjectLockModule from './state/project-lock';
import type * as StateManagerModule from './state/state-manager';
import type * as ProjectCheckModule from './state/project-check';
import type * as PushJournalModule from './state/push-journal';
import type * as FaultPointModule from './fault/fault-point';
import type * as PushInputsModule from './state/push-inputs';
import type * as ProjectTagsModule from './state/project-tags';
import type * as MetaEntriesModule from './state/meta-entries';
import type * as MetaMutationsModule from './state/meta-mutations';
import type * as CloudBackendCopyModule from './state/cloud-backend-copy';
import type * as DeployedCopyModule from './state/deployed-copy';
import type * as FolderReplaceModule from './state/folder-replace';
import type * as ProjectFoldersModule from './state/project-folders';
import type * as FileRollbackModule from './state/file-rollback';
import type * as EnvParametersModule from './state/env-parameters';
import type * as ResourceOutputsModule from './state/resource-outputs';
import type * as HashDirectoryModule from './status/hash-directory';
import type * as LayerHashModule from './status/layer-hash';
import type * as ResourceStatusModule from './status/resource-status';
import type * as StatusTableModule from './status/status-table';
import type * as PrompterModule from './prompts/prompter';
import type * as ServiceSelectionModule from './prompts/service-selection';
import type * as OpenEditorModule from './prompts/open-editor';
import type * as InputValidationModule from './validation/input-validation';
import type * as GetWhenModule from './validation/get-when';
import type * as LocalAwsEnvInfoModule from './validation/local-aws-env-info';
import type * as CopyBatchModule from './templates/copy-batch';
import type * as RenderTemplateModule from './templates/render-template';
import type * as MakeIdModule from './utils/make-id';
import type * as CoreToolkitModule from './context/core-toolkit';

export * from './errors/amplify-error';
export { fileSystemError } from './errors/file-system-error';
export { printable } from './utils/printable';
export * from './plugins';
export * from './category';
export { isRecord } from './utils/is-record';

/** Defines `names` as getters on this module's exports that require the module on first access. */
function lazyExports<T extends object>(load: () => T, names: Array<keyof T & string>): void {
  let loaded: T | undefined;
  for (const name of names) {
    Object.defineProperty(exports, name, { enumerable: true, get: () => (loaded ??= load())[name] });
  }
}

export declare const pathManager: typeof PathManagerModule.pathManager;
export declare const PathConstants: typeof PathManagerModule.PathConstants;
export declare const projectNotInitializedError: typeof PathManagerModule.projectNotInitializedError;
export type { PathManager } from './paths/path-manager';
lazyExports(() => require('./paths/path-manager') as typeof PathManagerModule, ['pathManager', 'PathConstants', 'projectNotInitializedError']);

export declare const projectRelativePathProblem: typeof ConfinedPathModule.projectRelativePathProblem;
export declare const pathSegmentProblem: typeof ConfinedPathModule.pathSegmentProblem;
lazyExports(() => require('./paths/confined-path') as typeof ConfinedPathModule, ['projectRelativePathProblem', 'pathSegmentProblem']);

export declare const assertWritableFolder: typeof WritableFolderModule.assertWritableFolder;
lazyExports(() => require('./paths/writable-folder') as typeof WritableFolderModule, ['assertWritableFolder']);

export type * from './state/types';

export declare const readJsonFile: typeof JsonFileModule.readJsonFile;
export declare const writeJsonFile: typeof JsonFileModule.writeJsonFile;
export declare const writeFileAtomic: typeof JsonFileModule.writeFileAtomic;
export declare const parseJson: typeof JsonFileModule.parseJson;
export type { ReadJsonFileOptions } from './state/json-file';
lazyExports(() => require('./state/json-file') as typeof JsonFileModule, ['readJsonFile', 'writeJsonFile', 'writeFileAtomic', 'parseJson']);

export declare const withProjectLock: typeof ProjectLockModule.withProjectLock;
export declare const getProjectLockHolder: typeof ProjectLockModule.getProjectLockHolder;
export declare const withFileLockSync: typeof ProjectLockModule.withFileLockSync;
export declare const systemLockClock: typeof ProjectLockModule.systemLockClock;
export type { ProjectLockInfo, FileLockOptions, LockClock, ProjectLockOptions } from './state/project-lock';
lazyExports(() => require('./state/project-lock') as typeof ProjectLockModule, ['withProjectLock', 'getProjectLockHolder', 'withFileLockSync', 'systemLockClock']);

export declare const stateManager: typeof StateManagerModule.stateManager;
export type { StateManager, GetStateOptions } from './state/state-manager';
lazyExports(() => require('./state/state-manager') as typeof StateManagerModule, ['stateManager']);

export declare const checkProjectFiles: typeof ProjectCheckModule.checkProjectFiles;
lazyExports(() => require('./state/project-check') as typeof ProjectCheckModule, ['checkProjectFiles']);

export declare const pushJournalExists: typeof PushJournalModule.pushJournalExists;
export declare const readPushJournal: typeof PushJournalModule.readPushJournal;
export declare const beginPushJournal: typeof PushJournalModule.beginPushJournal;
export declare const recordProviderInPushJournal: typeof PushJournalModule.recordProviderInPushJournal;
export declare const removePushJournal: typeof PushJournalModule.removePushJournal;
export type { PushJournal } from './state/push-journal';
lazyExports(() => require('./state/push-journal') as typeof PushJournalModule, [
  'pushJournalExists',
  'readPushJournal',
  'beginPushJournal',
  'recordProviderInPushJournal',
  'removePushJournal',
]);

export declare const assertPushInputsReadable: typeof PushInputsModule.assertPushInputsReadable;
lazyExports(() => require('./state/push-inputs') as typeof PushInputsModule, ['assertPushInputsReadable']);

export declare const faultPoint: typeof FaultPointModule.faultPoint;
lazyExports(() => require('./fault/fault-point') as typeof FaultPointModule, ['faultPoint']);

export declare const getProjectTags: typeof ProjectTagsModule.getProjectTags;
export declare const DEFAULT_PROJECT_TAGS: typeof ProjectTagsModule.DEFAULT_PROJECT_TAGS;
lazyExports(() => require('./state/project-tags') as typeof ProjectTagsModule, ['getProjectTags', 'DEFAULT_PROJECT_TAGS']);

export declare const writeNewProjectFiles: typeof NewProjectFilesModule.writeNewProjectFiles;
export declare const NEW_PROJECT_FEATURE_FLAGS: typeof NewProjectFilesModule.NEW_PROJECT_FEATURE_FLAGS;
lazyExports(() => require('./state/new-project-files') as typeof NewProjectFilesModule, ['writeNewProjectFiles', 'NEW_PROJECT_FEATURE_FLAGS']);

export declare const categoryNames: typeof MetaEntriesModule.categoryNames;
export declare const getCategoryResources: typeof MetaEntriesModule.getCategoryResources;
export declare const getResourceMeta: typeof MetaEntriesModule.getResourceMeta;
export declare const listResources: typeof MetaEntriesModule.listResources;
export declare const setResourceMeta: typeof MetaEntriesModule.setResourceMeta;
export declare const deleteResourceMeta: typeof MetaEntriesModule.deleteResourceMeta;
export declare const PROVIDERS_KEY: typeof MetaEntriesModule.PROVIDERS_KEY;
export declare const PARAMETERS_KEY: typeof MetaEntriesModule.PARAMETERS_KEY;
lazyExports(() => require('./state/meta-entries') as typeof MetaEntriesModule, [
  'categoryNames',
  'getCategoryResources',
  'getResourceMeta',
  'listResources',
  'setResourceMeta',
  'deleteResourceMeta',
  'PROVIDERS_KEY',
  'PARAMETERS_KEY',
]);

export declare const updateamplifyMetaAfterResourceAdd: typeof MetaMutationsModule.updateamplifyMetaAfterResourceAdd;
export declare const updateamplifyMetaAfterResourceUpdate: typeof MetaMutationsModule.updateamplifyMetaAfterResourceUpdate;
export declare const updateamplifyMetaAfterBuild: typeof MetaMutationsModule.updateamplifyMetaAfterBuild;
export declare const updateAmplifyMetaAfterPackage: typeof MetaMutationsModule.updateAmplifyMetaAfterPackage;
export declare const updateProvideramplifyMeta: typeof MetaMutationsModule.updateProvideramplifyMeta;
export declare const updateBackendConfigAfterResourceAdd: typeof MetaMutationsModule.updateBackendConfigAfterResourceAdd;
export declare const updateBackendConfigAfterResourceUpdate: typeof MetaMutationsModule.updateBackendConfigAfterResourceUpdate;
export declare const updateBackendConfigAfterResourceRemove: typeof MetaMutationsModule.updateBackendConfigAfterResourceRemove;
lazyExports(() => require('./state/meta-mutations') as typeof MetaMutationsModule, [
  'updateamplifyMetaAfterResourceAdd',
  'updateamplifyMetaAfterResourceUpdate',
  'updateamplifyMetaAfterBuild',
  'updateAmplifyMetaAfterPackage',
  'updateProvideramplifyMeta',
  'updateBackendConfigAfterResourceAdd',
  'updateBackendConfigAfterResourceUpdate',
  'updateBackendConfigAfterResourceRemove',
]);

export declare const updateamplifyMetaAfterPush: typeof CloudBackendCopyModule.updateamplifyMetaAfterPush;
export declare const updateamplifyMetaAfterResourceDelete: typeof CloudBackendCopyModule.updateamplifyMetaAfterResourceDelete;
lazyExports(() => require('./state/cloud-backend-copy') as typeof CloudBackendCopyModule, [
  'updateamplifyMetaAfterPush',
  'updateamplifyMetaAfterResourceDelete',
]);

export declare const replaceCurrentCloudBackend: typeof DeployedCopyModule.replaceCurrentCloudBackend;
export declare const restoreBackendFromDeployedCopy: typeof DeployedCopyModule.restoreBackendFromDeployedCopy;
export type { DeployedCopyFiles } from './state/deployed-copy';
lazyExports(() => require('./state/deployed-copy') as typeof DeployedCopyModule, ['replaceCurrentCloudBackend', 'restoreBackendFromDeployedCopy']);

export declare const writeFolder: typeof FolderReplaceModule.writeFolder;
lazyExports(() => require('./state/folder-replace') as typeof FolderReplaceModule, ['writeFolder']);

export declare const createProjectFolders: typeof ProjectFoldersModule.createProjectFolders;
export declare const clearCurrentCloudBackend: typeof ProjectFoldersModule.clearCurrentCloudBackend;
export declare const removeProjectFolder: typeof ProjectFoldersModule.removeProjectFolder;
lazyExports(() => require('./state/project-folders') as typeof ProjectFoldersModule, ['createProjectFolders', 'clearCurrentCloudBackend', 'removeProjectFolder']);

export declare const FileRollback: typeof FileRollbackModule.FileRollback;
export type FileRollback = FileRollbackModule.FileRollback;
lazyExports(() => require('./state/file-rollback') as typeof FileRollbackModule, ['FileRollback']);

export declare const loadEnvResourceParameters: typeof EnvParametersModule.loadEnvResourceParameters;
export declare const saveEnvResourceParameters: typeof EnvParametersModule.saveEnvResourceParameters;
export declare const removeResourceParameters: typeof EnvParametersModule.removeResourceParameters;
export declare const syncBackendConfigParameters: typeof EnvParametersModule.syncBackendConfigParameters;
lazyExports(() => require('./state/env-parameters') as typeof EnvParametersModule, [
  'loadEnvResourceParameters',
  'saveEnvResourceParameters',
  'removeResourceParameters',
  'syncBackendConfigParameters',
]);

export declare const getResourceOutputs: typeof ResourceOutputsModule.getResourceOutputs;
export type { ProviderOutputs, ResourceOutputs } from './state/resource-outputs';
lazyExports(() => require('./state/resource-outputs') as typeof ResourceOutputsModule, ['getResourceOutputs']);

export declare const hashDirectory: typeof HashDirectoryModule.hashDirectory;
lazyExports(() => require('./status/hash-directory') as typeof HashDirectoryModule, ['hashDirectory']);
export declare const hashLayerVersion: typeof LayerHashModule.hashLayerVersion;
lazyExports(() => require('./status/layer-hash') as typeof LayerHashModule, ['hashLayerVersion']);

export declare const getResourceStatus: typeof ResourceStatusModule.getResourceStatus;
export type { ResourceStatus, ResourceStatusFilter, StatusResource } from './status/resource-status';
lazyExports(() => require('./status/resource-status') as typeof ResourceStatusModule, ['getResourceStatus']);

export declare const getStatusTable: typeof StatusTableModule.getStatusTable;
export declare const hasChanges: typeof StatusTableModule.hasChanges;
export declare const STATUS_TABLE_HEADER: typeof StatusTableModule.STATUS_TABLE_HEADER;
export type { StatusRow, StatusOperation } from './status/status-table';
lazyExports(() => require('./status/status-table') as typeof StatusTableModule, ['getStatusTable', 'hasChanges', 'STATUS_TABLE_HEADER']);

export declare const createPrompter: typeof PrompterModule.createPrompter;
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
lazyExports(() => require('./prompts/prompter') as typeof PrompterModule, ['createPrompter']);

export declare const openEditor: typeof OpenEditorModule.openEditor;
export declare const EDITORS: typeof OpenEditorModule.EDITORS;
export type { OpenEditorOptions } from './prompts/open-editor';
lazyExports(() => require('./prompts/open-editor') as typeof OpenEditorModule, ['openEditor', 'EDITORS']);

export declare const selectService: typeof ServiceSelectionModule.selectService;
export type { SupportedService, SelectServiceOptions, ServiceSelection } from './prompts/service-selection';
lazyExports(() => require('./prompts/service-selection') as typeof ServiceSelectionModule, ['selectService']);

export declare const parseLocalAwsEnvInfo: typeof LocalAwsEnvInfoModule.parseLocalAwsEnvInfo;
lazyExports(() => require('./validation/local-aws-env-info') as typeof LocalAwsEnvInfoModule, ['parseLocalAwsEnvInfo']);

export declare const inputValidation: typeof InputValidationModule.inputValidation;
export type { ValidatedQuestion, QuestionValidation, ValidationOperator, Answer } from './validation/input-validation';
lazyExports(() => require('./validation/input-validation') as typeof InputValidationModule, ['inputValidation']);

export declare const getWhen: typeof GetWhenModule.getWhen;
export type { WhenCondition, ConditionalQuestion, ProjectConfigSource } from './validation/get-when';
lazyExports(() => require('./validation/get-when') as typeof GetWhenModule, ['getWhen']);

export declare const copyBatch: typeof CopyBatchModule.copyBatch;
export type { CopyJob, CopyBatchOptions } from './templates/copy-batch';
lazyExports(() => require('./templates/copy-batch') as typeof CopyBatchModule, ['copyBatch']);

export declare const renderTemplateFile: typeof RenderTemplateModule.renderTemplateFile;
lazyExports(() => require('./templates/render-template') as typeof RenderTemplateModule, ['renderTemplateFile']);

export declare const makeId: typeof MakeIdModule.makeId;
lazyExports(() => require('./utils/make-id') as typeof MakeIdModule, ['makeId']);

export type {
  AmplifyContext,
  AmplifyToolkit,
  CoreToolkit,
  PlatformToolkit,
  AmplifyEvent,
  AmplifyEventArgs,
  CommandEnvironment,
  CommandInput,
  CommandOptions,
  ExeInfo,
  ProjectDetails,
  PluginModule,
  ProviderPlugin,
  PushResult,
  PushedOutputs,
  InterruptedPushOutcome,
  FrontendPlugin,
  CategoryPlugin,
  GeneralPlugin,
  PermissionPolicies,
  FrontendOutputs,
} from './context/amplify-context';

export declare const createCoreToolkit: typeof CoreToolkitModule.createCoreToolkit;
export declare const PROJECT_CONFIG_VERSION: typeof CoreToolkitModule.PROJECT_CONFIG_VERSION;
export type { CoreToolkitOptions } from './context/core-toolkit';
lazyExports(() => require('./context/core-toolkit') as typeof CoreToolkitModule, ['createCoreToolkit', 'PROJECT_CONFIG_VERSION']);
