import { AmplifyError } from 'amplify-cli-core';
import { KEY_TYPES, type DynamoDBConfig, type FieldType, type KeyField } from './dynamodb-config';
import type { S3Config, S3Permission } from './s3-config';

interface Permissions {
  auth: S3Permission[];
  guest?: S3Permission[];
  groups?: Record<string, S3Permission[]>;
}
/** The original's trigger field: an existing function by name, or a new one (`name` optional: the default name). */
export interface LambdaTrigger {
  mode: 'existing' | 'new';
  name?: string;
}

export interface AddS3Request {
  version: 1;
  serviceConfiguration: { serviceName: 'S3'; resourceName?: string; bucketName?: string; permissions: Permissions; lambdaTrigger?: LambdaTrigger };
}
export interface AddDynamoDBRequest {
  version: 1;
  serviceConfiguration: {
    serviceName: 'DynamoDB';
    resourceName?: string;
    tableName?: string;
    columns: Array<{ name: string; type: FieldType }>;
    partitionKey: string;
    sortKey?: string;
    gsi?: Array<{ name: string; partitionKey: string; sortKey?: string }>;
    /** A trigger function on the table's stream: `{mode: "new", name?}`, or an existing function already on it. */
    lambdaTrigger?: LambdaTrigger;
  };
}
export type AddStorageRequest = AddS3Request | AddDynamoDBRequest;
export interface UpdateS3Request {
  version: 1;
  serviceModification: { serviceName: 'S3'; resourceName: string; permissions?: Permissions; lambdaTrigger?: LambdaTrigger };
}
export interface UpdateDynamoDBRequest {
  version: 1;
  serviceModification: {
    serviceName: 'DynamoDB';
    resourceName: string;
    columns?: Array<{ name: string; type: FieldType }>;
    /** Replaces the indexes when given; left out, they stay. */
    gsi?: Array<{ name: string; partitionKey: string; sortKey?: string }>;
    lambdaTrigger?: LambdaTrigger;
  };
}
export type UpdateStorageRequest = UpdateS3Request | UpdateDynamoDBRequest;
export interface RemoveS3Request {
  version: 1;
  serviceConfiguration: { serviceName: 'S3'; resourceName: string; deleteBucketAndContents?: boolean };
}

function applyPermissions(config: S3Config, permissions: Permissions): void {
  const guest = permissions.guest ?? [];
  config.authAccess = permissions.auth;
  config.guestAccess = guest;
  config.storageAccess = guest.length > 0 ? 'authAndGuest' : 'auth';
  if (permissions.groups && Object.keys(permissions.groups).length > 0) config.groupAccess = permissions.groups;
  else delete config.groupAccess;
  if (config.authAccess.length === 0 && !config.groupAccess) {
    throw new AmplifyError('InvalidHeadlessInput', 'permissions.auth: give authenticated users or a group at least one permission', {
      resolution: 'Add CREATE_AND_UPDATE, READ or DELETE to permissions.auth or to a group',
    });
  }
}

/** Maps an S3 add request onto a new resource's defaults. */
export function fromAddS3Request(request: AddS3Request, defaults: S3Config): S3Config {
  const service = request.serviceConfiguration;
  const config: S3Config = { ...defaults, resourceName: service.resourceName ?? defaults.resourceName, bucketName: service.bucketName ?? defaults.bucketName };
  applyPermissions(config, service.permissions);
  // A new function is created by the caller once the request is known to be good.
  if (service.lambdaTrigger?.mode === 'existing') config.triggerFunction = service.lambdaTrigger.name ?? config.triggerFunction;
  return config;
}

export function fromUpdateS3Request(request: UpdateS3Request, previous: S3Config): S3Config {
  const config: S3Config = { ...previous };
  const modification = request.serviceModification;
  if (modification.permissions) applyPermissions(config, modification.permissions);
  if (modification.lambdaTrigger?.mode === 'existing') config.triggerFunction = modification.lambdaTrigger.name ?? config.triggerFunction;
  return config;
}

