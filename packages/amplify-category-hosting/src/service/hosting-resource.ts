import * as fs from 'fs';
import * as path from 'path';
import { getCategoryResources, pathManager, readJsonFile, stateManager, writeResource } from 'amplify-cli-core';
import { HOSTING_RESOURCE_NAME, HOSTING_SERVICE, type HostingConfig } from './hosting-config';
import { configFromTemplate, hostingTemplate } from './hosting-template';

export const CATEGORY = 'hosting';
const PROVIDER = 'awscloudformation';
export const TEMPLATE_FILE = 'template.json';

function resourceDir(projectRoot: string): string {
  return pathManager.getResourceDirectoryPath(projectRoot, CATEGORY, HOSTING_RESOURCE_NAME);
}

/** The hosting resource's meta entry, if the project has one. */
export function hostingEntry(projectRoot: string): { service: string; output?: Record<string, unknown> } | undefined {
  return getCategoryResources(stateManager.getMeta(projectRoot, { default: {} }), CATEGORY)[HOSTING_RESOURCE_NAME];
}

/** The configuration of the project's hosting, read back from its template and parameters. */
export function readHostingConfig(projectRoot: string): HostingConfig {
  const dir = resourceDir(projectRoot);
  const parameters = readJsonFile<{ bucketName?: unknown }>(path.join(dir, 'parameters.json'), { throwIfNotExist: false }) ?? {};
  return configFromTemplate(readJsonFile<unknown>(path.join(dir, TEMPLATE_FILE)), typeof parameters.bucketName === 'string' ? parameters.bucketName : '');
}

export function hasHostingFiles(projectRoot: string): boolean {
  return fs.existsSync(path.join(resourceDir(projectRoot), TEMPLATE_FILE));
}

/** Writes `template.json`, `parameters.json` (`{ bucketName }`) and the meta entry. */
export async function saveHosting(projectRoot: string, config: HostingConfig, mode: 'add' | 'update'): Promise<void> {
  await writeResource({
    projectRoot,
    category: CATEGORY,
    resourceName: HOSTING_RESOURCE_NAME,
    mode,
    jsonFiles: { [TEMPLATE_FILE]: hostingTemplate(config), 'parameters.json': { bucketName: config.bucketName } },
    meta: mode === 'add' ? { service: HOSTING_SERVICE, providerPlugin: PROVIDER } : {},
  });
}
