import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { AmplifyError, hashDirectory, isRecord, pathManager, readJsonFile, stateManager, writeFileAtomic, writeFolder } from 'amplify-cli-core';
import type { ApiAuthConfig, CfnTemplate, SchemaSource, TransformConfig, TransformError, TransformInput, TransformOutput } from 'amplify-graphql-transformer';
import { apiDirectory, CATEGORY } from './api-resource';
import type { AppSyncCliInputs } from './api-types';
import { authConfigOf } from './auth-config';
import { graphqlFeatureFlags } from './feature-flags';
import { overrideGraphQLTemplates } from './override/api-overrides';
import { COMPILED_OVERRIDE } from './override/run-override';

export type TransformFunction = (input: TransformInput) => TransformOutput;

/** Messages for changes that would lose data (tables replaced or removed, key schemas changed, too many GSI changes). */
export type FindDestructiveChanges = (deployed: { stacks: Record<string, CfnTemplate> }, next: { stacks: Record<string, CfnTemplate> }, options?: Record<string, unknown>) => string[];

/** What the compile needs of the transformer; tests inject fakes. */
export interface CompileDependencies {
  transform: TransformFunction;
  findDestructiveChanges: FindDestructiveChanges;
}

/** The transformer package's entry as this category uses it. */
interface TransformerEntry {
  transform: TransformFunction;
  findDestructiveChanges: FindDestructiveChanges;
}

/** The real transformer, loaded when a compile runs (it pulls in graphql-js). */
export function transformerDependencies(): CompileDependencies {
  const entry = require('amplify-graphql-transformer') as TransformerEntry;
  return { transform: entry.transform, findDestructiveChanges: entry.findDestructiveChanges };
}

export const APPSYNC_FILES_PREFIX = 'amplify-appsync-files';

/** What a compile reads from an API's folder, or is handed instead before the folder is written (add, update). */
export interface ApiSourceOverrides {
  schema?: string;
  authConfig?: ApiAuthConfig;
  transformConfig?: TransformConfig;
  parameters?: Record<string, unknown>;
  userStacks?: Record<string, string>;
}

