import * as fs from 'fs';
import {
  AmplifyError,
  assertPushInputsReadable,
  beginPushJournal,
  faultPoint,
  getResourceStatus,
  hasChanges,
  pathManager,
  ProviderPlugin,
  PushResult,
  readPushJournal,
  ResourceRef,
  ResourceStatus,
  stateManager,
  UserAbort,
  withProjectLock,
  writeFileAtomic,
} from 'amplify-cli-core';
import type { CoreCommandContext } from '../../cli-session';
import { printStatus } from '../../output/status-view';
import { projectExeInfo } from '../exe-info';
import type { HeadlessInput } from '../headless-input';
import { callPlugin, providerPlugin } from '../project-plugins';
import { finishPush, settleInterruptedPush } from './interrupted-push';

export interface PushOptions {
  projectRoot: string;
  /** Only this category (and resource), as `amplify <category> push [name]` asks. */
  category?: string;
  resourceName?: string;
  /** Only these resources (a plugin's `context.amplify.pushResources(context, undefined, undefined, list)`). */
  filteredResources?: ResourceRef[];
  /** `--yes`: no confirmation. */
  yes: boolean;
  /** `--force`: deploy every resource, changed or not. */
  force: boolean;
  /** `--sync`: refresh `#current-cloud-backend/` from the env's cloud copy before comparing. */
  sync?: boolean;
  headless: HeadlessInput;
}

/**
 * What a push did. `cloudChanged` is false when every provider reported that the cloud already matched
 * (a `--force` push of unchanged resources): the local records were still refreshed.
 */
export type PushOutcome = { type: 'no-changes' } | { type: 'pushed'; resources: ResourceRef[]; deleted: ResourceRef[]; cloudChanged: boolean };

/** A provider that returns nothing (the original's contract) may have deployed: only an explicit report says not. */
function reportsNoChanges(result: unknown): boolean {
  return typeof result === 'object' && result !== null && (result as Partial<PushResult>).type === 'no-changes';
}

/**
 * `--sync`: each provider that can replaces `#current-cloud-backend/` with the copy its last push uploaded, so
 * that the status compares against what another machine may have deployed since this one last pushed.
 */
async function syncCurrentCloudBackend(context: CoreCommandContext, projectRoot: string, envName: string): Promise<void> {
  const { printer } = context.session;
  const providers = stateManager.getProjectConfig(projectRoot).providers;
  const able = providers.filter((name) => typeof providerPlugin(context, name).module.providerUtils?.syncCurrentCloudBackend === 'function');
  if (able.length === 0) {
    throw new AmplifyError('SyncNotSupported', `No provider of this project (${providers.join(', ')}) can fetch the deployed backend`, {
      resolution: 'Run "amplify push" without --sync, or "amplify pull" to replace the local backend with the deployed one',
    });
  }
  printer.info(`Fetching updates to backend environment ${envName} from the cloud.`);
  for (const name of able) {
    const found = await context.amplify.executeProviderUtils(context, name, 'syncCurrentCloudBackend');
    if (found === false) printer.info(`Env "${envName}" has no deployed copy in ${name} yet; comparing with the local record.`);
  }
}

function refs(resources: ResourceStatus['allResources']): ResourceRef[] {
  const unique = new Map(resources.map((r) => [`${r.category}/${r.resourceName}`, { category: r.category, resourceName: r.resourceName }]));
  return [...unique.values()];
}

function forProvider(status: ResourceStatus, provider: string): ResourceStatus {
  const ours = (list: ResourceStatus['allResources']) => list.filter((r) => r.providerPlugin === provider);
  return {
    ...status,
    resourcesToBeCreated: ours(status.resourcesToBeCreated),
    resourcesToBeUpdated: ours(status.resourcesToBeUpdated),
    resourcesToBeDeleted: ours(status.resourcesToBeDeleted),
    allResources: ours(status.allResources),
  };
}

/**
 * `amplify push`, under the project lock: the status table, "No changes
 * detected" when there is nothing to do, a confirmation unless `--yes`, a check that every project file the push
 * reads is intact, then each provider deploys. The push journal is written before the cloud changes; only after
 * every provider succeeded does the core stamp the meta, refresh `#current-cloud-backend/` (and its copy in the
 * cloud) and regenerate the frontend configuration, then drop the journal (interrupted-push.ts). A deploy that
 * failed leaves `amplify-meta.json` byte for byte as it was, so the same push can simply be run again.
 */
