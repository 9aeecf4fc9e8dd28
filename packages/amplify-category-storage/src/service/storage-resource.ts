import * as fs from 'fs';
import * as path from 'path';
import {
  AmplifyError,
  getCategoryResources,
  pathManager,
  readJsonFile,
  stateManager,
  writeResource,
  type AmplifyContext,
  type DependsOn,
} from 'amplify-cli-core';
import { dynamoDBParameters, dynamoDBTemplate } from './dynamodb-template';
import type { DynamoDBConfig } from './dynamodb-config';
import type { S3Config } from './s3-config';
import { s3Parameters, s3Template } from './s3-template';

export const CATEGORY = 'storage';
const PROVIDER = 'awscloudformation';
export type StorageService = 'S3' | 'DynamoDB';

function resourcesOf(projectRoot: string, category: string): Record<string, { service: string }> {
  return getCategoryResources(stateManager.getMeta(projectRoot, { default: {} }), category);
}

export function storageResources(projectRoot: string, service?: StorageService): string[] {
  const resources = resourcesOf(projectRoot, CATEGORY);
  return Object.keys(resources).filter((name) => service === undefined || resources[name].service === service);
}

export function serviceOf(projectRoot: string, resourceName: string): StorageService {
  const service = resourcesOf(projectRoot, CATEGORY)[resourceName]?.service;
  if (service !== 'S3' && service !== 'DynamoDB') {
    throw new AmplifyError('ResourceNotFound', `No storage resource named ${resourceName}`, { resolution: 'Run "amplify status" to see the storage resources' });
  }
  return service;
}

/** The Cognito resource of the project, if any. */
export function authResourceName(projectRoot: string): string | undefined {
  const resources = resourcesOf(projectRoot, 'auth');
  return Object.keys(resources).find((name) => resources[name].service === 'Cognito');
}

/** The user pool groups of the project's auth, in precedence order. */
export function userPoolGroups(projectRoot: string): string[] {
  const file = path.join(pathManager.getResourceDirectoryPath(projectRoot, 'auth', 'userPoolGroups'), 'user-pool-group-precedence.json');
  if (!resourcesOf(projectRoot, 'auth').userPoolGroups || !fs.existsSync(file)) return [];
  return readJsonFile<Array<{ groupName: string }>>(file).map((g) => g.groupName);
}

/** Lambda functions of the project (candidates for triggers). */
export function projectFunctions(projectRoot: string): string[] {
  const resources = resourcesOf(projectRoot, 'function');
  return Object.keys(resources).filter((name) => resources[name].service === 'Lambda');
}

function cliInputsPath(projectRoot: string, resourceName: string): string {
  return path.join(pathManager.getResourceDirectoryPath(projectRoot, CATEGORY, resourceName), 'cli-inputs.json');
}

/**
 * An S3 resource's cli-inputs.json. The original's headless add leaves out `triggerFunction` when there is none
 * (and may leave out an empty `guestAccess`): read as "NONE" and no guest access.
 */
export function readS3Config(projectRoot: string, resourceName: string): S3Config {
  const written = readJsonFile<Partial<S3Config> & Pick<S3Config, 'resourceName' | 'bucketName' | 'policyUUID' | 'storageAccess'>>(cliInputsPath(projectRoot, resourceName));
  return { ...written, authAccess: written.authAccess ?? [], guestAccess: written.guestAccess ?? [], triggerFunction: written.triggerFunction ?? 'NONE' };
}

export function readDynamoDBConfig(projectRoot: string, resourceName: string): DynamoDBConfig {
  return readJsonFile<DynamoDBConfig>(cliInputsPath(projectRoot, resourceName));
}

/** S3 cli-inputs.json in the original's key order. */
function s3CliInputs(config: S3Config): S3Config {
  const { resourceName, bucketName, policyUUID, storageAccess, guestAccess, authAccess, triggerFunction, ...rest } = config;
  return { resourceName, bucketName, policyUUID, storageAccess, guestAccess, authAccess, triggerFunction, ...rest };
}

