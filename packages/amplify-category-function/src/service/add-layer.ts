import { AmplifyError, type Prompter, getCategoryResources, makeId, stateManager } from 'amplify-cli-core';
import { CATEGORY } from '../constants';
import { type LayerPermission, NODE_LAYER_RUNTIME, normalisePermissions } from '../layer-definition';
import { RUNTIME_QUESTION } from '../walkthrough/add-questions';
import { askLayerName, askLayerPermissions, layerNamePrefix, layerNameProblem } from '../walkthrough/layer-questions';
import { type LayerSpec, projectLayers, readLayer, rewriteLayer, writeNewLayer } from './layer-files';

export interface AddLayerOptions {
  projectRoot: string;
  prompter: Prompter;
  /** Where steps taken without a question are announced. */
  info?: (line: string) => void;
}

export interface AddedLayer {
  spec: LayerSpec;
  directory: string;
}

function takenNames(projectRoot: string): string[] {
  return Object.keys(getCategoryResources(stateManager.getMeta(projectRoot), CATEGORY));
}

/** `amplify add function` → Lambda layer: name, runtime, who else may use it; then writes the resource. */
export async function addLayer(options: AddLayerOptions): Promise<AddedLayer> {
  const { projectRoot, prompter } = options;
  const prefix = layerNamePrefix(stateManager.getProjectConfig(projectRoot).projectName);
  const name = await askLayerName(prompter, prefix, takenNames(projectRoot), `layer${makeId(8).toLowerCase()}`);
  // The original's runtime step; NodeJS is the one runtime here, so it is named rather than asked.
  options.info?.(`Only one option for [${RUNTIME_QUESTION}]. Selecting [NodeJS].`);
  const permissions = await askLayerPermissions(prompter);
  const spec: LayerSpec = { layerName: `${prefix}${name}`, configuration: { permissions, runtimes: [NODE_LAYER_RUNTIME] } };
  return { spec, directory: await writeNewLayer(projectRoot, spec) };
}

/** A layer made from a headless request: the name (project prefix added, as the walkthrough does) and permissions. */
export async function addLayerFromRequest(projectRoot: string, name: string, permissions: readonly LayerPermission[]): Promise<AddedLayer> {
  const prefix = layerNamePrefix(stateManager.getProjectConfig(projectRoot).projectName);
  const problem = layerNameProblem(name, prefix, takenNames(projectRoot));
  if (problem !== undefined) {
    throw new AmplifyError('InvalidHeadlessInput', `AddLayerRequest: layerName ${JSON.stringify(name)}: ${problem}`, { resolution: 'Give layerName another value in the --headless payload' });
  }
  const spec: LayerSpec = { layerName: `${prefix}${name}`, configuration: { permissions: normalisePermissions(permissions), runtimes: [NODE_LAYER_RUNTIME] } };
  return { spec, directory: await writeNewLayer(projectRoot, spec) };
}

/** The layer to update: the one named, the only one, or a pick among the project's layers. */
export async function chooseLayer(projectRoot: string, prompter: Prompter, given: string | undefined): Promise<string> {
  const layers = projectLayers(projectRoot);
  if (layers.length === 0) {
    throw new AmplifyError('ResourceNotFound', 'This project has no Lambda layer', { resolution: 'Run "amplify add function" and choose "Lambda layer" to create one' });
  }
  if (given !== undefined) {
    if (!layers.includes(given)) throw new AmplifyError('ResourceNotFound', `This project has no Lambda layer named ${given}`, { resolution: `Use one of: ${layers.join(', ')}` });
    return given;
  }
  if (layers.length === 1) return layers[0];
  return prompter.pick<string>({ message: 'Select the Lambda layer to update:', choices: layers, flag: 'the layer name' });
}

/**
 * `amplify update function` → Lambda layer: its permissions (the original's "adjust layer version permissions?"). New
 * content needs no update: the next push publishes a new version when the content's hash changed.
 */
export async function updateLayer(projectRoot: string, prompter: Prompter, layerName: string): Promise<LayerSpec | undefined> {
  const current = readLayer(projectRoot, layerName);
  const adjust = await prompter.confirm({ message: 'Do you want to adjust layer version permissions?', default: true });
  if (!adjust) return undefined;
  return setLayerPermissions(projectRoot, current, await askLayerPermissions(prompter, current.configuration.permissions));
}

/** Records new permissions; unchanged ones leave every file as it was. */
export async function setLayerPermissions(projectRoot: string, current: LayerSpec, given: readonly LayerPermission[]): Promise<LayerSpec | undefined> {
  const permissions = normalisePermissions(given);
  if (JSON.stringify(permissions) === JSON.stringify(current.configuration.permissions)) return undefined;
  const spec: LayerSpec = { ...current, configuration: { ...current.configuration, permissions } };
  await rewriteLayer(projectRoot, spec);
  return spec;
}
