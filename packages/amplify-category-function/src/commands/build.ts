import { type AmplifyContext, AmplifyError, pathManager } from 'amplify-cli-core';
import { CATEGORY, PROVIDER_PLUGIN } from '../constants';
import { projectLayers } from '../service/layer-files';
import { chooseFunction } from '../service/update-function';

type BuildResources = (context: AmplifyContext, category?: string, resourceName?: string) => Promise<void>;

/**
 * `amplify function build [name]`: installs dependencies in `src/` (a layer's `lib/nodejs`) and packages the
 * functions and layers without deploying, through the provider (which also packages on push). Confirms first unless
 * a name or --yes is given.
 */
export async function run(context: AmplifyContext): Promise<void> {
  const projectRoot = pathManager.findProjectRoot();
  const given = context.parameters.first;
  // A layer is built as functions are (npm install in lib/nodejs, the zip in dist/).
  const functionName =
    given === undefined ? undefined : projectLayers(projectRoot).includes(given) ? given : await chooseFunction(projectRoot, context.amplify.prompter, given, 'build');
  if (functionName === undefined) {
    const confirmed = await context.amplify.prompter.confirm({
      message: 'Are you sure you want to continue building the resources?',
      default: true,
      flag: '--yes',
    });
    if (!confirmed) return;
  }
  const provider = context.amplify.getPluginInstance(context, PROVIDER_PLUGIN) as { buildResources?: BuildResources } | undefined;
  if (typeof provider?.buildResources !== 'function') {
    throw new AmplifyError('ProviderNotFound', `The ${PROVIDER_PLUGIN} provider plugin cannot build resources`, {
      resolution: 'Install amplify-provider-awscloudformation, then run "amplify plugin scan"',
    });
  }
  await provider.buildResources(context, CATEGORY, functionName);
}