type Column = { name: string; type: FieldType };
type IndexRequest = { name: string; partitionKey: string; sortKey?: string };

/** Resolves a key named in a request against the known columns; only string, number and binary columns are keys. */
function keyResolver(columns: Column[], prefix: string): (field: string, name: string) => KeyField {
  return (field, name) => {
    const column = columns.find((c) => c.name === name);
    if (!column || !KEY_TYPES.includes(column.type)) {
      throw new AmplifyError('InvalidHeadlessInput', `${prefix}.${field}: "${name}" is not a column of type string, number or binary`, {
        resolution: `Name a column declared in ${prefix}.columns with a key type`,
      });
    }
    return { fieldName: column.name, fieldType: column.type };
  };
}

function indexesOf(requested: IndexRequest[], key: (field: string, name: string) => KeyField): DynamoDBConfig['gsi'] {
  const names = new Set<string>();
  return requested.map((index, i) => {
    if (names.has(index.name)) {
      throw new AmplifyError('InvalidHeadlessInput', `gsi[${i}].name: "${index.name}" is used by another index`, { resolution: 'Give each index its own name' });
    }
    names.add(index.name);
    return {
      name: index.name,
      partitionKey: key(`gsi[${i}].partitionKey`, index.partitionKey),
      ...(index.sortKey ? { sortKey: key(`gsi[${i}].sortKey`, index.sortKey) } : {}),
    };
  });
}

/** A column declared twice would be two attribute definitions of one name, which DynamoDB refuses at push. */
function rejectDuplicateColumns(columns: Column[], prefix: string): void {
  const seen = new Set<string>();
  columns.forEach((column, i) => {
    if (seen.has(column.name)) {
      throw new AmplifyError('InvalidHeadlessInput', `${prefix}.columns[${i}].name: "${column.name}" is declared twice`, {
        resolution: `Declare each column once in ${prefix}.columns`,
      });
    }
    seen.add(column.name);
  });
}

/** Maps a DynamoDB add request; keys must name declared columns of a key type. */
export function fromAddDynamoDBRequest(request: AddDynamoDBRequest, defaultName: string): DynamoDBConfig {
  const service = request.serviceConfiguration;
  rejectDuplicateColumns(service.columns, 'serviceConfiguration');
  if (service.sortKey !== undefined && service.sortKey === service.partitionKey) {
    throw new AmplifyError('InvalidHeadlessInput', `serviceConfiguration.sortKey: "${service.sortKey}" is already the partitionKey`, {
      resolution: 'Name another column as sortKey, or leave sortKey out',
    });
  }
  const key = keyResolver(service.columns, 'serviceConfiguration');
  const resourceName = service.resourceName ?? defaultName;
  const config: DynamoDBConfig = { resourceName, tableName: service.tableName ?? resourceName, partitionKey: key('partitionKey', service.partitionKey) };
  if (service.sortKey) config.sortKey = key('sortKey', service.sortKey);
  if (service.gsi && service.gsi.length > 0) config.gsi = indexesOf(service.gsi, key);
  return config;
}

/** Replaces a table's indexes; their keys may be the table's key columns, existing index keys or new `columns`. */
export function fromUpdateDynamoDBRequest(request: UpdateDynamoDBRequest, previous: DynamoDBConfig): DynamoDBConfig {
  const modification = request.serviceModification;
  const known: KeyField[] = [previous.partitionKey, ...(previous.sortKey ? [previous.sortKey] : []), ...(previous.gsi ?? []).flatMap((i) => [i.partitionKey, ...(i.sortKey ? [i.sortKey] : [])])];
  rejectDuplicateColumns(modification.columns ?? [], 'serviceModification');
  const columns: Column[] = [...known.map((k) => ({ name: k.fieldName, type: k.fieldType })), ...(modification.columns ?? [])];
  const config: DynamoDBConfig = { ...previous };
  if (!modification.gsi) return config;
  const indexes = indexesOf(modification.gsi, keyResolver(columns, 'serviceModification'));
  if (indexes && indexes.length > 0) config.gsi = indexes;
  else delete config.gsi;
  return config;
}
