import { AmplifyError, type AmplifyContext, pathManager } from 'amplify-cli-core';
import { apiDirectory, apiResources, ensureAuth, projectFunctions, serviceOf } from '../service/api-resource';
import { compiledLines, readSchemaSources } from '../service/compile';
import { apiKeyRemoved, API_KEY_REMOVED_WARNING, currentGraphQLConfig, updateGraphQLApi } from '../service/graphql-api';
import { appSyncMetaOutput } from '../service/graphql-resource';
import { runGraphQLUpdateWalkthrough } from '../service/graphql-walkthrough';
import { AUTH_MODE_NAMES } from '../service/auth-config';
import { ensureRestAccess, readRestInputs, saveRestResource } from '../service/rest-resource';
import { runRestUpdateWalkthrough } from '../service/rest-walkthrough';
import { restEnvironment } from '../service/function-source';

/** The @model types of the API's schema, for per-model conflict strategies. */
function schemaModels(projectRoot: string, apiName: string): string[] {
  const text = readSchemaSources(apiDirectory(projectRoot, apiName)).map((source) => source.text.replace(/#.*$/gm, '')).join('\n');
  return [...text.matchAll(/\btype\s+([_A-Za-z][_0-9A-Za-z]*)[^{]*@model\b/g)].map((match) => match[1]);
}

/** `amplify update api [name]`: GraphQL (auth modes, conflict detection) or REST (paths). */
export async function run(context: AmplifyContext): Promise<void> {
  const projectRoot = pathManager.findProjectRoot();
  const prompter = context.amplify.prompter;
  const names = apiResources(projectRoot);
  if (names.length === 0) throw new AmplifyError('ResourceNotFound', 'No API resource in this project', { resolution: 'Run "amplify add api" first' });
  const service = await prompter.pick<'AppSync' | 'API Gateway'>({
    message: 'Select from one of the below mentioned services:',
    choices: [
      { name: 'GraphQL', value: 'AppSync' },
      { name: 'REST', value: 'API Gateway' },
    ],
    default: serviceOf(projectRoot, context.input.subCommands?.[0] ?? names[0]),
  });
  const candidates = apiResources(projectRoot, service);
  if (candidates.length === 0) throw new AmplifyError('ResourceNotFound', `No ${service === 'AppSync' ? 'GraphQL' : 'REST'} API in this project`, { resolution: 'Run "amplify add api" first' });
  if (service === 'AppSync') {
    const apiName = candidates[0];
    const current = currentGraphQLConfig(projectRoot, apiName);
    const output = appSyncMetaOutput(projectRoot, apiName);
    context.print.info('General information');
    context.print.info(`- Name: ${apiName}`);
    if (typeof output.GraphQLAPIEndpointOutput === 'string') context.print.info(`- API endpoint: ${output.GraphQLAPIEndpointOutput}`);
    context.print.info('');
    context.print.info('Authorization modes');
    for (const type of [current.defaultAuthType, ...(current.additionalAuthTypes ?? [])]) context.print.info(`- ${AUTH_MODE_NAMES[type.mode]}`);
    context.print.info('');
    context.print.info('Conflict detection (required for DataStore)');
    context.print.info(`- ${current.conflictResolution?.defaultResolutionStrategy ? `Conflict resolution strategy: ${current.conflictResolution.defaultResolutionStrategy.type}` : 'Disabled'}`);
    context.print.info('');
    const next = await runGraphQLUpdateWalkthrough(
      { prompter, functions: projectFunctions(projectRoot), ensureUserPool: () => ensureAuth(context, projectRoot), info: (line) => context.print.info(line) },
      current,
      schemaModels(projectRoot, apiName),
    );
    const compiled = await updateGraphQLApi(projectRoot, next, undefined, { addAuth: () => ensureAuth(context, projectRoot) });
    if (apiKeyRemoved(current, next)) for (const line of API_KEY_REMOVED_WARNING) context.print.warning(line);
    for (const warning of compiled.warnings) context.print.warning(warning);
    for (const line of compiledLines(projectRoot, apiName)) context.print.info(line);
    context.print.success(`Successfully updated resource ${apiName} locally`);
    return;
  }
  const apiName =
    context.input.subCommands?.[0] ??
    (candidates.length === 1 ? candidates[0] : await prompter.pick<string>({ message: 'Select the REST API you want to update:', choices: candidates, default: candidates[0] }));
  const paths = await runRestUpdateWalkthrough(restEnvironment(context, projectRoot), readRestInputs(projectRoot, apiName).paths);
  await ensureRestAccess(context, projectRoot, paths);
  await saveRestResource(projectRoot, apiName, paths, 'update');
  context.print.success(`Successfully updated resource ${apiName} locally`);
}