/** DynamoDB cli-inputs.json as the original's walkthrough writes it: `gsi` and `triggerFunctions` always present. */
function dynamoDBCliInputs(config: DynamoDBConfig): DynamoDBConfig {
  const { resourceName, tableName, partitionKey, sortKey, gsi, triggerFunctions } = config;
  return { resourceName, tableName, partitionKey, ...(sortKey ? { sortKey } : {}), gsi: gsi ?? [], triggerFunctions: triggerFunctions ?? [] };
}

/** What the auth plugin offers other categories (see amplify-category-auth's index). */
interface AuthPluginApi {
  addAuthResource?(context: AmplifyContext): Promise<string>;
  allowGuestAccess?(context: AmplifyContext): Promise<boolean>;
}

function authPlugin(context: AmplifyContext): AuthPluginApi {
  const plugin = context.amplify.getPluginInstance(context, 'auth') as AuthPluginApi | undefined;
  if (!plugin?.addAuthResource || !plugin.allowGuestAccess) {
    throw new AmplifyError('PluginNotFound', 'S3 storage needs the auth category plugin (amplify-category-auth), which is not installed', {
      resolution: 'Install amplify-category-auth and run "amplify plugin scan"',
    });
  }
  return plugin;
}

/** What the function plugin offers other categories (see amplify-category-function's index). */
interface FunctionPluginApi {
  addTriggerFunction?(context: AmplifyContext, request: { kind: 's3' | 'dynamodb'; name?: string; table?: string }): Promise<string>;
  tableTriggerFunctions?(context: AmplifyContext, table: string): Promise<string[]>;
  wireTableTrigger?(context: AmplifyContext, functionName: string, table: string): Promise<void>;
}

function functionPlugin(context: AmplifyContext): Required<FunctionPluginApi> {
  const plugin = context.amplify.getPluginInstance(context, 'function') as FunctionPluginApi | undefined;
  if (!plugin?.addTriggerFunction || !plugin.tableTriggerFunctions || !plugin.wireTableTrigger) {
    throw new AmplifyError('PluginNotFound', 'Lambda triggers need the function category plugin (amplify-category-function), which is not installed', {
      resolution: 'Install amplify-category-function and run "amplify plugin scan"',
    });
  }
  return plugin as Required<FunctionPluginApi>;
}

/** A new trigger function made by the function category: `S3Trigger<id>`, or `<table>Trigger<id>` on the table's stream. */
export function addTriggerFunction(context: AmplifyContext, request: { kind: 's3' | 'dynamodb'; name?: string; table?: string }): Promise<string> {
  return functionPlugin(context).addTriggerFunction(context, request);
}


/**
 * S3 storage needs auth: without it, offers to add it now (default yes, so `--yes` adds the default
 * configuration); headless requests fail instead. Returns the auth resource's name.
 */
export async function ensureAuth(context: AmplifyContext, projectRoot: string, headless: boolean): Promise<string> {
  const existing = authResourceName(projectRoot);
  if (existing) return existing;
  const resolution = 'Run "amplify add auth" first';
  if (headless) throw new AmplifyError('AuthNotFound', 'S3 storage needs auth (Amazon Cognito), which this project does not have', { resolution });
  const add = await context.amplify.prompter.confirm({
    message: 'You need to add auth (Amazon Cognito) to your project in order to add storage for user files. Do you want to add auth now?',
    default: true,
    flag: '--yes',
  });
  if (!add) throw new AmplifyError('AuthNotFound', 'S3 storage needs auth (Amazon Cognito)', { resolution });
  return authPlugin(context).addAuthResource!(context);
}

/** Guest access needs unauthenticated identities on the identity pool; turns them on, or fails without one. */
export async function ensureGuestAccess(context: AmplifyContext, config: S3Config): Promise<void> {
  if (config.storageAccess !== 'authAndGuest') return;
  if (!(await authPlugin(context).allowGuestAccess!(context))) {
    throw new AmplifyError('GuestAccessUnavailable', 'Guest access needs an identity pool, and the auth resource has none', {
      resolution: 'Run "amplify update auth" and choose sign-in connected with AWS IAM controls, or give only authenticated users access',
    });
  }
}

