import { type AmplifyContext, pathManager } from 'amplify-cli-core';
import { chooseLayer, updateLayer } from '../service/add-layer';
import { projectLayers } from '../service/layer-files';
import { pluginPolicies } from '../service/resolve-access';
import { applyFunctionChanges, askFunctionChanges, chooseFunction } from '../service/update-function';
import { CAPABILITY_CHOICES, CAPABILITY_UPDATE_MESSAGE, type Capability } from '../walkthrough/capability';
import { printLayerNextSteps } from './print-next-steps';

/** Function or layer: a named resource decides; else asked, when the project has layers. */
async function capabilityToUpdate(context: AmplifyContext, layers: readonly string[]): Promise<Capability> {
  const given = context.parameters.first;
  if (given !== undefined) return layers.includes(given) ? 'layer' : 'function';
  if (layers.length === 0) return 'function';
  return context.amplify.prompter.pick<Capability>({ message: CAPABILITY_UPDATE_MESSAGE, choices: CAPABILITY_CHOICES, default: 'function' });
}

/** `amplify function update [name]` (alias `configure`): a function's settings, or a layer's permissions. */
export async function run(context: AmplifyContext): Promise<void> {
  const prompter = context.amplify.prompter;
  const projectRoot = pathManager.findProjectRoot();
  if ((await capabilityToUpdate(context, projectLayers(projectRoot))) === 'layer') {
    const layerName = await chooseLayer(projectRoot, prompter, context.parameters.first);
    const updated = await updateLayer(projectRoot, prompter, layerName);
    if (updated === undefined) {
      context.print.info(`Layer ${layerName} is unchanged.`);
      return;
    }
    context.print.success(`Successfully updated resource ${layerName} locally.`);
    printLayerNextSteps(context, pathManager.getResourceDirectoryPath(projectRoot, 'function', layerName), 'updated');
    return;
  }
  const functionName = await chooseFunction(projectRoot, prompter, context.parameters.first, 'update');
  const options = { projectRoot, policies: pluginPolicies(context), functionName };
  const changes = await askFunctionChanges(options, prompter, (line) => context.print.warning(line));
  await applyFunctionChanges(options, changes);
  context.print.success(`Successfully updated resource ${functionName} locally.`);
  context.print.info('"amplify push" deploys the change');
}
