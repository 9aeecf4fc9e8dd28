import { type ResourceRef, listResources, updateAmplifyMetaAfterPackage, updateamplifyMetaAfterBuild } from 'amplify-cli-core';
import { PROVIDER_NAME } from '../constants';
import { ProjectFiles } from '../project/project-files';
import { type DependencyInstaller, npmInstall, packageFunction } from './function-package';
import { packageLayer } from './layer-package';

export interface BuildResourcesOptions {
  projectRoot: string;
  category?: string;
  resourceName?: string;
  installDependencies?: DependencyInstaller;
}

export interface BuiltResource extends ResourceRef {
  zipFileName: string;
}

/**
 * `amplify function build`: installs dependencies and packages every resource marked `build: true` (or the one
 * named) without deploying, recording the build and package in meta as the original did.
 */
export async function buildResources(options: BuildResourcesOptions): Promise<BuiltResource[]> {
  const files = new ProjectFiles(options.projectRoot);
  const built: BuiltResource[] = [];
  for (const [category, resourceName, entry] of listResources(files.readMeta())) {
    if (!entry.build || entry.providerPlugin !== PROVIDER_NAME) continue;
    if (options.category !== undefined && category !== options.category) continue;
    if (options.resourceName !== undefined && resourceName !== options.resourceName) continue;
    const resourceDir = files.paths.resourceDir(category, resourceName);
    const install = options.installDependencies ?? npmInstall;
    const { zipFileName } = entry.service === 'LambdaLayer' ? await packageLayer(resourceDir, resourceName, install) : await packageFunction(resourceDir, resourceName, install);
    const ref = { category, resourceName };
    updateamplifyMetaAfterBuild(options.projectRoot, ref);
    updateAmplifyMetaAfterPackage(options.projectRoot, ref, zipFileName);
    built.push({ ...ref, zipFileName });
  }
  return built;
}
