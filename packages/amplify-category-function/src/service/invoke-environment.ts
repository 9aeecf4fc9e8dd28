import * as path from 'path';
import { type AmplifyMeta, getResourceMeta, pathManager } from 'amplify-cli-core';
import { CATEGORY } from '../constants';
import { resourceEnvironmentVariable } from '../function-definition';
import type { FunctionSpec } from './function-files';

/**
 * What the function sees in `process.env` when invoked locally, as close to the deployed one as the project files
 * allow: ENV and REGION, its custom variables, and each accessed resource's attribute once that resource is deployed.
 */
export function invokeEnvironment(meta: AmplifyMeta, spec: FunctionSpec, envName: string): Record<string, string> {
  const region = String(meta.providers?.awscloudformation?.Region ?? 'us-east-1');
  const environment: Record<string, string> = { ENV: envName, REGION: region };
  const layers = new Set((spec.parameters.lambdaLayers ?? []).flatMap((layer) => (layer.type === 'ProjectLayer' ? [layer.resourceName] : [])));
  for (const dependency of getResourceMeta(meta, CATEGORY, spec.functionName)?.dependsOn ?? []) {
    // A layer is code the function runs with: its modules are on NODE_PATH (layerModulePaths), not in a variable.
    if (dependency.category === CATEGORY && layers.has(dependency.resourceName)) continue;
    const output = getResourceMeta(meta, dependency.category, dependency.resourceName)?.output ?? {};
    for (const attribute of dependency.attributes) {
      const value = output[attribute];
      if (value !== undefined) environment[resourceEnvironmentVariable(dependency.category, dependency.resourceName, attribute)] = String(value);
    }
  }
  return { ...environment, ...spec.environmentValues };
}

/**
 * Where a local invoke finds the modules of the function's project layers, searched as Lambda searches `/opt`: the
 * last layer first (later layers overwrite earlier ones), and in each `opt/` before `lib/` (it wins in the package).
 */
export function layerModulePaths(projectRoot: string, spec: FunctionSpec): string[] {
  const major = process.versions.node.split('.')[0];
  return (spec.parameters.lambdaLayers ?? [])
    .flatMap((layer) => (layer.type === 'ProjectLayer' ? [pathManager.getResourceDirectoryPath(projectRoot, CATEGORY, layer.resourceName)] : []))
    .reverse()
    .flatMap((dir) => [path.join(dir, 'opt'), path.join(dir, 'lib')])
    .flatMap((root) => [path.join(root, 'nodejs', `node${major}`, 'node_modules'), path.join(root, 'nodejs', 'node_modules')]);
}