function graphqlFilesUnder(dir: string, relative: string): string[] {
  return fs
    .readdirSync(path.join(dir, relative), { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .flatMap((entry) => {
      const rel = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) return graphqlFilesUnder(dir, rel);
      return entry.isFile() && entry.name.endsWith('.graphql') ? [rel] : [];
    });
}

/** `schema.graphql`, else every `*.graphql` under `schema/` (recursively, by path), as the original reads them. */
export function readSchemaSources(dir: string): SchemaSource[] {
  const single = path.join(dir, 'schema.graphql');
  if (fs.existsSync(single)) return [{ path: 'schema.graphql', text: fs.readFileSync(single, 'utf8') }];
  const folder = path.join(dir, 'schema');
  const files = fs.existsSync(folder) ? graphqlFilesUnder(folder, '') : [];
  if (files.length === 0) {
    throw new AmplifyError('ApiCategorySchemaNotFoundError', `No GraphQL schema found: ${single} does not exist and ${folder} holds no .graphql file`, {
      resolution: 'Write the schema to schema.graphql in the API folder (or .graphql files in its schema/ folder)',
    });
  }
  return files.map((file) => ({ path: `schema/${file}`, text: fs.readFileSync(path.join(folder, file), 'utf8') }));
}

/** The files of a flat override folder (`resolvers/`, `stacks/`) by name; README.md and dot-files are the user's notes. */
function folderFiles(dir: string, accept: (name: string) => boolean): Record<string, string> {
  if (!fs.existsSync(dir)) return {};
  const files: Record<string, string> = {};
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.isFile() && !entry.name.startsWith('.') && entry.name !== 'README.md' && accept(entry.name)) files[entry.name] = fs.readFileSync(path.join(dir, entry.name), 'utf8');
  }
  return Object.fromEntries(Object.entries(files).sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** The API's auth modes: meta `output.authConfig` as the original reads it, else derived from cli-inputs.json. */
function readAuthConfig(projectRoot: string, apiName: string, dir: string): ApiAuthConfig {
  const entry = stateManager.getMeta(projectRoot, { default: {} })[CATEGORY]?.[apiName] as { output?: { authConfig?: ApiAuthConfig } } | undefined;
  if (entry?.output?.authConfig) return entry.output.authConfig;
  const inputs = readJsonFile<AppSyncCliInputs>(path.join(dir, 'cli-inputs.json'), { throwIfNotExist: false });
  if (!inputs) {
    throw new AmplifyError('AuthConfigNotFound', `The API ${apiName} has no authConfig in amplify-meta.json and no cli-inputs.json`, {
      resolution: 'Run "amplify update api" to set its authorization modes',
    });
  }
  return authConfigOf(inputs.serviceConfiguration.defaultAuthType, inputs.serviceConfiguration.additionalAuthTypes);
}

/** The transformer's input for an API: its folder, with the given parts replaced. */
export function readTransformInput(projectRoot: string, apiName: string, overrides: ApiSourceOverrides = {}, now = new Date()): TransformInput {
  const dir = apiDirectory(projectRoot, apiName);
  return {
    sources: overrides.schema !== undefined ? [{ path: 'schema.graphql', text: overrides.schema }] : readSchemaSources(dir),
    authConfig: overrides.authConfig ?? readAuthConfig(projectRoot, apiName, dir),
    featureFlags: graphqlFeatureFlags(projectRoot),
    transformConfig: overrides.transformConfig ?? readJsonFile<TransformConfig>(path.join(dir, 'transform.conf.json'), { throwIfNotExist: false }) ?? { Version: 5 },
    parameters: overrides.parameters ?? readJsonFile<Record<string, unknown>>(path.join(dir, 'parameters.json'), { throwIfNotExist: false }) ?? {},
    userResolvers: folderFiles(path.join(dir, 'resolvers'), () => true),
    userStacks: overrides.userStacks ?? folderFiles(path.join(dir, 'stacks'), (name) => name.endsWith('.json')),
    now,
  };
}

/** The deployed copy's `build/` folder (what the last push deployed), for the root key and the destructive-change guard. */
function deployedBuildDir(projectRoot: string, apiName: string): string {
  return path.join(pathManager.getCurrentCloudResourceDirectoryPath(projectRoot, CATEGORY, apiName), 'build');
}

/**
 * `amplify-appsync-files/<40 hex>`: the last deployed key when there is one (so it stays stable across pushes),
 * else a hash of the API folder.
 */
export function deploymentRootKey(projectRoot: string, apiName: string): string {
  const deployed = readJsonFile<Record<string, unknown>>(path.join(deployedBuildDir(projectRoot, apiName), 'parameters.json'), { throwIfNotExist: false });
  if (typeof deployed?.S3DeploymentRootKey === 'string') return deployed.S3DeploymentRootKey;
  const folderHash = hashDirectory(apiDirectory(projectRoot, apiName)) ?? `${apiName}:${Date.now()}`;
  return `${APPSYNC_FILES_PREFIX}/${crypto.createHash('sha1').update(folderHash).digest('hex')}`;
}

function readStacks(buildDir: string): Record<string, CfnTemplate> | undefined {
  const dir = path.join(buildDir, 'stacks');
  if (!fs.existsSync(dir)) return undefined;
  const stacks: Record<string, CfnTemplate> = {};
  for (const name of fs.readdirSync(dir).filter((file) => file.endsWith('.json'))) stacks[name.slice(0, -'.json'.length)] = readJsonFile<CfnTemplate>(path.join(dir, name));
  return stacks;
}

/** One line for a refused schema: the transformer's message, with the file and line when it knows them. */
export function schemaError(error: TransformError): AmplifyError {
  const where = error.location ? ` (${error.location.path}:${error.location.line}:${error.location.column})` : '';
  return new AmplifyError('GraphQLSchemaInvalid', `${error.message}${where}`, {
    resolution: 'Fix the schema and run the command again; nothing was written',
    cause: error,
  });
}

export interface CompileApiOptions {
  projectRoot: string;
  apiName: string;
  overrides?: ApiSourceOverrides;
  /** `--allow-destructive-graphql-schema-updates` (or `--force`). */
  allowDestructive?: boolean;
  now?: Date;
  dependencies?: CompileDependencies;
}

/** A compiled API, not yet written: `build/` by relative path. */
export interface CompiledApi {
  apiName: string;
  buildDir: string;
  files: Record<string, string>;
  rootStack: CfnTemplate;
  parameters: Record<string, unknown>;
  warnings: string[];
}

/**
 * Compiles an API in memory: transformer input from the folder (and overrides), `build/` files per reference §1
 * and `build/parameters.json` per §4, with the API's `override.ts` applied (§13.3). A refused schema is one AmplifyError naming type, field and place; a
 * change that would lose data is refused unless allowed. Nothing is written.
 */
export function compileApi(options: CompileApiOptions): CompiledApi {
  const { projectRoot, apiName } = options;
  const dependencies = options.dependencies ?? transformerDependencies();
  const input = readTransformInput(projectRoot, apiName, options.overrides, options.now);
  let output: TransformOutput;
  try {
    output = dependencies.transform(input);
  } catch (error) {
    // By name: the transformer is loaded lazily, and a fake in tests throws its own class.
    if (error instanceof Error && error.name === 'TransformError') throw schemaError(error as TransformError);
    throw error;
  }
  // Before the destructive-change guard: an override may change what a push would replace.
  const compiledOverride = overrideGraphQLTemplates(projectRoot, apiName, output.rootStack, output.stacks);
  const deployedStacks = readStacks(deployedBuildDir(projectRoot, apiName));
  if (deployedStacks && !options.allowDestructive) {
    const problems = dependencies.findDestructiveChanges({ stacks: deployedStacks }, { stacks: output.stacks });
    if (problems.length > 0) {
      throw new AmplifyError('DestructiveSchemaChange', problems.join(' '), {
        resolution: "If this is intended, rerun the command with '--allow-destructive-graphql-schema-updates'.",
      });
    }
  }
  const meta = stateManager.getMeta(projectRoot, { default: {} });
  const bucket = meta.providers?.awscloudformation?.DeploymentBucketName;
  const parameters: Record<string, unknown> = {
    ...input.parameters,
    ...(typeof bucket === 'string' ? { S3DeploymentBucket: bucket } : {}),
    S3DeploymentRootKey: deploymentRootKey(projectRoot, apiName),
  };
  const files: Record<string, string> = {
    'cloudformation-template.json': JSON.stringify(output.rootStack, null, 4),
    'parameters.json': JSON.stringify(parameters, null, 4),
    'schema.graphql': output.schema,
  };
  for (const [name, stack] of Object.entries(output.stacks)) files[`stacks/${name}.json`] = JSON.stringify(stack, null, 2);
  for (const [name, text] of Object.entries(output.resolvers)) files[`resolvers/${name}`] = text;
  if (compiledOverride !== undefined) files[COMPILED_OVERRIDE] = compiledOverride;
  return { apiName, buildDir: path.join(apiDirectory(projectRoot, apiName), 'build'), files, rootStack: output.rootStack, parameters, warnings: output.warnings };
}

/** Replaces the API's `build/` folder with the compiled files in one swap. */
export function writeApiBuild(compiled: CompiledApi): void {
  writeFolder(compiled.buildDir, compiled.files);
}

/** No pool id: absent, or a GetAtt that names no resource (the original's headless `[null, "Outputs.UserPoolId"]`). */
function isUnresolvedPoolId(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  const getAtt = isRecord(value) ? value['Fn::GetAtt'] : undefined;
  return Array.isArray(getAtt) && (typeof getAtt[0] !== 'string' || getAtt[0].length === 0);
}

/**
 * `build/parameters.json` as a push passes it (reference §4): `CreateAPIKey` (1 when an API key mode is configured,
 * unless the user set it), the identity role names and the user pool id when absent, then only the root template's
 * parameters.
 */
export function pushParameters(compiled: CompiledApi, authConfig: ApiAuthConfig, authName: string | undefined): Record<string, unknown> {
  const modes = [authConfig.defaultAuthentication, ...authConfig.additionalAuthenticationProviders].map((p) => p.authenticationType);
  const parameters: Record<string, unknown> = { ...compiled.parameters };
  parameters.CreateAPIKey ??= modes.includes('API_KEY') ? 1 : 0;
  // A parameters.json written before user pools became a mode (or edited by hand) still gets the pool of the project's
  // auth, and so does the `{"Fn::GetAtt": [null, ...]}` the original's headless update writes without cognitoUserPoolId.
  if (modes.includes('AMAZON_COGNITO_USER_POOLS') && authName && isUnresolvedPoolId(parameters.AuthCognitoUserPoolId)) {
    parameters.AuthCognitoUserPoolId = { 'Fn::GetAtt': [`auth${authName}`, 'Outputs.UserPoolId'] };
  }
  parameters.authRoleName ??= { Ref: 'AuthRoleName' };
  parameters.unauthRoleName ??= { Ref: 'UnauthRoleName' };
  const declared = (compiled.rootStack.Parameters ?? {}) as Record<string, unknown>;
  return Object.fromEntries(Object.entries(parameters).filter(([name]) => Object.hasOwn(declared, name)));
}

/** `gql-compile --force`: one space appended to the schema, so the status sees the API as changed. */
export function touchSchema(projectRoot: string, apiName: string): void {
  const dir = apiDirectory(projectRoot, apiName);
  const [first] = readSchemaSources(dir);
  writeFileAtomic(path.join(dir, first.path), `${first.text} `);
}

export function compiledLines(projectRoot: string, apiName: string): string[] {
  const dir = apiDirectory(projectRoot, apiName);
  return ['✅ GraphQL schema compiled successfully.', '', `Edit your schema at ${path.join(dir, 'schema.graphql')} or place .graphql files in a directory at ${path.join(dir, 'schema')}`];
}
