import { AmplifyError, type AmplifyContext, getResourceMeta, pathManager, stateManager, UserAbort } from 'amplify-cli-core';
import { apiResources, CATEGORY } from '../service/api-resource';
import { graphqlFeatureFlags } from '../service/feature-flags';
import { withTablesLeftOut } from '../service/push-compile';

/**
 * `amplify api rebuild`: recreates every table of the GraphQL API, empty. Two forced pushes of the API: the first
 * deploys it without its tables (and what refers to them), the second with them again; the API keeps its id,
 * endpoint and key. The user types the API's name to confirm, as in the original.
 */
export async function run(context: AmplifyContext): Promise<void> {
  const projectRoot = pathManager.findProjectRoot();
  const [apiName] = apiResources(projectRoot, 'AppSync');
  if (!apiName) throw new AmplifyError('ResourceNotFound', 'This project has no GraphQL API to rebuild', { resolution: 'Run "amplify add api" first' });
  if (graphqlFeatureFlags(projectRoot).enableiterativegsiupdates === false) {
    throw new AmplifyError('FeatureFlagDisabled', 'amplify api rebuild needs the feature flag graphqltransformer.enableiterativegsiupdates', {
      resolution: 'Set features.graphqltransformer.enableiterativegsiupdates to true in amplify/cli.json',
    });
  }
  if (!getResourceMeta(stateManager.getMeta(projectRoot), CATEGORY, apiName)?.providerMetadata) {
    throw new AmplifyError('ResourceNotDeployed', `The GraphQL API ${apiName} has not been pushed yet; there are no tables to rebuild`, { resolution: 'Run "amplify push"' });
  }
  context.print.warning(`This will recreate all tables backing models in your GraphQL API ${apiName}.`);
  context.print.warning('ALL EXISTING DATA IN THESE TABLES WILL BE LOST.');
  // No flag answers this: data loss is confirmed by a person, in a terminal.
  const typed = await context.amplify.prompter.input({ message: 'Type the name of the API to confirm you want to continue' });
  if (typed.trim() !== apiName) throw new UserAbort(`"${typed.trim()}" is not ${apiName}; nothing was rebuilt.`);
  const forced = Object.assign(Object.create(context) as AmplifyContext, { input: { ...context.input, options: { ...context.input.options, force: true, yes: true } } });
  await withTablesLeftOut(projectRoot, apiName, () => context.amplify.pushResources(forced, CATEGORY, apiName));
  await context.amplify.pushResources(forced, CATEGORY, apiName);
  context.print.success(`The tables of ${apiName} were recreated.`);
}
