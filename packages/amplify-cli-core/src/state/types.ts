/**
 * Shapes of the project files. Plugin-specific keys are allowed where the original allows them,
 * typed as `unknown` so that a reader has to check before use.
 */

export interface JavaScriptFrontendConfig {
  framework?: string;
  config: {
    SourceDir: string;
    DistributionDir: string;
    BuildCommand: string;
    StartCommand: string;
  };
}

/** `amplify/.config/project-config.json`. The frontend's own block sits under its name (e.g. `javascript`). */
export interface ProjectConfig {
  projectName: string;
  version: string;
  frontend: string;
  providers: string[];
  [frontendBlock: string]: unknown;
}

/** `amplify/.config/local-env-info.json` (not committed). */
export interface LocalEnvInfo {
  projectPath?: string;
  defaultEditor?: string;
  envName: string;
  noUpdateBackend?: boolean;
}

/**
 * One env's credential choice in `amplify/.config/local-aws-info.json`: the original's shapes, plus `local` for the
 * embedded local cloud.
 */
export type LocalAwsEnvInfo =
  | { configLevel: 'project'; useProfile: true; profileName: string }
  | { configLevel: 'project'; useProfile: false; awsConfigFilePath: string }
  | { configLevel: 'general' }
  | { configLevel: 'local' };

export type LocalAwsInfo = Record<string, LocalAwsEnvInfo>;

/** Root stack outputs recorded per env and in `amplify-meta.json` `providers.awscloudformation`. */
export interface AwsCloudFormationProviderMeta {
  AuthRoleName?: string;
  UnauthRoleArn?: string;
  AuthRoleArn?: string;
  Region?: string;
  DeploymentBucketName?: string;
  UnauthRoleName?: string;
  StackName?: string;
  StackId?: string;
  AmplifyAppId?: string;
  [key: string]: unknown;
}

export type EnvResourceParameters = Record<string, unknown>;

/** `category -> resource -> env-specific parameters`. */
export type EnvCategoryParameters = Record<string, Record<string, EnvResourceParameters>>;

export interface TeamProviderEnv {
  awscloudformation?: AwsCloudFormationProviderMeta;
  categories?: EnvCategoryParameters;
  [provider: string]: unknown;
}

/** `amplify/team-provider-info.json`: env name -> its provider outputs and env-specific parameters. */
export type TeamProviderInfo = Record<string, TeamProviderEnv>;

/** A resource's dependency on outputs of another resource. */
export interface DependsOn {
  category: string;
  resourceName: string;
  attributes: string[];
}

/** One resource in `backend-config.json`: env-independent desired state. */
export interface BackendResourceConfig {
  service: string;
  providerPlugin: string;
  dependsOn?: DependsOn[];
  build?: boolean;
  [pluginKey: string]: unknown;
}

/** `amplify/backend/backend-config.json`: category -> resource name -> config. */
export type BackendConfig = Record<string, Record<string, BackendResourceConfig>>;

export interface ProviderMetadata {
  s3TemplateURL?: string;
  logicalId?: string;
  [key: string]: unknown;
}

/** One resource in `amplify-meta.json`. */
export interface ResourceMeta extends BackendResourceConfig {
  providerMetadata?: ProviderMetadata;
  lastPushTimeStamp?: string;
  lastPushDirHash?: string;
  lastBuildTimeStamp?: string;
  lastBuildType?: string;
  lastPackageTimeStamp?: string;
  distZipFilename?: string;
  output?: Record<string, unknown>;
}

/**
 * `amplify/backend/amplify-meta.json`: `providers` plus one map per category. Categories are read with
 * `getCategoryResources` rather than through the index signature because `providers` shares it.
 */
export interface AmplifyMeta {
  providers?: Record<string, AwsCloudFormationProviderMeta>;
  [category: string]: Record<string, ResourceMeta> | Record<string, AwsCloudFormationProviderMeta> | undefined;
}

/** Identifies a resource across the project files. */
export interface ResourceRef {
  category: string;
  resourceName: string;
}

/** Tags applied to every stack (`backend/tags.json`). */
export type ProjectTags = Array<{ Key: string; Value: string }>;
