import * as path from 'path';
import {
  AmplifyError,
  getCategoryResources,
  pathManager,
  readJsonFile,
  removeResource,
  stateManager,
  writeResource,
  loadEnvResourceParameters,
  type Prompter,
  type ResourceMeta,
} from 'amplify-cli-core';
import { authParameters, authTemplate, derivedCognitoInputs } from './auth-template';
import type { CognitoConfig } from './cognito-config';
import { frontendAuthConfig } from './frontend-auth-config';
import { GROUPS_RESOURCE_NAME, GROUPS_SERVICE, groupsDependencyAttributes, userPoolGroupsTemplate } from './user-pool-groups';
import type { AuthAnswers } from './auth-walkthrough';

export const CATEGORY = 'auth';
export const SERVICE = 'Cognito';
const PROVIDER = 'awscloudformation';

/** `cli-inputs.json` of an auth resource. */
export interface AuthCliInputs {
  version: '1';
  cognitoConfig: CognitoConfig & Record<string, unknown>;
}

/** The Cognito resource of the project, if any (one per project, as in the original). */
export function findAuthResource(projectRoot: string): string | undefined {
  const resources = getCategoryResources(stateManager.getMeta(projectRoot, { default: {} }), CATEGORY);
  return Object.keys(resources).find((name) => resources[name].service === SERVICE);
}

/** One Cognito resource per project: refuses an add when there is one. */
export function assertNoAuthResource(projectRoot: string): void {
  const existing = findAuthResource(projectRoot);
  if (existing) {
    throw new AmplifyError('ResourceAlreadyExists', `Auth has already been added to this project (${existing})`, {
      resolution: 'Run "amplify update auth" to change it',
    });
  }
}

export function readAuthConfig(projectRoot: string, resourceName: string): { config: CognitoConfig; envParameters: Record<string, string> } {
  const file = path.join(pathManager.getResourceDirectoryPath(projectRoot, CATEGORY, resourceName), 'cli-inputs.json');
  const inputs = readJsonFile<AuthCliInputs>(file);
  const envParameters = loadEnvResourceParameters(projectRoot, CATEGORY, resourceName) as Record<string, string>;
  // The original leaves the hosted-UI keys out of the file of a resource without a hosted UI.
  const config: CognitoConfig = { ...inputs.cognitoConfig, hostedUI: inputs.cognitoConfig.hostedUI ?? false, authProvidersUserPool: inputs.cognitoConfig.authProvidersUserPool ?? [] };
  // Derived keys are recomputed on every write, so an update never keeps a stale one.
  for (const key of Object.keys(derivedCognitoInputs(config))) delete (config as unknown as Record<string, unknown>)[key];
  return { config, envParameters };
}

/** Writes (or rewrites) the groups resource to match the group list; drops it when the list is empty. */
async function writeGroups(projectRoot: string, config: CognitoConfig, prompter: Prompter): Promise<void> {
  const meta = stateManager.getMeta(projectRoot, { default: {} });
  const exists = getCategoryResources(meta, CATEGORY)[GROUPS_RESOURCE_NAME] !== undefined;
  if (config.userPoolGroupList.length === 0) {
    if (exists) await removeResource(projectRoot, { category: CATEGORY, resourceName: GROUPS_RESOURCE_NAME, yes: true, prompter });
    return;
  }
  const precedence = config.userPoolGroupList.map((groupName, index) => ({ groupName, precedence: index + 1 }));
  const dependsOn = [{ category: CATEGORY, resourceName: config.resourceName, attributes: groupsDependencyAttributes(config) }];
  await writeResource({
    projectRoot,
    category: CATEGORY,
    resourceName: GROUPS_RESOURCE_NAME,
    mode: exists ? 'update' : 'add',
    jsonFiles: {
      'user-pool-group-precedence.json': precedence,
      'build/parameters.json': { AuthRoleArn: { 'Fn::GetAtt': ['AuthRole', 'Arn'] }, UnauthRoleArn: { 'Fn::GetAtt': ['UnauthRole', 'Arn'] } },
      [`build/${GROUPS_RESOURCE_NAME}-cloudformation-template.json`]: userPoolGroupsTemplate(config.resourceName, config, precedence),
    },
    meta: exists ? { dependsOn } : { service: GROUPS_SERVICE, providerPlugin: PROVIDER, dependsOn },
  });
}

/**
 * Writes an auth resource from its answers: `cli-inputs.json`, `build/parameters.json`, the
 * generated template, the env-specific values in team-provider-info, the meta entry with `frontendAuthConfig`,
 * and the user pool groups resource when groups are configured.
 */
export async function saveAuthResource(projectRoot: string, answers: AuthAnswers, mode: 'add' | 'update', prompter: Prompter): Promise<string> {
  const { config, envParameters } = answers;
  if (mode === 'add') assertNoAuthResource(projectRoot);
  const cliInputs: AuthCliInputs = { version: '1', cognitoConfig: { ...config, ...derivedCognitoInputs(config) } };
  const metaAttributes = { frontendAuthConfig: frontendAuthConfig(config), customAuth: false };
  await writeResource({
    projectRoot,
    category: CATEGORY,
    resourceName: config.resourceName,
    mode,
    jsonFiles: {
      'cli-inputs.json': cliInputs,
      'build/parameters.json': authParameters(config),
      [`build/${config.resourceName}-cloudformation-template.json`]: authTemplate(config),
    },
    envParameters,
    meta: mode === 'add' ? ({ service: SERVICE, providerPlugin: PROVIDER, ...metaAttributes } satisfies ResourceMeta) : metaAttributes,
  });
  await writeGroups(projectRoot, config, prompter);
  return config.resourceName;
}

/** Turns on unauthenticated identities (guest access); false when the auth resource has no identity pool. */
export async function enableUnauthenticatedIdentities(projectRoot: string, prompter: Prompter): Promise<boolean> {
  const name = findAuthResource(projectRoot);
  if (!name) return false;
  const { config, envParameters } = readAuthConfig(projectRoot, name);
  if (config.authSelections !== 'identityPoolAndUserPool') return false;
  if (config.allowUnauthenticatedIdentities) return true;
  await saveAuthResource(projectRoot, { config: { ...config, allowUnauthenticatedIdentities: true }, envParameters }, 'update', prompter);
  return true;
}
