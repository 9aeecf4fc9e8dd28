import * as path from 'path';
import { writeFileAtomic } from 'amplify-cli-core';
import { apiDirectory } from '../api-resource';
import type { RestPath } from '../api-types';
import { restTemplate } from '../rest-template';
import { graphqlOverrideResources, type TemplateJson } from './graphql-override-resources';
import { restOverrideResources } from './rest-override-resources';
import { applyOverride, COMPILED_OVERRIDE } from './run-override';

/** Applies the GraphQL API's `override.ts` to its compiled templates in place; returns `build/override.js`'s text. */
export function overrideGraphQLTemplates(projectRoot: string, apiName: string, rootStack: TemplateJson, stacks: Record<string, TemplateJson>): string | undefined {
  return applyOverride(projectRoot, apiDirectory(projectRoot, apiName), () => graphqlOverrideResources(rootStack, stacks));
}

export const restTemplateFile = (apiName: string): string => `build/${apiName}-cloudformation-template.json`;

/**
 * A REST API's template (reference §3.3) with its `override.ts` applied; the compiled override is written to
 * `build/override.js` once the override ran, so a failing override leaves `build/` as it was.
 */
export function overriddenRestTemplate(projectRoot: string, apiName: string, paths: Record<string, RestPath>, authResourceName: string | undefined): Record<string, unknown> {
  const template = restTemplate({ apiName, paths, authResourceName });
  const pathGroups = Object.fromEntries(Object.entries(paths).map(([apiPath, config]) => [apiPath, authResourceName ? Object.keys(config.permissions.groups ?? {}) : []]));
  const dir = apiDirectory(projectRoot, apiName);
  const compiled = applyOverride(projectRoot, dir, () => restOverrideResources(apiName, template, pathGroups));
  if (compiled !== undefined) writeFileAtomic(path.join(dir, 'build', COMPILED_OVERRIDE), compiled);
  return template;
}
