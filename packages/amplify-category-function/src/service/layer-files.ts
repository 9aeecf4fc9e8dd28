import * as path from 'path';
import { AmplifyError, type RenderedFile, getCategoryResources, pathManager, readJsonFile, stateManager, writeResource } from 'amplify-cli-core';
import { CATEGORY, PARAMETERS_FILE, PROVIDER_PLUGIN, RESOURCES_DIR } from '../constants';
import {
  LAYER_CONFIGURATION_FILE,
  LAYER_SERVICE,
  type LayerConfiguration,
  type LayerRuntime,
  NODE_LAYER_RUNTIME,
  compatibleRuntimes,
} from '../layer-definition';
import { layerTemplate } from '../template/layer-template';
import type { ProjectLayerChoice } from '../walkthrough/function-layer-questions';

export const layerTemplateFileName = (layerName: string): string => `${layerName}-awscloudformation-template.json`;

/** The package.json the original's Node.js runtime puts in a new layer's `lib/nodejs`. */
const NODE_LAYER_PACKAGE = { version: '1.0.0', description: '', main: 'index.js', dependencies: {}, devDependencies: {} };

export interface LayerSpec {
  layerName: string;
  configuration: LayerConfiguration;
}

/** The project's layers, by resource name. */
export function projectLayers(projectRoot: string): string[] {
  return Object.entries(getCategoryResources(stateManager.getMeta(projectRoot), CATEGORY))
    .filter(([, entry]) => entry.service === LAYER_SERVICE)
    .map(([name]) => name);
}

function generatedFiles(spec: LayerSpec): Record<string, unknown> {
  return {
    [layerTemplateFileName(spec.layerName)]: layerTemplate({ layerName: spec.layerName, permissions: spec.configuration.permissions, hasRuntimes: spec.configuration.runtimes.length > 0 }),
    [LAYER_CONFIGURATION_FILE]: spec.configuration,
  };
}

/**
 * Writes a new layer as the original lays it out: `lib/nodejs/` (README.txt and package.json, the content under
 * `/opt/nodejs`), `opt/` (content at `/opt`), `layer-configuration.json`, `parameters.json` with the compatible
 * runtimes, the template, and the meta entry `{providerPlugin, service: "LambdaLayer", build: true}`.
 */
export async function writeNewLayer(projectRoot: string, spec: LayerSpec): Promise<string> {
  const jsonFiles: Record<string, unknown> = { ...generatedFiles(spec), [PARAMETERS_FILE]: { runtimes: compatibleRuntimes(spec.configuration.runtimes) } };
  const rendered: RenderedFile[] = [];
  for (const runtime of spec.configuration.runtimes) {
    rendered.push({ dir: path.join(RESOURCES_DIR, 'layer'), template: 'README.txt', target: path.join('lib', runtime.layerExecutablePath, 'README.txt') });
    jsonFiles[path.join('lib', runtime.layerExecutablePath, 'package.json')] = NODE_LAYER_PACKAGE;
  }
  return writeResource({
    projectRoot,
    category: CATEGORY,
    resourceName: spec.layerName,
    mode: 'add',
    jsonFiles,
    rendered,
    directories: ['opt'],
    meta: { providerPlugin: PROVIDER_PLUGIN, service: LAYER_SERVICE, build: true },
  });
}

/** Rewrites a layer's configuration and template after its permissions changed; its content is left as it is. */
export async function rewriteLayer(projectRoot: string, spec: LayerSpec): Promise<void> {
  await writeResource({ projectRoot, category: CATEGORY, resourceName: spec.layerName, mode: 'update', jsonFiles: generatedFiles(spec), meta: {} });
}

function isLayerRuntime(value: unknown): value is LayerRuntime {
  return typeof value === 'object' && value !== null && (value as { value?: unknown }).value === 'nodejs';
}

/** A layer's `layer-configuration.json`; a runtime other than Node.js is refused by name. */
export function readLayer(projectRoot: string, layerName: string): LayerSpec {
  const file = path.join(pathManager.getResourceDirectoryPath(projectRoot, CATEGORY, layerName), LAYER_CONFIGURATION_FILE);
  const stored = readJsonFile<Partial<LayerConfiguration>>(file, { throwIfNotExist: false });
  if (stored === undefined) {
    throw new AmplifyError('LayerNotFound', `Layer ${layerName} has no ${LAYER_CONFIGURATION_FILE} (${file})`, {
      resolution: `Restore amplify/backend/function/${layerName}, or remove the layer with "amplify function remove ${layerName}"`,
    });
  }
  const runtimes = stored.runtimes ?? [NODE_LAYER_RUNTIME];
  const unsupported = runtimes.find((runtime) => !isLayerRuntime(runtime));
  if (unsupported !== undefined) {
    throw new AmplifyError('UnsupportedRuntime', `Layer ${layerName} declares the runtime ${JSON.stringify((unsupported as { value?: unknown }).value)} in ${file}; only nodejs layers are supported`, {
      resolution: `Keep only the nodejs runtime in ${file}`,
    });
  }
  return { layerName, configuration: { permissions: stored.permissions ?? [{ type: 'Private' }], runtimes: runtimes.map((runtime) => ({ ...NODE_LAYER_RUNTIME, ...runtime })) } };
}

/** The version number a layer version ARN ends with. */
function versionOf(arn: unknown): number | undefined {
  const match = typeof arn === 'string' ? /:layer:[a-zA-Z0-9-_]+:(\d+)$/.exec(arn) : null;
  return match === null ? undefined : Number(match[1]);
}

/**
 * The project's layers with the versions a function may pin: 1 up to the version the last push published (its
 * `Arn` output), newest first; none before the first push.
 */
export function layerChoices(projectRoot: string): ProjectLayerChoice[] {
  return Object.entries(getCategoryResources(stateManager.getMeta(projectRoot), CATEGORY))
    .filter(([, entry]) => entry.service === LAYER_SERVICE)
    .map(([name, entry]) => {
      const latest = versionOf((entry.output as Record<string, unknown> | undefined)?.Arn) ?? 0;
      return { name, versions: Array.from({ length: latest }, (_, index) => latest - index) };
    });
}
