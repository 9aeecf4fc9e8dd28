/**
 * The slices of the project files this provider reads and writes (reference §2.2). They are structurally the
 * core's types; kept here as narrow as the provider needs, so the provider builds on its own seam.
 */
export interface RootStackOutputs {
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

export interface DependsOn {
  category: string;
  resourceName: string;
  attributes: string[];
  /** Attribute -> export name, passed as `Fn::ImportValue` instead of `Fn::GetAtt`. */
  exports?: Record<string, string>;
}

export interface ResourceEntry {
  service: string;
  providerPlugin?: string;
  dependsOn?: DependsOn[];
  build?: boolean;
  providerMetadata?: { s3TemplateURL?: string; logicalId?: string; [key: string]: unknown };
  output?: Record<string, unknown>;
  lastPushTimeStamp?: string;
  lastBuildTimeStamp?: string;
  lastPackageTimeStamp?: string;
  distZipFilename?: string;
  [key: string]: unknown;
}

export interface MetaFile {
  providers?: Record<string, RootStackOutputs>;
  [category: string]: Record<string, ResourceEntry> | Record<string, RootStackOutputs> | undefined;
}

export interface TeamProviderEnv {
  awscloudformation?: RootStackOutputs;
  categories?: Record<string, Record<string, Record<string, unknown>>>;
  [provider: string]: unknown;
}

export type TeamProviderInfoFile = Record<string, TeamProviderEnv>;

/** A resource the core asks the provider to deploy (or that the push must carry along). */
export interface ResourceRef {
  category: string;
  resourceName: string;
}

/** Every resource of a meta file, `providers` excluded, as [category, name, entry]. */
export function listMetaResources(meta: MetaFile): Array<[string, string, ResourceEntry]> {
  const resources: Array<[string, string, ResourceEntry]> = [];
  for (const [category, entries] of Object.entries(meta)) {
    if (category === 'providers' || !entries || typeof entries !== 'object') continue;
    for (const [name, entry] of Object.entries(entries as Record<string, ResourceEntry>)) {
      if (entry && typeof entry === 'object') resources.push([category, name, entry]);
    }
  }
  return resources;
}

export function getResourceEntry(meta: MetaFile, category: string, resourceName: string): ResourceEntry | undefined {
  if (category === 'providers') return undefined;
  return (meta[category] as Record<string, ResourceEntry> | undefined)?.[resourceName];
}
