import { checkProjectFiles, getResourceStatus, getStatusTable, pathManager, stateManager } from 'amplify-cli-core';
import type { CoreCommandContext } from '../cli-session';
import { printApiEndpoints, printStatus } from '../output/status-view';

/**
 * `amplify status [category]` (alias `ls`), from any folder inside a project: what a push would create, update
 * or delete, computed from folder hashes of `backend/` against `#current-cloud-backend/`. `--json` prints
 * `{ currentEnvironment, resources: [{ category, resourceName, operation, providerPlugin }] }`.
 */
export const run = async (context: CoreCommandContext): Promise<void> => {
  const { environment, printer } = context.session;
  const projectRoot = pathManager.findProjectRoot(environment.cwd);
  checkProjectFiles(projectRoot);
  const category = context.input.subCommands?.[0];
  const status = getResourceStatus(projectRoot, { category });
  const envName = stateManager.getLocalEnvInfo(projectRoot, { throwIfNotExist: false })?.envName;
  if (context.input.options?.json === true) {
    printer.info(JSON.stringify({ currentEnvironment: envName ?? null, resources: getStatusTable(status) }, null, 2));
    return;
  }
  printStatus(printer, status, envName);
  printApiEndpoints(printer, stateManager.getMeta(projectRoot, { default: {} }));
};
