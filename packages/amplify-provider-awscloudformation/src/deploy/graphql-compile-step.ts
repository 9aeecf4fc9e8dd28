import * as fs from 'fs';
import * as path from 'path';
import { AmplifyError, type AmplifyMeta, getResourceMeta, listResources, readJsonFile, type ResourceRef } from 'amplify-cli-core';
import type { ProviderContext } from '../context/provider-context';
import type { ProjectFiles } from '../project/project-files';

/** What the api category offers the provider (see amplify-category-api's index). */
interface ApiCategoryPlugin {
  compileApisForPush?(context: unknown, resources: ResourceRef[]): Promise<string[]>;
}

function isAppSync(meta: AmplifyMeta, ref: ResourceRef): boolean {
  return getResourceMeta(meta, ref.category, ref.resourceName)?.service === 'AppSync';
}

/** REST APIs go along too: the category applies their `override.ts` to their template before it is deployed. */
function isRestApi(meta: AmplifyMeta, ref: ResourceRef): boolean {
  return getResourceMeta(meta, ref.category, ref.resourceName)?.service === 'API Gateway';
}

/**
 * GraphQL APIs whose deployed API key has expired (its `Expires`, counted from the last compile, is past): the push
 * takes them along, and their compile counts the key's lifetime from now, which extends it.
 */
export function apisWithExpiredKeys(files: ProjectFiles, meta: AmplifyMeta, now = new Date()): ResourceRef[] {
  const expired: ResourceRef[] = [];
  for (const [category, resourceName, entry] of listResources(meta)) {
    if (entry.service !== 'AppSync' || !entry.providerMetadata) continue;
    const template = readJsonFile<{ Resources?: Record<string, { Type?: string; Properties?: { Expires?: unknown } }> }>(
      path.join(files.paths.currentCloudBackendDir, category, resourceName, 'build', 'cloudformation-template.json'),
      { throwIfNotExist: false },
    );
    const keys = Object.values(template?.Resources ?? {}).filter((r) => r.Type === 'AWS::AppSync::ApiKey');
    if (keys.some((key) => typeof key.Properties?.Expires === 'number' && key.Properties.Expires * 1000 <= now.getTime())) expired.push({ category, resourceName });
  }
  return expired;
}

/**
 * Compiles, through the api category, the GraphQL APIs this push deploys and any other whose `build/` is missing
 * (a fresh clone), so every API stack is deployed from a build of its current schema.
 */
export async function compileGraphQLApis(context: ProviderContext, files: ProjectFiles, pushed: ResourceRef[]): Promise<void> {
  const meta = files.readMeta();
  const missingBuild = listResources(meta)
    .map(([category, resourceName]) => ({ category, resourceName }))
    .filter((ref) => isAppSync(meta, ref) && !fs.existsSync(path.join(files.paths.resourceDir(ref.category, ref.resourceName), 'build')));
  const apis = [...new Map([...pushed.filter((ref) => isAppSync(meta, ref) || isRestApi(meta, ref)), ...missingBuild].map((ref) => [`${ref.category}/${ref.resourceName}`, ref])).values()];
  if (apis.length === 0) return;
  const plugin = context.amplify.getPluginInstance?.(context, 'api') as ApiCategoryPlugin | undefined;
  if (typeof plugin?.compileApisForPush !== 'function') {
    throw new AmplifyError('PluginNotFound', 'Pushing a GraphQL API needs the api category plugin (amplify-category-api) to compile it, which is not installed', {
      resolution: 'Install amplify-category-api and run "amplify plugin scan"',
    });
  }
  await plugin.compileApisForPush(context, apis);
}
