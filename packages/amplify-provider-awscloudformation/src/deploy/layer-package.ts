import * as fs from 'fs';
import * as path from 'path';
import { AmplifyError } from 'amplify-cli-core';
import { collectFiles, zipFiles } from '../env/zip-directory';
import { type DependencyInstaller, type PackagedFunction, dependenciesStale, npmInstall } from './function-package';

export interface PackagedLayer extends PackagedFunction {
  /** The hash of the layer's content by the original's rule (meta `latestPushedVersionHash`). */
  versionHash: string;
}

/** Lambda's limit on a function's code with all its layers, unzipped. */
const LAYER_SIZE_LIMIT_BYTES = 250 * 1024 * 1024;

/**
 * The original's version hash: SHA-256 over the contents of `opt/**` and `lib/nodejs/**` without
 * `lib/nodejs/node_modules` (what npm installs is a function of package.json and the lock file, both hashed), in
 * path order. Equal hashes mean the same layer version; a new hash is what makes a push publish a new version.
 */
export function layerVersionHash(resourceDir: string): string {
  const { createHash } = require('crypto') as typeof import('crypto');
  const files = [
    ...Object.keys(collectFiles(path.join(resourceDir, 'opt'), 'opt')),
    ...Object.keys(collectFiles(path.join(resourceDir, 'lib', 'nodejs'), 'lib/nodejs')).filter((file) => !file.startsWith('lib/nodejs/node_modules/')),
  ].sort();
  const hash = createHash('sha256');
  for (const file of files) hash.update(fs.readFileSync(path.join(resourceDir, file)));
  return hash.digest('hex');
}

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
  const versionHash = layerVersionHash(resourceDir);
  const zipFileName = `${resourceName}-${versionHash.slice(0, 20)}-build.zip`;
  const distDir = path.join(resourceDir, 'dist');
  fs.mkdirSync(distDir, { recursive: true });
  fs.writeFileSync(path.join(distDir, zipFileName), zip);
  return { zipFileName, zip, versionHash };
}
