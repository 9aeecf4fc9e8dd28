import { FileRollback, pathManager, stateManager } from 'amplify-cli-core';

/** The category verbs that change what the backend declares: they run as a transaction over the project's files. */
const RESOURCE_CHANGING_VERBS: ReadonlySet<string> = new Set(['add', 'update', 'remove', 'import']);

export function changesResources(command: string): boolean {
  return RESOURCE_CHANGING_VERBS.has(command);
}

/**
 * Every project file a category command reads or writes, parsed once before it starts: a corrupt one fails the
 * command with the accessor's one-line error naming the file, before a resource folder or meta entry is written.
 * A missing optional file is left to the command, which knows whether it needs it.
 */
function checkProjectFiles(projectRoot: string): void {
  stateManager.getProjectConfig(projectRoot);
  stateManager.getLocalEnvInfo(projectRoot, { throwIfNotExist: false });
  stateManager.getTeamProviderInfo(projectRoot, { throwIfNotExist: false });
  stateManager.getMeta(projectRoot, { throwIfNotExist: false });
  stateManager.getBackendConfig(projectRoot, { throwIfNotExist: false });
  stateManager.getProjectTags(projectRoot, { throwIfNotExist: false });
}

/**
 * Runs a category's add, update, remove or import so that it either completes or leaves the project byte for byte
 * as it was: the files are checked first, and on any failure `amplify/backend` (but for installed `node_modules`),
 * team-provider-info.json and project-config.json are put back. Here, where every category command passes, so
 * that no category has to remember it.
 */
export async function withResourceChangeTransaction<T>(projectRoot: string, run: () => Promise<T>): Promise<T> {
  checkProjectFiles(projectRoot);
  const rollback = new FileRollback()
    .keepDir(pathManager.getBackendDirPath(projectRoot), { ignore: ['node_modules'] })
    .keepFile(pathManager.getTeamProviderInfoFilePath(projectRoot))
    .keepFile(pathManager.getProjectConfigFilePath(projectRoot));
  return rollback.guard(run);
}