function s3DependsOn(config: S3Config, authName: string | undefined): DependsOn[] {
  const dependsOn: DependsOn[] = [];
  const groups = Object.keys(config.groupAccess ?? {});
  if (groups.length > 0 && authName) {
    dependsOn.push({ category: 'auth', resourceName: authName, attributes: ['UserPoolId'] });
    dependsOn.push({ category: 'auth', resourceName: 'userPoolGroups', attributes: groups.map((g) => `${g}GroupRole`) });
  }
  if (config.triggerFunction !== 'NONE') {
    dependsOn.push({ category: 'function', resourceName: config.triggerFunction, attributes: ['Name', 'Arn', 'LambdaExecutionRole'] });
  }
  return dependsOn;
}

/** Writes an S3 resource: cli-inputs, build/parameters.json, build/cloudformation-template.json, meta. */
export async function saveS3Resource(projectRoot: string, config: S3Config, mode: 'add' | 'update'): Promise<void> {
  if (mode === 'add') {
    const existing = storageResources(projectRoot, 'S3');
    if (existing.length > 0) {
      throw new AmplifyError('ResourceAlreadyExists', `Amazon S3 storage was already added to your project (${existing[0]})`, {
        resolution: 'Run "amplify update storage" to change it',
      });
    }
  }
  const authName = authResourceName(projectRoot);
  const dependsOn = s3DependsOn(config, authName);
  await writeResource({
    projectRoot,
    category: CATEGORY,
    resourceName: config.resourceName,
    mode,
    jsonFiles: {
      'cli-inputs.json': s3CliInputs(config),
      'build/parameters.json': s3Parameters(config),
      'build/cloudformation-template.json': s3Template(config, { authResourceName: authName ?? '' }),
    },
    meta: mode === 'add' ? { service: 'S3', providerPlugin: PROVIDER, dependsOn } : { dependsOn },
  });
}

/** Writes a DynamoDB resource. */
export async function saveDynamoDBResource(projectRoot: string, config: DynamoDBConfig, mode: 'add' | 'update'): Promise<void> {
  await writeResource({
    projectRoot,
    category: CATEGORY,
    resourceName: config.resourceName,
    mode,
    jsonFiles: {
      'cli-inputs.json': dynamoDBCliInputs(config),
      'build/parameters.json': dynamoDBParameters(config),
      [`build/${config.resourceName}-cloudformation-template.json`]: dynamoDBTemplate(config),
    },
    meta: mode === 'add' ? { service: 'DynamoDB', providerPlugin: PROVIDER } : {},
  });
}

/**
 * Adds a trigger to a saved table: a new `<table>Trigger<id>` function wired to its stream, or an existing function
 * of the project (wired to the stream by the function category unless it already is). Records it in
 * `triggerFunctions` and saves the table again, whose stream then carries old and new images.
 */
export async function addDynamoDBTrigger(context: AmplifyContext, projectRoot: string, config: DynamoDBConfig, trigger: { mode: 'existing' | 'new'; name?: string }): Promise<string> {
  let name: string;
  if (trigger.mode === 'new') {
    name = await addTriggerFunction(context, { kind: 'dynamodb', table: config.resourceName, name: trigger.name });
  } else {
    const functions = projectFunctions(projectRoot);
    if (!trigger.name || !functions.includes(trigger.name)) {
      throw new AmplifyError('InvalidInput', `lambdaTrigger.name: "${trigger.name ?? ''}" is not a function of this project`, {
        resolution: `Name one of ${functions.length > 0 ? functions.join(', ') : '(none yet)'}, or use {"mode":"new"} to create the trigger function`,
      });
    }
    name = trigger.name;
    const plugin = functionPlugin(context);
    if (!(await plugin.tableTriggerFunctions(context, config.resourceName)).includes(name)) await plugin.wireTableTrigger(context, name, config.resourceName);
  }
  config.triggerFunctions = [...(config.triggerFunctions ?? []).filter((existing) => existing !== name), name];
  await saveDynamoDBResource(projectRoot, config, 'update');
  return name;
}
