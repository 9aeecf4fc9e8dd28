import {
  AmplifyError,
  type AmplifyMeta,
  faultPoint,
  getProjectLockHolder,
  type InterruptedPushOutcome,
  type PushJournal,
  readPushJournal,
  removePushJournal,
  type ResourceRef,
  stateManager,
  updateamplifyMetaAfterPush,
  updateamplifyMetaAfterResourceDelete,
  withProjectLock,
} from 'amplify-cli-core';
import type { CoreCommandContext } from '../../cli-session';
import { projectExeInfo } from '../exe-info';
import { parseHeadlessInput } from '../headless-input';
import { callPlugin, hasFunction, providerPlugin } from '../project-plugins';

/**
 * A push is a transaction from the user's point of view, but the cloud, amplify-meta.json,
 * `#current-cloud-backend/`, its zip in the deployment bucket and the frontend config cannot change in one atomic
 * step. The push journal (amplify-cli-core `push-journal.ts`) is written before the cloud changes and removed
 * after the last local record; while it exists, the next command that works on the project settles it here
 * first: each provider reads what the cloud runs and records a deploy that took effect, then the core finishes
 * the local steps, or drops the journal when the cloud never took the update.
 */
export type SettledPush =
  | { type: 'completed'; journal: PushJournal }
  | { type: 'discarded'; journal: PushJournal }
  /**
   * The cloud could not be asked, or not every record written (the cloud unreachable, say): the journal stays, and
   * the next command tries again; every step is safe to redo.
   */
  | { type: 'pending'; journal: PushJournal; reason: string }
  /** Another amplify process holds the project: its own push may be the one journalled. */
  | { type: 'busy'; journal: PushJournal; holder: string };

const label = (refs: ResourceRef[]): string => refs.map((r) => `${r.category} ${r.resourceName}`).join(', ') || 'no resource';

/**
 * The local steps of a push whose deploy the cloud took, in the order that lets each be done again: meta stamps
 * and `#current-cloud-backend/`, the zip other machines restore from, the frontend config; the journal goes last.
 */
export async function finishPush(context: CoreCommandContext, projectRoot: string, journal: PushJournal): Promise<void> {
  const cloudMetaBefore = stateManager.getCurrentMeta(projectRoot, { default: {} });
  for (const resource of journal.deleted) updateamplifyMetaAfterResourceDelete(projectRoot, resource.category, resource.resourceName);
  updateamplifyMetaAfterPush(projectRoot, journal.pushed);
  faultPoint('push:after-current-cloud-backend-copy');
  for (const name of stateManager.getProjectConfig(projectRoot).providers) {
    const provider = providerPlugin(context, name);
    if (hasFunction(provider, 'storeCurrentCloudBackend')) await callPlugin(provider, 'storeCurrentCloudBackend', context);
  }
  if (context.exeInfo) context.exeInfo.amplifyMeta = stateManager.getMeta(projectRoot);
  await context.amplify.onCategoryOutputsChange(context, cloudMetaBefore as AmplifyMeta);
  faultPoint('push:after-frontend-config');
  removePushJournal(projectRoot);
}

/** Asks each provider what became of its part; a provider without the function cannot have deployed through it. */
async function askProviders(context: CoreCommandContext, projectRoot: string, journal: PushJournal): Promise<boolean> {
  let deployed = false;
  for (const name of stateManager.getProjectConfig(projectRoot).providers) {
    const provider = providerPlugin(context, name);
    if (!hasFunction(provider, 'completeInterruptedPush')) continue;
    const outcome = (await callPlugin(provider, 'completeInterruptedPush', context, journal.providers[name])) as InterruptedPushOutcome;
    if (outcome.type === 'deployed') deployed = true;
  }
  return deployed;
}

/**
 * Settles the journalled push of `projectRoot` (the caller holds the project lock). A failure to reach the cloud
 * is an answer here, not an error: the push stays journalled and the caller says so.
 */
export async function settleInterruptedPush(context: CoreCommandContext, projectRoot: string, journal: PushJournal): Promise<SettledPush> {
  const previousExeInfo = context.exeInfo;
  projectExeInfo(context, projectRoot, parseHeadlessInput(context.input.options), journal.envName);
  try {
    if (!(await askProviders(context, projectRoot, journal))) {
      removePushJournal(projectRoot);
      return { type: 'discarded', journal };
    }
    await finishPush(context, projectRoot, journal);
    return { type: 'completed', journal };
  } catch (error) {
    return { type: 'pending', journal, reason: error instanceof Error ? error.message : String(error) };
  } finally {
    context.exeInfo = previousExeInfo;
  }
}

/**
 * Run when the journal exists, before the commands that read or change what a push records (see
 * settle-before-command.ts). `status` reports what it could not settle and goes on (it must still answer while the cloud is down); every
 * other command refuses to work on records that may not match the cloud.
 */
export async function settleInterruptedPushBeforeCommand(context: CoreCommandContext, projectRoot: string, command: string): Promise<void> {
  const { printer } = context.session;
  const holder = getProjectLockHolder(projectRoot);
  const journal = readPushJournal(projectRoot);
  if (!journal) return;
  const settled: SettledPush = holder
    ? { type: 'busy', journal, holder: `pid ${holder.pid}, "amplify ${holder.command}"` }
    : await withProjectLock(projectRoot, 'complete interrupted push', () => settleInterruptedPush(context, projectRoot, journal));
  const what = `The push of ${journal.startedAt} (${label([...journal.pushed, ...journal.deleted])})`;
  switch (settled.type) {
    // On stderr, like every notice about something other than what the command was asked: `status --json` stays JSON.
    case 'completed':
      printer.warning(`⚠ ${what} was interrupted after its deploy; it is now recorded locally and in the cloud.`);
      return;
    case 'discarded':
      printer.warning(`⚠ ${what} was interrupted before the cloud took it; nothing of it is deployed, so it is still to be pushed.`);
      return;
    case 'busy':
      if (command === 'status') {
        printer.warning(`⚠ ${what} is still running (${settled.holder}); the status below may change when it ends.`);
        return;
      }
      // The command's own lock reports the other process.
      return;
    case 'pending': {
      const message = `${what} was interrupted and cannot be settled now: ${settled.reason}`;
      if (command === 'status') {
        printer.warning(`⚠ ${message}`);
        printer.warning(`  Until it is settled, ${label(journal.pushed)} may be deployed or not, whatever the table below says.`);
        return;
      }
      throw new AmplifyError('InterruptedPushUnsettled', message, {
        resolution: 'Run the command again when the cloud is reachable; it first records or drops the interrupted push',
      });
    }
  }
}
