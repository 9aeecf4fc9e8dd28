import * as fs from 'fs';
import * as path from 'path';
import { AmplifyError, hashLayerVersion } from 'amplify-cli-core';
import { collectFiles, zipFiles } from '../env/zip-directory';
import { type DependencyInstaller, type PackagedFunction, dependenciesStale, npmInstall } from './function-package';

export interface PackagedLayer extends PackagedFunction {
  /** The core's `hashLayerVersion` of the content (the original's rule; meta `latestPushedVersionHash`). */
  versionHash: string;
}

/** Lambda's limit on a function's code with all its layers, unzipped. */
const LAYER_SIZE_LIMIT_BYTES = 250 * 1024 * 1024;

/**
 * Builds and zips a layer as Lambda mounts it at `/opt`: `lib/` at the zip root (so `lib/nodejs/node_modules` is
 * `/opt/nodejs/node_modules`, after `npm install` there when its package.json declares dependencies) and the contents
 * of `opt/` beside it (they win over `lib/` where both have a file). The zip is named after the version hash, so
 * the layer stack's `s3Key` changes, and a new version is published, only when the content does.
 */
export async function packageLayer(resourceDir: string, resourceName: string, install: DependencyInstaller = npmInstall): Promise<PackagedLayer> {
  const nodeDir = path.join(resourceDir, 'lib', 'nodejs');
  if (dependenciesStale(nodeDir)) {
    try {
      await install(nodeDir);
    } catch (cause) {
      throw new AmplifyError('LayerBuildFailed', `npm install failed for layer ${resourceName}: ${(cause as Error).message}`, {
        resolution: `Fix ${path.join(nodeDir, 'package.json')} so that "npm install" succeeds there, then push again.`,
        cause,
      });
    }
  }
  const files = { ...collectFiles(path.join(resourceDir, 'lib')), ...collectFiles(path.join(resourceDir, 'opt')) };
  const size = Object.values(files).reduce((total, content) => total + content.length, 0);
  if (size > LAYER_SIZE_LIMIT_BYTES) {
    throw new AmplifyError('LayerTooLarge', `Lambda layer ${resourceName} is too large: ${(size / 1024 ** 2).toFixed(1)}/250 MB`, {
      resolution: `Remove files from ${path.join(resourceDir, 'lib')} or ${path.join(resourceDir, 'opt')}`,
    });
  }
  if (Object.keys(files).length === 0) {
    throw new AmplifyError('LayerEmpty', `Lambda layer ${resourceName} has no content under lib/ or opt/.`, {
      resolution: `Put the layer's libraries in ${nodeDir} or shared files in ${path.join(resourceDir, 'opt')}, then push again.`,
    });
  }
  const zip = zipFiles(files);
  const versionHash = hashLayerVersion(resourceDir);
  const zipFileName = `${resourceName}-${versionHash.slice(0, 20)}-build.zip`;
  const distDir = path.join(resourceDir, 'dist');
  fs.mkdirSync(distDir, { recursive: true });
  fs.writeFileSync(path.join(distDir, zipFileName), zip);
  return { zipFileName, zip, versionHash };
}
