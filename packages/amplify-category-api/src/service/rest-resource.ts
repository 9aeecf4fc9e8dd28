import * as path from 'path';
import * as fs from 'fs';
import { AmplifyError, readJsonFile, writeJsonFile, writeResource, type AmplifyContext, type DependsOn } from 'amplify-cli-core';
import { apiDirectory, authResourceName, CATEGORY, ensureAuth, ensureGuestAccess, projectFunctions, PROVIDER, userPoolGroups } from './api-resource';
import type { RestCliInputs, RestPath } from './api-types';
import { overriddenRestTemplate, restTemplateFile } from './override/api-overrides';
import { OVERRIDE_FILE } from './override/run-override';

const PATH_PART = /^([a-zA-Z0-9-]+|\{[a-zA-Z0-9_-]+\+?\})$/;

/** Why a REST path is refused, or undefined when it is fine (reference §3.6 step 2). */
export function restPathProblem(apiPath: string): string | undefined {
  if (apiPath === '/') return undefined;
  if (!apiPath.startsWith('/')) return 'must start with /';
  if (apiPath.endsWith('/')) return 'must not end with /';
  const bad = apiPath.slice(1).split('/').find((part) => !PATH_PART.test(part));
  return bad === undefined ? undefined : `has an invalid part "${bad}" (use letters, digits and hyphens, or a {parameter})`;
}

/** A path that lies under another grants that one's users access to it too (the original asks to confirm). */
export function overlappingPath(apiPath: string, existing: string[]): string | undefined {
  return existing.find((other) => other !== apiPath && (apiPath.startsWith(`${other === '/' ? '' : other}/`) || other.startsWith(`${apiPath === '/' ? '' : apiPath}/`)));
}

export const REST_NAME_PATTERN = /^[a-zA-Z0-9]+$/;

export function restNameProblem(name: string, existing: string[]): string | undefined {
  if (!REST_NAME_PATTERN.test(name)) return 'Resource name should be alphanumeric';
  if (name === 'AdminQueries') return 'AdminQueries is a reserved name for REST API resources for use by the auth category. Run "amplify update auth" to create an Admin Queries API.';
  if (existing.includes(name)) return `A resource named ${name} already exists in the api category`;
  return undefined;
}

export function readRestInputs(projectRoot: string, apiName: string): RestCliInputs {
  return readJsonFile<RestCliInputs>(path.join(apiDirectory(projectRoot, apiName), 'cli-inputs.json'));
}

/** Checks paths that did not come through the walkthrough (headless): names, functions, groups. */
export function checkRestPaths(projectRoot: string, paths: Record<string, Omit<RestPath, 'name'>>, field: string): void {
  const functions = projectFunctions(projectRoot);
  const groups = userPoolGroups(projectRoot);
  for (const [apiPath, config] of Object.entries(paths)) {
    const problem = restPathProblem(apiPath);
    if (problem) throw new AmplifyError('InvalidHeadlessInput', `${field}["${apiPath}"]: the path ${problem}`, { resolution: 'Use paths like /items or /book/{isbn}' });
    if (!functions.includes(config.lambdaFunction)) {
      throw new AmplifyError('InvalidHeadlessInput', `${field}["${apiPath}"].lambdaFunction: no function named ${config.lambdaFunction} in this project`, {
        resolution: `Name one of ${functions.length > 0 ? functions.join(', ') : '(none yet)'}, or add it with "amplify add function" first`,
      });
    }
    const { setting, auth, guest } = config.permissions;
    if (setting !== 'open' && (auth ?? []).length === 0 && Object.keys(config.permissions.groups ?? {}).length === 0) {
      throw new AmplifyError('InvalidHeadlessInput', `${field}["${apiPath}"].permissions.auth is required for a ${setting} path`, { resolution: 'List the operations signed-in users may use, e.g. ["read"]' });
    }
    if (setting === 'protected' && (guest ?? []).length === 0) {
      throw new AmplifyError('InvalidHeadlessInput', `${field}["${apiPath}"].permissions.guest is required for a protected path`, { resolution: 'List the operations guests may use, or make the path private' });
    }
    for (const group of Object.keys(config.permissions.groups ?? {})) {
      if (!groups.includes(group)) {
        throw new AmplifyError('InvalidHeadlessInput', `${field}["${apiPath}"].permissions.groups.${group}: no user pool group named ${group}`, { resolution: 'Add the group with "amplify update auth" first' });
      }
    }
  }
}

/** Restricted paths need auth (added inline when missing); protected ones also guest identities. */
export async function ensureRestAccess(context: AmplifyContext, projectRoot: string, paths: Record<string, Omit<RestPath, 'name'>>): Promise<void> {
  const settings = Object.values(paths).map((p) => p.permissions.setting);
  if (settings.every((s) => s === 'open')) return;
  await ensureAuth(context, projectRoot);
  if (settings.includes('protected')) await ensureGuestAccess(context);
}

function restDependsOn(paths: Record<string, RestPath>, authName: string | undefined): DependsOn[] {
  const dependsOn: DependsOn[] = [...new Set(Object.values(paths).map((p) => p.lambdaFunction))].map((fn) => ({ category: 'function', resourceName: fn, attributes: ['Name', 'Arn'] }));
  const groups = [...new Set(Object.values(paths).flatMap((p) => Object.keys(p.permissions.groups ?? {})))];
  if (groups.length > 0 && authName) {
    dependsOn.push({ category: 'auth', resourceName: authName, attributes: ['UserPoolId'] });
    dependsOn.push({ category: 'auth', resourceName: 'userPoolGroups', attributes: groups.map((g) => `${g}GroupRole`) });
  }
  return dependsOn;
}

/**
 * Writes a REST API (reference §3.2, §3.5) as the original does: cli-inputs.json, `parameters.json` beside it (its
 * template takes no values), the template under build/, meta.
 */
export async function saveRestResource(projectRoot: string, apiName: string, paths: Record<string, Omit<RestPath, 'name'>>, mode: 'add' | 'update'): Promise<void> {
  const named: Record<string, RestPath> = Object.fromEntries(Object.entries(paths).map(([p, config]) => [p, { name: p, ...config }]));
  const authName = authResourceName(projectRoot);
  const dependsOn = restDependsOn(named, authName);
  await writeResource({
    projectRoot,
    category: CATEGORY,
    resourceName: apiName,
    mode,
    jsonFiles: {
      'cli-inputs.json': { version: 1, paths: named } satisfies RestCliInputs,
      'parameters.json': {},
      [restTemplateFile(apiName)]: overriddenRestTemplate(projectRoot, apiName, named, authName),
    },
    meta: mode === 'add' ? { service: 'API Gateway', providerPlugin: PROVIDER, dependsOn } : { dependsOn },
    ...(mode === 'add' ? { envParameters: {} } : {}),
  });
}

/**
 * For a push: a REST API with an `override.ts` gets its template rebuilt from cli-inputs.json with the override
 * applied (the override may have changed since the last add or update). Without one its template is left as
 * written, which keeps the templates of projects made by the original. Returns whether it was rebuilt.
 */
export function rebuildOverriddenRestTemplate(projectRoot: string, apiName: string): boolean {
  const dir = apiDirectory(projectRoot, apiName);
  if (!fs.existsSync(path.join(dir, OVERRIDE_FILE))) return false;
  const { paths } = readRestInputs(projectRoot, apiName);
  writeJsonFile(path.join(dir, restTemplateFile(apiName)), overriddenRestTemplate(projectRoot, apiName, paths, authResourceName(projectRoot)));
  return true;
}
