import * as fs from 'fs';
import * as path from 'path';
import { AmplifyError, getCategoryResources, isRecord, pathManager, readJsonFile, stateManager } from 'amplify-cli-core';

/** The project's AppSync API as codegen needs it: where its schemas are, and what the last push recorded. */
export interface ProjectApi {
  name: string;
  /** `amplify/backend/api/<api>/`. */
  resourceDir: string;
  /** `build/schema.graphql`, written by the api category's compile. */
  compiledSchemaPath: string;
  region?: string;
  apiId?: string;
}

/** The first AppSync API in amplify-meta.json (a project has at most one), or undefined. */
export function findProjectApi(projectRoot: string): ProjectApi | undefined {
  const meta = stateManager.getMeta(projectRoot);
  const entry = Object.entries(getCategoryResources(meta, 'api')).find(([, resource]) => resource.service === 'AppSync');
  if (!entry) return undefined;
  const [name, resource] = entry;
  const resourceDir = pathManager.getResourceDirectoryPath(projectRoot, 'api', name);
  const output = isRecord(resource.output) ? resource.output : {};
  const providers = isRecord(meta.providers) ? meta.providers : {};
  const provider = isRecord(providers.awscloudformation) ? providers.awscloudformation : {};
  return {
    name,
    resourceDir,
    compiledSchemaPath: path.join(resourceDir, 'build', 'schema.graphql'),
    region: typeof provider.Region === 'string' ? provider.Region : undefined,
    apiId: typeof output.GraphQLAPIIdOutput === 'string' ? output.GraphQLAPIIdOutput : undefined,
  };
}

/**
 * Whether the project has an AppSync API with a compiled schema. Unreadable project files answer true, so that the
 * caller goes on and reports them.
 */
export function hasCompiledApi(projectRoot: string): boolean {
  try {
    const api = findProjectApi(projectRoot);
    return api !== undefined && fs.existsSync(api.compiledSchemaPath);
  } catch {
    return true;
  }
}

export function requireProjectApi(projectRoot: string): ProjectApi {
  const api = findProjectApi(projectRoot);
  if (!api) {
    throw new AmplifyError('NoAppSyncApi', 'There is no GraphQL API in this project to generate code for', {
      resolution: 'Add one with "amplify add api" (GraphQL), then run the codegen command again',
    });
  }
  return api;
}

/** The compiled schema's text; a missing file means the API was never compiled. */
export function readCompiledSchema(projectRoot: string, api: ProjectApi): string {
  try {
    return fs.readFileSync(api.compiledSchemaPath, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    throw new AmplifyError('CompiledSchemaNotFound', `${path.relative(projectRoot, api.compiledSchemaPath)} does not exist`, {
      resolution: 'Run "amplify api gql-compile" (or "amplify push") to compile the API schema first',
    });
  }
}

/**
 * The annotated schema the user writes (`schema.graphql`, or every `*.graphql` under `schema/`), which the models
 * are generated from: the compiled schema no longer has @model and the relation directives.
 */
export function readSourceSchema(projectRoot: string, api: ProjectApi): string {
  const single = path.join(api.resourceDir, 'schema.graphql');
  if (fs.existsSync(single)) return fs.readFileSync(single, 'utf8');
  const folder = path.join(api.resourceDir, 'schema');
  const files = fs.existsSync(folder) ? (fs.readdirSync(folder, { recursive: true, encoding: 'utf8' }) as string[]).filter((file) => file.endsWith('.graphql')).sort() : [];
  if (files.length === 0) {
    throw new AmplifyError('ApiSchemaNotFound', `${path.relative(projectRoot, single)} does not exist`, {
      resolution: 'Write the API schema there (or in schema/*.graphql), or run "amplify update api"',
    });
  }
  return files.map((file) => fs.readFileSync(path.join(folder, file), 'utf8')).join('\n');
}

/** DataStore is on when the API's transformer config has conflict resolution (`ResolverConfig`). */
export function isDataStoreEnabled(api: ProjectApi): boolean {
  const config = readJsonFile<unknown>(path.join(api.resourceDir, 'transform.conf.json'), { throwIfNotExist: false });
  return isRecord(config) && isRecord(config.ResolverConfig);
}
