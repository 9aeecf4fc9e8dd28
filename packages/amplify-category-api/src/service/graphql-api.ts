import * as path from 'path';
import { AmplifyError } from 'amplify-cli-core';
import { apiDirectory, assertNewApiName, authResourceName } from './api-resource';
import type { AppSyncServiceConfiguration } from './api-types';
import { authConfigOf } from './auth-config';
import { compileApi, pushParameters, writeApiBuild, type CompileDependencies, type CompiledApi } from './compile';
import { withoutTables } from './rebuild';
import { appSyncParameters, assertNoAppSyncApi, customResourcesTemplate, readAppSyncConfig, saveGraphQLResource, transformConf, usesUserPools } from './graphql-resource';

export interface GraphQLChangeOptions {
  /**
   * Adds the project's auth when a Cognito mode needs it and there is none (interactive: through the auth
   * category); without it that is an error naming `amplify add auth` (headless input cannot answer auth's questions).
   */
  addAuth?: () => Promise<string>;
  dependencies?: CompileDependencies;
  allowDestructive?: boolean;
}

async function userPoolFor(projectRoot: string, config: AppSyncServiceConfiguration, addAuth: GraphQLChangeOptions['addAuth']): Promise<string | undefined> {
  const existing = authResourceName(projectRoot);
  if (!usesUserPools(config) || existing) return existing;
  if (!addAuth) {
    throw new AmplifyError('AuthNotFound', 'AMAZON_COGNITO_USER_POOLS needs a Cognito user pool, and this project has no auth resource', { resolution: 'Run "amplify add auth" first' });
  }
  return addAuth();
}

/**
 * Adds the project's GraphQL API: the schema is compiled before anything is written, so a refused schema leaves
 * the project as it was; then the resource files, meta and `build/`.
 */
export async function addGraphQLApi(projectRoot: string, config: AppSyncServiceConfiguration, schema: string, options: GraphQLChangeOptions): Promise<CompiledApi> {
  // The walkthrough refuses a second API before its questions, with its own words; this is the request's refusal.
  assertNoAppSyncApi(projectRoot, true);
  assertNewApiName(projectRoot, config.apiName);
  const authName = await userPoolFor(projectRoot, config, options.addAuth);
  const compiled = compileApi({
    projectRoot,
    apiName: config.apiName,
    overrides: {
      schema,
      authConfig: authConfigOf(config.defaultAuthType, config.additionalAuthTypes),
      transformConfig: transformConf(config.conflictResolution),
      parameters: appSyncParameters(config, authName),
      userStacks: { 'CustomResources.json': JSON.stringify(customResourcesTemplate(), null, 2) },
    },
    dependencies: options.dependencies,
  });
  await saveGraphQLResource({ projectRoot, config, schema, authName, mode: 'add' });
  writeApiBuild(compiled);
  return compiled;
}

/** Changes the API's modes, conflict detection or schema; compiled first like add. */
export async function updateGraphQLApi(projectRoot: string, config: AppSyncServiceConfiguration, schema: string | undefined, options: GraphQLChangeOptions): Promise<CompiledApi> {
  const authName = await userPoolFor(projectRoot, config, options.addAuth);
  const compiled = compileApi({
    projectRoot,
    apiName: config.apiName,
    overrides: {
      ...(schema !== undefined ? { schema } : {}),
      authConfig: authConfigOf(config.defaultAuthType, config.additionalAuthTypes),
      transformConfig: transformConf(config.conflictResolution),
    },
    allowDestructive: options.allowDestructive,
    dependencies: options.dependencies,
  });
  await saveGraphQLResource({ projectRoot, config, schema, authName, mode: 'update' });
  writeApiBuild(compiled);
  return compiled;
}

/** The current configuration of the project's API (cli-inputs.json). */
export function currentGraphQLConfig(projectRoot: string, apiName: string): AppSyncServiceConfiguration {
  return readAppSyncConfig(projectRoot, apiName);
}

/** Whether a removed API key mode deserves the original's 3-line warning. */
export function apiKeyRemoved(before: AppSyncServiceConfiguration, after: AppSyncServiceConfiguration): boolean {
  const has = (c: AppSyncServiceConfiguration) => [c.defaultAuthType, ...(c.additionalAuthTypes ?? [])].some((t) => t.mode === 'API_KEY');
  return has(before) && !has(after);
}

export const API_KEY_REMOVED_WARNING = [
  'The API_KEY auth type has been removed from the API.',
  'If other resources depend on this API, run "amplify update <category>" and reselect this API to remove the dependency on the API key.',
  '⚠️ This must be done before running "amplify push" to prevent a push failure',
];

/**
 * Compiles an API for a push (reference §4): `build/` rewritten, its parameters in the push form (CreateAPIKey, the
 * identity role names, only what the root template declares). The API key's `Expires` is counted from now, so a
 * push also renews a key that expired.
 */
export function compileForPush(projectRoot: string, apiName: string, options: { allowDestructive?: boolean; withoutTables?: boolean; dependencies?: CompileDependencies } = {}): CompiledApi {
  const full = compileApi({ projectRoot, apiName, allowDestructive: options.allowDestructive || options.withoutTables, dependencies: options.dependencies });
  const compiled = options.withoutTables ? withoutTables(full) : full;
  const { defaultAuthType, additionalAuthTypes } = readAppSyncConfig(projectRoot, apiName);
  const parameters = pushParameters(compiled, authConfigOf(defaultAuthType, additionalAuthTypes), authResourceName(projectRoot));
  const pushed: CompiledApi = { ...compiled, parameters, files: { ...compiled.files, 'parameters.json': JSON.stringify(parameters, null, 4) } };
  writeApiBuild(pushed);
  return pushed;
}

export function schemaPath(projectRoot: string, apiName: string): string {
  return path.join(apiDirectory(projectRoot, apiName), 'schema.graphql');
}
