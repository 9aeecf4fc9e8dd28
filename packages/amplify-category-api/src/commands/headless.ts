import { AmplifyError, pathManager, validateHeadlessRequest, type AmplifyContext } from 'amplify-cli-core';
import { apiResources, assertNewApiName, notifyCodegen, serviceOf } from '../service/api-resource';
import type { AddApiRequest, AppSyncServiceConfiguration, AuthType, UpdateApiRequest } from '../service/api-types';
import { apiKeyRemoved, API_KEY_REMOVED_WARNING, addGraphQLApi, currentGraphQLConfig, updateGraphQLApi } from '../service/graphql-api';
import { addApiRequestSchema, updateApiRequestSchema } from '../service/headless-schemas';
import { checkRestPaths, ensureRestAccess, restNameProblem, saveRestResource } from '../service/rest-resource';
import { compiledLines } from '../service/compile';

function printCompiled(context: AmplifyContext, projectRoot: string, apiName: string, warnings: string[]): void {
  for (const warning of warnings) context.print.warning(warning);
  // Headless add prints the success line without its mark (reference §2.2).
  const [success, ...rest] = compiledLines(projectRoot, apiName);
  for (const line of [success.replace(/^✅ /, ''), ...rest]) context.print.info(line);
}

/** The legacy `apiKeyExpiration.days` of AddApiRequest: the lifetime of API keys that do not give their own. */
function withKeyExpiration(config: AppSyncServiceConfiguration, days: number | undefined): AppSyncServiceConfiguration {
  if (days === undefined) return config;
  const fill = (type: AuthType): AuthType => (type.mode === 'API_KEY' && type.expirationTime === undefined ? { ...type, expirationTime: days } : type);
  return { ...config, defaultAuthType: fill(config.defaultAuthType), ...(config.additionalAuthTypes ? { additionalAuthTypes: config.additionalAuthTypes.map(fill) } : {}) };
}

/** `amplify add|update api --headless`: the original's AppSync requests, and this CLI's REST form. */
export async function runHeadless(context: AmplifyContext, payload: string): Promise<void> {
  const projectRoot = pathManager.findProjectRoot();
  switch (context.input.command) {
    case 'add': {
      const request = validateHeadlessRequest<AddApiRequest>(addApiRequestSchema, payload, 'AddApiRequest');
      const configuration = request.serviceConfiguration;
      if (configuration.serviceName === 'AppSync') {
        const { transformSchema, apiKeyExpiration, ...config } = configuration as typeof configuration & { apiKeyExpiration?: { days?: number } };
        const compiled = await addGraphQLApi(projectRoot, withKeyExpiration(config, apiKeyExpiration?.days), transformSchema, {});
        await notifyCodegen(context, config.apiName);
        printCompiled(context, projectRoot, config.apiName, compiled.warnings);
        return;
      }
      const problem = restNameProblem(configuration.apiName, apiResources(projectRoot));
      if (problem) throw new AmplifyError('InvalidHeadlessInput', `serviceConfiguration.apiName: ${problem}`, { resolution: 'Choose another alphanumeric name' });
      assertNewApiName(projectRoot, configuration.apiName);
      checkRestPaths(projectRoot, configuration.paths, 'serviceConfiguration.paths');
      await ensureRestAccess(context, projectRoot, configuration.paths);
      await saveRestResource(projectRoot, configuration.apiName, configuration.paths, 'add');
      context.print.success(`Successfully added resource ${configuration.apiName} locally`);
      return;
    }
    case 'update':
    case 'configure': {
      const request = validateHeadlessRequest<UpdateApiRequest>(updateApiRequestSchema, payload, 'UpdateApiRequest');
      const modification = request.serviceModification;
      if (modification.serviceName === 'AppSync') {
        const [apiName] = apiResources(projectRoot, 'AppSync');
        if (!apiName) throw new AmplifyError('ResourceNotFound', 'This project has no GraphQL API to update', { resolution: 'Add one with "amplify add api --headless"' });
        const current = currentGraphQLConfig(projectRoot, apiName);
        const next: AppSyncServiceConfiguration = { ...current };
        if (modification.defaultAuthType) next.defaultAuthType = modification.defaultAuthType;
        if (modification.additionalAuthTypes) next.additionalAuthTypes = modification.additionalAuthTypes;
        if (modification.conflictResolution) next.conflictResolution = modification.conflictResolution;
        const compiled = await updateGraphQLApi(projectRoot, next, modification.transformSchema, {});
        if (apiKeyRemoved(current, next)) for (const line of API_KEY_REMOVED_WARNING) context.print.warning(line);
        printCompiled(context, projectRoot, apiName, compiled.warnings);
        return;
      }
      if (serviceOf(projectRoot, modification.apiName) !== 'API Gateway') {
        throw new AmplifyError('InvalidHeadlessInput', `serviceModification.apiName: ${modification.apiName} is not a REST API`, { resolution: 'Name a REST API of this project ("amplify status" lists them)' });
      }
      checkRestPaths(projectRoot, modification.paths, 'serviceModification.paths');
      await ensureRestAccess(context, projectRoot, modification.paths);
      await saveRestResource(projectRoot, modification.apiName, modification.paths, 'update');
      context.print.success(`Successfully updated resource ${modification.apiName} locally`);
      return;
    }
    default:
      throw new AmplifyError('HeadlessNotSupported', `Headless mode is not supported for "api ${context.input.command ?? ''}"`, { resolution: 'Use --headless with add or update' });
  }
}
