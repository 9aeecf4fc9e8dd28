import { AmplifyError } from 'amplify-cli-core';
import { type FunctionLayer, LAYER_VERSION_ARN_PATTERN, MAX_FUNCTION_LAYERS } from '../layer-definition';
import { layerChoices } from './layer-files';

/**
 * Checks layers given up front (headless): at most five, each project layer in the project and its pinned version
 * published, each external ARN a layer version ARN.
 */
export function checkFunctionLayers(projectRoot: string, layers: readonly FunctionLayer[]): FunctionLayer[] {
  const fail = (field: string, problem: string, resolution: string): never => {
    throw new AmplifyError('InvalidInput', `${field}: ${problem}`, { resolution });
  };
  if (layers.length > MAX_FUNCTION_LAYERS) fail('lambdaLayers', `a function can use at most ${MAX_FUNCTION_LAYERS} layers, ${layers.length} were given`, 'Remove layers from lambdaLayers');
  const choices = layerChoices(projectRoot);
  layers.forEach((layer, index) => {
    const field = `lambdaLayers[${index}]`;
    if (layer.type === 'ExternalLayer') {
      if (!new RegExp(LAYER_VERSION_ARN_PATTERN).test(layer.arn)) fail(field, `${layer.arn} is not a valid Lambda layer ARN`, 'Give the ARN of a layer version (arn:aws:lambda:<region>:<account>:layer:<name>:<version>)');
      return;
    }
    const choice = choices.find((candidate) => candidate.name === layer.resourceName);
    if (choice === undefined) {
      fail(field, `this project has no Lambda layer named ${layer.resourceName}`, choices.length > 0 ? `Use one of: ${choices.map((c) => c.name).join(', ')}` : 'Run "amplify add function" and choose "Lambda layer" first');
    } else if (!layer.isLatestVersionSelected && !choice.versions.includes(layer.version as number)) {
      fail(field, `layer ${layer.resourceName} has no version ${String(layer.version)}`, choice.versions.length > 0 ? `Use one of the published versions: ${choice.versions.join(', ')}` : 'Omit version (the latest is used) until the layer is pushed');
    }
  });
  return [...layers];
}
