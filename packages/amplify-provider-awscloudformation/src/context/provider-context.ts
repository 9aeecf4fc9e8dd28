import type { ProviderPrompter } from '../io/provider-prompter';
import type { AmplifyMeta, CommandEnvironment, ResourceRef, TeamProviderInfo } from 'amplify-cli-core';
import type { RootStackOutputs } from '../project/project-types';

/**
 * The part of the core's `AmplifyContext` the provider's plugin functions read: a structural slice, so the
 * provider compiles against the contract rather than the CLI's internals, and tests can build one honestly.
 */
export interface ProviderContext {
  input?: { command?: string; subCommands?: string[]; options?: Record<string, string | boolean> };
  exeInfo?: ProviderExeInfo;
  print: {
    info(message: string): void;
    warning(message: string): void;
    success(message: string): void;
  };
  amplify: {
    prompter: ProviderPrompter;
    /** The core's plugin platform: another plugin's module by manifest name (the provider asks for `local-cloud`). */
    getPluginInstance?(context: ProviderContext, pluginName: string): unknown;
  };
  /** Where the provider reads AWS variables (`AWS_REGION`, `AWS_PROFILE`, endpoints, proxies) and terminal state. */
  environment: CommandEnvironment;
}

export interface ProviderExeInfo {
  inputParams?: Record<string, unknown>;
  projectConfig?: { projectName?: string };
  /** `projectPath` is set by the core in memory only (never persisted): the project root of this command. */
  localEnvInfo?: { envName?: string; projectPath?: string };
  amplifyMeta?: AmplifyMeta;
  teamProviderInfo?: TeamProviderInfo;
  isNewEnv?: boolean;
  forcePush?: boolean;
  restoreBackend?: boolean;
  /** The credential choice made by `init`, persisted by `onInitSuccessful`. */
  awsConfigInfo?: unknown;
  [key: string]: unknown;
}

/** The status the core hands to `pushResources` (the core's `ResourceStatus`, narrowed). */
export interface ProviderResourceStatus {
  resourcesToBeCreated: Array<ResourceRef & { providerPlugin?: string }>;
  resourcesToBeUpdated: Array<ResourceRef & { providerPlugin?: string }>;
  resourcesToBeDeleted: Array<ResourceRef & { providerPlugin?: string }>;
  allResources: Array<ResourceRef & { providerPlugin?: string }>;
}

export type { RootStackOutputs };
