import { pathManager, pushJournalExists } from 'amplify-cli-core';
import type { CoreCommandContext } from '../../cli-session';

/**
 * Core commands that read or change what a push records (and `init`, which may switch envs); category commands
 * that change the project are settled too (run-plugin-command.ts), or an edit made before the settling would be
 * copied into `#current-cloud-backend/` as if deployed.
 */
const SETTLING_CORE_COMMANDS = new Set(['status', 'push', 'pull', 'publish', 'run', 'env', 'init']);

export function settlesInterruptedPush(command: string): boolean {
  return SETTLING_CORE_COMMANDS.has(command);
}

/**
 * Settles a push a crash or an outage interrupted (interrupted-push.ts) before `command` runs in the project
 * around `cwd`. With no journal this is the project search the command does anyway plus one `existsSync`; the
 * settling code loads only when there is something to settle.
 */
export async function settleInterruptedPushIfAny(context: CoreCommandContext, cwd: string, command: string): Promise<void> {
  const projectRoot = pathManager.searchProjectRootPath(cwd);
  if (projectRoot === undefined || !pushJournalExists(projectRoot)) return;
  const { settleInterruptedPushBeforeCommand } = await import('./interrupted-push');
  await settleInterruptedPushBeforeCommand(context, projectRoot, command);
}
