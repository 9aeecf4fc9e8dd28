import * as fs from 'fs';
import * as path from 'path';
import { getResourceOutputs } from 'amplify-cli-core';
import type { FrontendOutputs } from 'amplify-cli-core';
import { FrontendContext, projectPathOf, projectResourcesOf } from './frontend-context';
import { FrontendResources, toFrontendResources } from './frontend-resources';
import { localCloudEndpointOf } from './local-cloud-endpoint';

/**
 * Writes one frontend's config files into the project at `projectPath`. `cloud` (the last deployed resources) tells
 * keys a user added by hand from stale generated ones; without it the local resources do.
 */
export type ConfigFilesWriter = (
  context: FrontendContext,
  projectPath: string,
  resources: FrontendResources,
  cloud?: FrontendResources,
) => void;

/** The frontend functions that write config files, as the core calls them. */
export interface ConfigFilesHooks {
  /**
   * After a successful init: the config files exist right away (with the project region), so the app builds before
   * anything is pushed. A project whose meta has no region yet gets none.
   */
  onInitSuccessful(context: FrontendContext): Promise<void>;
  /** After a push or pull: the config files from the outputs the core hands over, `cloudOutputs` the deployed ones. */
  createFrontendConfigs(context: FrontendContext, outputs: FrontendOutputs, cloudOutputs?: FrontendOutputs): Promise<void>;
}

function withEndpoint(resources: FrontendResources, localCloudEndpoint: string | undefined): FrontendResources {
  return localCloudEndpoint ? { ...resources, localCloudEndpoint } : resources;
}

/** The config-file functions of a frontend whose files `write` writes. */
export function configFilesHooks(write: ConfigFilesWriter): ConfigFilesHooks {
  return {
    async onInitSuccessful(context) {
      const projectPath = projectPathOf(context);
      const meta = context.exeInfo?.amplifyMeta ?? context.amplify.stateManager.getMeta(projectPath, { default: {} });
      const outputs = getResourceOutputs(meta).outputsForFrontend;
      if (outputs.metadata?.Region) {
        const localCloudEndpoint = await localCloudEndpointOf(context, projectPath);
        write(context, projectPath, withEndpoint(toFrontendResources(outputs, projectResourcesOf(context, projectPath)), localCloudEndpoint));
      }
    },
    async createFrontendConfigs(context, outputs, cloudOutputs) {
      const projectPath = projectPathOf(context);
      const project = projectResourcesOf(context, projectPath);
      const localCloudEndpoint = await localCloudEndpointOf(context, projectPath);
      const resources = withEndpoint(toFrontendResources(outputs, project), localCloudEndpoint);
      write(context, projectPath, resources, cloudOutputs ? withEndpoint(toFrontendResources(cloudOutputs, project), localCloudEndpoint) : undefined);
    },
  };
}

/** A config file's current text, or undefined before it is first written (its hand-added keys are kept, not lost). */
export function readConfigFileIfPresent(filePath: string): string | undefined {
  try {
    return fs.readFileSync(filePath, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      return undefined;
    }
    throw error;
  }
}

/** Removes the config files `names` from `dir` (`amplify delete`); files already gone are fine. Returns the removed. */
export function deleteConfigFiles(dir: string, names: readonly string[]): string[] {
  const removed: string[] = [];
  for (const name of names) {
    const filePath = path.join(dir, name);
    if (fs.existsSync(filePath)) {
      fs.rmSync(filePath, { force: true });
      removed.push(filePath);
    }
  }
  return removed;
}
