import * as fs from 'fs';
import * as path from 'path';
import { AmplifyError, getCategoryResources, pathManager, readJsonFile, stateManager, type AmplifyContext, type AmplifyMeta } from 'amplify-cli-core';
import type { ApiService } from './api-types';

export const CATEGORY = 'api';
export const PROVIDER = 'awscloudformation';

function metaOf(projectRoot: string): AmplifyMeta {
  return stateManager.getMeta(projectRoot, { default: {} });
}

function resourcesOf(projectRoot: string, category: string): Record<string, { service: string }> {
  return getCategoryResources(metaOf(projectRoot), category);
}

/** The api resources of the project, of one service when given. */
export function apiResources(projectRoot: string, service?: ApiService): string[] {
  const resources = resourcesOf(projectRoot, CATEGORY);
  return Object.keys(resources).filter((name) => service === undefined || resources[name].service === service);
}

export function serviceOf(projectRoot: string, name: string): ApiService {
  const service = resourcesOf(projectRoot, CATEGORY)[name]?.service;
  if (service !== 'AppSync' && service !== 'API Gateway') {
    throw new AmplifyError('ResourceNotFound', `No API named ${name} in this project`, { resolution: 'Run "amplify status" to see the api resources' });
  }
  return service;
}

/** The project's Cognito resource (not the user pool groups), if any. */
export function authResourceName(projectRoot: string): string | undefined {
  const resources = resourcesOf(projectRoot, 'auth');
  return Object.keys(resources).find((name) => resources[name].service === 'Cognito');
}

export function userPoolGroups(projectRoot: string): string[] {
  const file = path.join(pathManager.getResourceDirectoryPath(projectRoot, 'auth', 'userPoolGroups'), 'user-pool-group-precedence.json');
  if (!resourcesOf(projectRoot, 'auth').userPoolGroups || !fs.existsSync(file)) return [];
  return readJsonFile<Array<{ groupName: string }>>(file).map((g) => g.groupName);
}

export function projectFunctions(projectRoot: string): string[] {
  const resources = resourcesOf(projectRoot, 'function');
  return Object.keys(resources).filter((name) => resources[name].service === 'Lambda');
}

export function apiDirectory(projectRoot: string, apiName: string): string {
  return pathManager.getResourceDirectoryPath(projectRoot, CATEGORY, apiName);
}

export const API_NAME_PATTERN = /^[a-zA-Z0-9]{1,80}$/;

/** The original's rule for GraphQL API names, as a prompt validator (true or the message). */
export function validateApiName(name: string): true | string {
  return API_NAME_PATTERN.test(name) || 'You can use the following characters: a-z A-Z 0-9 with maximum length of 80';
}

/** Names are unique across the category, whatever the service. */
export function assertNewApiName(projectRoot: string, name: string): void {
  if (apiResources(projectRoot).includes(name)) {
    throw new AmplifyError('ResourceAlreadyExists', `An API named ${name} already exists in the project`, { resolution: 'Choose another name, or use "amplify update api" to change it' });
  }
}

/** What the auth plugin offers other categories (see amplify-category-auth's index). */
interface AuthPluginApi {
  addAuthResource?(context: AmplifyContext): Promise<string>;
  allowGuestAccess?(context: AmplifyContext): Promise<boolean>;
}

function authPlugin(context: AmplifyContext): Required<AuthPluginApi> {
  const plugin = context.amplify.getPluginInstance(context, 'auth') as AuthPluginApi | undefined;
  if (!plugin?.addAuthResource || !plugin.allowGuestAccess) {
    throw new AmplifyError('PluginNotFound', 'This API needs the auth category plugin (amplify-category-auth), which is not installed', {
      resolution: 'Install amplify-category-auth and run "amplify plugin scan"',
    });
  }
  return plugin as Required<AuthPluginApi>;
}

/** The project's Cognito resource, added now through the auth category when there is none (as the original does). */
export async function ensureAuth(context: AmplifyContext, projectRoot: string): Promise<string> {
  return authResourceName(projectRoot) ?? authPlugin(context).addAuthResource(context);
}

/** Guest access (REST `protected` paths) needs unauthenticated identities on the identity pool. */
export async function ensureGuestAccess(context: AmplifyContext): Promise<void> {
  if (!(await authPlugin(context).allowGuestAccess(context))) {
    throw new AmplifyError('GuestAccessUnavailable', 'Guest access needs an identity pool, and the auth resource has none', {
      resolution: 'Run "amplify update auth" and choose sign-in connected with AWS IAM controls, or make the path private',
    });
  }
}

/** The codegen plugin's optional hook: records the new API in `.graphqlconfig.yml`. Its absence is fine. */
export async function notifyCodegen(context: AmplifyContext, apiName: string): Promise<void> {
  const codegen = context.amplify.getPluginInstance(context, 'codegen') as { addGraphQLConfig?(context: AmplifyContext, options: { apiName: string }): Promise<void> } | undefined;
  if (typeof codegen?.addGraphQLConfig === 'function') await codegen.addGraphQLConfig(context, { apiName });
}
