import { getResourceMeta, stateManager, type AmplifyContext, type ResourceRef } from 'amplify-cli-core';
import { CATEGORY } from './api-resource';
import { compileForPush } from './graphql-api';
import { rebuildOverriddenRestTemplate } from './rest-resource';

/** APIs whose push compile, in this process, leaves their tables out: the first step of `amplify api rebuild`. */
const rebuildingWithoutTables = new Set<string>();

const rebuildKey = (projectRoot: string, apiName: string): string => `${projectRoot}\0${apiName}`;

/** Runs `push` with the API compiled without its tables. */
export async function withTablesLeftOut<T>(projectRoot: string, apiName: string, push: () => Promise<T>): Promise<T> {
  rebuildingWithoutTables.add(rebuildKey(projectRoot, apiName));
  try {
    return await push();
  } finally {
    rebuildingWithoutTables.delete(rebuildKey(projectRoot, apiName));
  }
}

/**
 * Compiles the AppSync APIs among `resources` for a push, and rebuilds the templates of the REST APIs among them
 * that have an `override.ts`; returns the names of the GraphQL APIs.
 */
export async function compileResourcesForPush(context: AmplifyContext, projectRoot: string, resources: ResourceRef[]): Promise<string[]> {
  const meta = stateManager.getMeta(projectRoot);
  const ofService = (service: string) => resources.filter((r) => r.category === CATEGORY && getResourceMeta(meta, r.category, r.resourceName)?.service === service).map((r) => r.resourceName);
  for (const apiName of ofService('API Gateway')) {
    if (rebuildOverriddenRestTemplate(projectRoot, apiName)) context.print.info(`✅ Overrides of ${apiName} applied.`);
  }
  const apis = ofService('AppSync');
  const allowDestructive = context.input.options?.['allow-destructive-graphql-schema-updates'] === true || context.input.options?.force === true;
  for (const apiName of apis) {
    const compiled = compileForPush(projectRoot, apiName, { allowDestructive, withoutTables: rebuildingWithoutTables.has(rebuildKey(projectRoot, apiName)) });
    for (const warning of compiled.warnings) context.print.warning(warning);
    context.print.info(`✅ GraphQL schema of ${apiName} compiled successfully.`);
  }
  return apis;
}
