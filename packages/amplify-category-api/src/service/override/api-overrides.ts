import * as path from 'path';
import { writeFileAtomic } from 'amplify-cli-core';
import { apiDirectory } from '../api-resource';
import type { RestPath } from '../api-types';
import { restTemplate } from '../rest-template';
import type { TemplateJson } from './graphql-override-resources';
import { applyOverride, COMPILED_OVERRIDE } from './run-override';

/** Applies the GraphQL API's `override.ts` to its compiled templates in place; returns `build/override.js`'s text. */
export function overrideGraphQLTemplates(projectRoot: string, apiName: string, rootStack: TemplateJson, stacks: Record<string, TemplateJson>): string | undefined {
  // The object model (and the CloudFormation specification it reads) loads only for an API that has an override.
  const tree = () => (require('./graphql-override-resources') as typeof import('./graphql-override-resources')).graphqlOverrideResources(rootStack, stacks);
  return applyOverride(projectRoot, apiDirectory(projectRoot, apiName), tree);
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
  const tree = () => (require('./rest-override-resources') as typeof import('./rest-override-resources')).restOverrideResources(apiName, template, pathGroups);
  const compiled = applyOverride(projectRoot, dir, tree);
  if (compiled !== undefined) writeFileAtomic(path.join(dir, 'build', COMPILED_OVERRIDE), compiled);
  return template;
}