export async function pushProject(context: CoreCommandContext, options: PushOptions): Promise<PushOutcome> {
  const { projectRoot } = options;
  return withProjectLock(projectRoot, 'push', async () => {
    faultPoint('push:after-lock');
    assertPushInputsReadable(projectRoot);
    faultPoint('push:after-validation');
    const { printer } = context.session;
    const exeInfo = context.exeInfo?.projectConfig ? context.exeInfo : projectExeInfo(context, projectRoot, options.headless);
    exeInfo.forcePush = options.force;
    const envName = stateManager.getCurrentEnvName(projectRoot);
    if (options.sync) await syncCurrentCloudBackend(context, projectRoot, envName);
    const status = getResourceStatus(projectRoot, {
      category: options.category,
      resourceName: options.resourceName,
      filteredResources: options.filteredResources,
    });
    if (options.category !== undefined && status.allResources.length === 0 && status.resourcesToBeDeleted.length === 0) {
      // A misspelt name in a CI script would otherwise "succeed" with "No changes detected" and deploy nothing.
      const what = options.resourceName === undefined ? `No resource in category "${options.category}"` : `No resource "${options.resourceName}" in category "${options.category}"`;
      throw new AmplifyError('ResourceNotFound', `${what} of this project`, {
        resolution: 'Run "amplify status" to see the project\'s resources (names are case-sensitive)',
      });
    }
    printStatus(printer, status, envName);
    if (!hasChanges(status) && !(options.force && status.allResources.length > 0)) {
      printer.info('\nNo changes detected');
      return { type: 'no-changes' };
    }
    if (!options.yes) {
      const confirmed = await context.amplify.prompter.confirm({ message: 'Are you sure you want to continue?', default: true, flag: '--yes' });
      if (!confirmed) throw new UserAbort('Push cancelled; nothing was deployed.');
    }

    const pushed = refs(options.force ? status.allResources : [...status.resourcesToBeCreated, ...status.resourcesToBeUpdated]);
    const deleted = refs(status.resourcesToBeDeleted);
    const metaPath = pathManager.getAmplifyMetaFilePath(projectRoot);
    const metaBefore = fs.readFileSync(metaPath);
    // Found before the journal is begun: a provider that is not installed fails the push with nothing written.
    const providers = stateManager.getProjectConfig(projectRoot).providers.map((name) => ({ name, provider: providerPlugin(context, name) }));
    const journal = beginPushJournal(projectRoot, { envName, pushed, deleted });
    faultPoint('push:after-journal');
    let cloudChanged = false;
    try {
      for (const { name, provider } of providers) {
        const providerStatus = forProvider(status, name);
        const result = await callPlugin<Partial<ProviderPlugin>, 'pushResources'>(provider, 'pushResources', context, providerStatus);
        if (!reportsNoChanges(result)) cloudChanged = true;
      }
    } catch (error) {
      // Whatever a provider wrote before failing is undone: the meta must describe what is deployed. Then the
      // cloud is asked, as the next command would ask it, whether the deploy took effect all the same.
      writeFileAtomic(metaPath, metaBefore);
      // Read back: the providers have added their parts since it was begun.
      const settled = await settleInterruptedPush(context, projectRoot, readPushJournal(projectRoot) ?? journal);
      if (settled.type === 'completed') {
        printer.warning(`⚠ ${error instanceof Error ? error.message : String(error)}; the cloud took the deploy all the same, and it is now recorded.`);
        printer.success('✔ All resources are updated in the cloud');
        return { type: 'pushed', resources: pushed, deleted, cloudChanged: true };
      }
      if (settled.type === 'discarded') {
        printer.error('An error occurred when pushing the resources to the cloud; local files are unchanged, fix the problem and push again.');
      } else {
        printer.error('The push failed, and whether the cloud took its deploy cannot be settled now; the next amplify command (status, push, pull) finds out and records it.');
      }
      throw error;
    }
    try {
      await finishPush(context, projectRoot, journal);
    } catch (error) {
      printer.error('The cloud took the deploy, but recording it locally failed; the next amplify command (status, push, pull) completes it.');
      throw error;
    }
    if (!cloudChanged) printer.info('The cloud already matched the local backend: nothing needed deploying.');
    printer.success('✔ All resources are updated in the cloud');
    return { type: 'pushed', resources: pushed, deleted, cloudChanged };
  });
}
