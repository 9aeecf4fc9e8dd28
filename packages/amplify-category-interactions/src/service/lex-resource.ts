import * as path from 'path';
import { AmplifyError, getCategoryResources, pathManager, readJsonFile, stateManager, writeResource, type AmplifyContext, type DependsOn } from 'amplify-cli-core';
import type { LexParams } from './lex-params';
import { fulfilmentFunctions, lexParameters, lexTemplate } from './templates';

export const CATEGORY = 'interactions';
const PROVIDER = 'awscloudformation';

function resourcesOf(projectRoot: string, category: string): Record<string, { service: string }> {
  return getCategoryResources(stateManager.getMeta(projectRoot, { default: {} }), category);
}

export function lexResources(projectRoot: string): string[] {
  return Object.keys(resourcesOf(projectRoot, CATEGORY));
}

export function projectFunctions(projectRoot: string): string[] {
  const resources = resourcesOf(projectRoot, 'function');
  return Object.keys(resources).filter((name) => resources[name].service === 'Lambda');
}

export function readLexParams(projectRoot: string, resourceName: string): LexParams {
  if (!lexResources(projectRoot).includes(resourceName)) {
    throw new AmplifyError('ResourceNotFound', `No interactions resource named ${resourceName}`, { resolution: 'Run "amplify status" to see the interactions resources' });
  }
  return readJsonFile<LexParams>(path.join(pathManager.getResourceDirectoryPath(projectRoot, CATEGORY, resourceName), 'lex-params.json'));
}

/**
 * Checks what the answers cannot check one at a time: slot types that exist, one fulfilment function (a Lex V2
 * alias locale calls one Lambda), and functions of this project.
 */
export function assertConsistent(params: LexParams, functions: string[]): void {
  const declared = new Set(params.intents.flatMap((intent) => intent.newSlotTypes.map((type) => type.slotTypeName)));
  for (const intent of params.intents) {
    for (const slot of intent.slots) {
      if (!slot.type.startsWith('AMAZON.') && !declared.has(slot.type)) {
        throw new AmplifyError('InvalidInput', `Slot ${intent.intentName}.${slot.name} uses slot type ${slot.type}, which no intent of the bot declares`, {
          resolution: 'Use an AMAZON.* built-in type or declare the type in newSlotTypes',
        });
      }
    }
  }
  const used = fulfilmentFunctions(params);
  if (used.length > 1) {
    throw new AmplifyError('InvalidInput', `The bot's intents are fulfilled by ${used.join(' and ')}; a Lex V2 bot calls one Lambda function`, {
      resolution: 'Fulfil every intent with the same function, or return the parameters to the client',
    });
  }
  const missing = used.find((name) => !functions.includes(name));
  if (missing) {
    throw new AmplifyError('InvalidInput', `${missing} is not a function of this project`, { resolution: 'Add it with "amplify add function" first, or choose another one' });
  }
}

/** Writes lex-params.json, parameters.json and `<name>-cloudformation-template.json`, and the meta entry. */
export async function saveLexResource(projectRoot: string, params: LexParams, mode: 'add' | 'update'): Promise<void> {
  assertConsistent(params, projectFunctions(projectRoot));
  const sameName = lexResources(projectRoot).find((name) => name !== params.resourceName && readLexParams(projectRoot, name).botName === params.botName);
  if (sameName) {
    throw new AmplifyError('ResourceAlreadyExists', `The bot ${sameName} of this project is already named ${params.botName}`, {
      resolution: 'Bot names are unique in an account and region: start from scratch with another bot name, or remove the other bot',
    });
  }
  const dependsOn: DependsOn[] = fulfilmentFunctions(params).map((name) => ({ category: 'function', resourceName: name, attributes: ['Arn'] }));
  await writeResource({
    projectRoot,
    category: CATEGORY,
    resourceName: params.resourceName,
    mode,
    jsonFiles: {
      'lex-params.json': params,
      'parameters.json': lexParameters(),
      [`${params.resourceName}-cloudformation-template.json`]: lexTemplate(params),
    },
    meta: mode === 'add' ? { service: 'Lex', providerPlugin: PROVIDER, dependsOn } : { dependsOn },
  });
}

interface AuthPluginApi {
  addAuthResource(context: AmplifyContext): Promise<string>;
  allowGuestAccess(context: AmplifyContext): Promise<boolean>;
}

/**
 * The original's auth requirement of interactions: an identity pool with unauthenticated identities, so guests can
 * talk to the bot. Auth is added (its defaults under `--yes`) when missing, unless the request is headless.
 */
export async function ensureBotAuth(context: AmplifyContext, headless: boolean): Promise<void> {
  const plugin = context.amplify.getPluginInstance(context, 'auth') as Partial<AuthPluginApi> | undefined;
  if (!plugin?.addAuthResource || !plugin.allowGuestAccess) {
    throw new AmplifyError('PluginNotFound', 'Interactions need the auth category plugin (amplify-category-auth), which is not installed', {
      resolution: 'Install amplify-category-auth and run "amplify plugin scan"',
    });
  }
  const resources = resourcesOf(pathManager.findProjectRoot(), 'auth');
  if (!Object.values(resources).some((entry) => entry.service === 'Cognito')) {
    if (headless) {
      throw new AmplifyError('AuthNotFound', 'Interactions need auth (an Amazon Cognito identity pool), which this project does not have', { resolution: 'Run "amplify add auth" first' });
    }
    context.print.warning('Adding interactions would add the Auth category to the project if not already added.');
    await plugin.addAuthResource(context);
  }
  if (!(await plugin.allowGuestAccess(context))) {
    throw new AmplifyError('GuestAccessUnavailable', 'A bot is reached through an identity pool with guest access, and the auth resource has no identity pool', {
      resolution: 'Run "amplify update auth" and choose sign-in connected with AWS IAM controls',
    });
  }
}
