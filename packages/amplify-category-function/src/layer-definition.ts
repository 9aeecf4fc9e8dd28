/** What a Lambda layer of the project is made of, as the walkthrough decides it and `layer-configuration.json` records it. */
import { createHash } from 'crypto';
import { NODE_RUNTIME, NODE_RUNTIME_PLUGIN_ID } from './constants';

export const LAYER_SERVICE = 'LambdaLayer';
export const LAYER_CONFIGURATION_FILE = 'layer-configuration.json';

/** The original's rule: the name is also part of the deployed layer name `<name>-<env>` and of stack logical ids. */
export const LAYER_NAME_PATTERN = '^[a-zA-Z0-9]{1,87}$';
export const ACCOUNT_ID_PATTERN = '^[0-9]{12}$';
export const ORG_ID_PATTERN = '^o-[a-zA-Z0-9]{10,32}$';

/** Who may use the layer's versions besides the owning account, in the original's `permissions` shape. */
export type LayerPermission =
  | { type: 'Private' }
  | { type: 'Public' }
  | { type: 'AwsAccounts'; accounts: string[] }
  | { type: 'AwsOrg'; orgs: string[] };

/** The choices of the permissions question (Private is implied: the owning account always has access). */
export const SHARED_PERMISSION_TYPES = ['AwsAccounts', 'AwsOrg', 'Public'] as const;
export type SharedPermissionType = (typeof SHARED_PERMISSION_TYPES)[number];

/** A runtime the layer serves, as `layer-configuration.json` stores it; Node.js is the one runtime of this tool. */
export interface LayerRuntime {
  value: 'nodejs';
  name: 'NodeJS';
  runtimePluginId: string;
  /** The folder under `lib/` holding this runtime's content (`nodejs` lands as `/opt/nodejs`). */
  layerExecutablePath: 'nodejs';
}

export const NODE_LAYER_RUNTIME: LayerRuntime = { value: 'nodejs', name: 'NodeJS', runtimePluginId: NODE_RUNTIME_PLUGIN_ID, layerExecutablePath: 'nodejs' };

/** `layer-configuration.json`. */
export interface LayerConfiguration {
  permissions: LayerPermission[];
  runtimes: LayerRuntime[];
}

/** The Lambda runtime identifiers a layer declares compatible (parameters.json `runtimes`). */
export function compatibleRuntimes(runtimes: readonly LayerRuntime[]): string[] {
  return runtimes.map((runtime) => (runtime.value === 'nodejs' ? NODE_RUNTIME : runtime.value));
}

/** Public makes every other grant redundant; the owning account is always listed, as the original records it. */
export function layerPermissions(types: readonly SharedPermissionType[], accounts: readonly string[], orgs: readonly string[]): LayerPermission[] {
  if (types.includes('Public')) return [{ type: 'Public' }];
  const permissions: LayerPermission[] = [];
  if (types.includes('AwsAccounts')) permissions.push({ type: 'AwsAccounts', accounts: [...new Set(accounts)] });
  if (types.includes('AwsOrg')) permissions.push({ type: 'AwsOrg', orgs: [...new Set(orgs)] });
  permissions.push({ type: 'Private' });
  return permissions;
}

/** Permissions as the walkthrough records them (Public alone, else the grants plus Private), whatever order they came in. */
export function normalisePermissions(permissions: readonly LayerPermission[]): LayerPermission[] {
  return layerPermissions(sharedPermissionTypes(permissions), permittedAccounts(permissions), permittedOrgs(permissions));
}

/** `AwsAccounts`/`AwsOrg`/`Public` of the recorded permissions, for the question's defaults. */
export function sharedPermissionTypes(permissions: readonly LayerPermission[]): SharedPermissionType[] {
  return permissions.flatMap((permission) => (permission.type === 'Private' ? [] : [permission.type]));
}

export function permittedAccounts(permissions: readonly LayerPermission[]): string[] {
  return permissions.flatMap((permission) => (permission.type === 'AwsAccounts' ? permission.accounts : []));
}

export function permittedOrgs(permissions: readonly LayerPermission[]): string[] {
  return permissions.flatMap((permission) => (permission.type === 'AwsOrg' ? permission.orgs : []));
}

/** The label of the version choice that follows the layer's newest version (the original's wording and stored value). */
export const LATEST_LAYER_VERSION = 'Always choose latest version';

/** A layer a function uses, as `function-parameters.json` `lambdaLayers` records it (the original's shape). */
export type FunctionLayer =
  | { type: 'ProjectLayer'; resourceName: string; env: string; version: number | typeof LATEST_LAYER_VERSION; isLatestVersionSelected: boolean }
  | { type: 'ExternalLayer'; arn: string };

/** Lambda accepts at most five layers per function. */
export const MAX_FUNCTION_LAYERS = 5;
export const LAYER_VERSION_ARN_PATTERN = '^arn:[a-zA-Z0-9-]+:lambda:[a-zA-Z0-9-]+:\\d{12}:layer:[a-zA-Z0-9-_]+:\\d+$';

/** `LambdaLayerVersion<id>`: the id is derived from the layer's name, so it stays the same for the layer's life. */
export function layerLogicalIdSuffix(layerName: string): string {
  return createHash('sha256').update(layerName).digest('hex').slice(0, 8);
}
