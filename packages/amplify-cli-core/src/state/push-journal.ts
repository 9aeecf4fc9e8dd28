import * as fs from 'fs';
import { AmplifyError } from '../errors/amplify-error';
import { pathManager } from '../paths/path-manager';
import { readJsonFile, writeJsonFile } from './json-file';
import type { ResourceRef } from './types';

/**
 * The record of a push that has started to change the cloud and not yet recorded everything locally
 * (`amplify/.config/local-push-journal.json`, machine-local like the other `local-*` files, so the init's
 * .gitignore block keeps it out of git). The cloud, `amplify-meta.json`, `#current-cloud-backend/`, its zip in the
 * deployment bucket and the frontend config cannot change in one atomic step; this file says, until the last of
 * them is written, that they may disagree, and gives the next command what it needs to make them agree again.
 */
export interface PushJournal {
  version: 1;
  startedAt: string;
  envName: string;
  /** Resources the push creates or updates, and those it removes from the cloud. */
  pushed: ResourceRef[];
  deleted: ResourceRef[];
  /**
   * What each provider wrote just before it started its deploy: enough to tell later whether the deploy took
   * effect and to record it. Its shape is the provider's own; no entry means the provider deployed nothing.
   */
  providers: Record<string, unknown>;
}

function journalPath(projectRoot: string): string {
  return pathManager.getPushJournalFilePath(projectRoot);
}

function invalidJournal(filePath: string, problem: string): AmplifyError {
  return new AmplifyError('InvalidPushJournal', `${filePath} is malformed: ${problem}`, {
    resolution: 'Delete the file, then run "amplify push" again to deploy whatever is still pending',
  });
}

function isRefList(value: unknown): value is ResourceRef[] {
  return Array.isArray(value) && value.every((r) => typeof r?.category === 'string' && typeof r?.resourceName === 'string');
}

/** One `fs.existsSync`: what every command that touches the project pays when no push was interrupted. */
export function pushJournalExists(projectRoot: string): boolean {
  return fs.existsSync(journalPath(projectRoot));
}

export function readPushJournal(projectRoot: string): PushJournal | undefined {
  const filePath = journalPath(projectRoot);
  const value = readJsonFile<Partial<PushJournal>>(filePath, { throwIfNotExist: false });
  if (value === undefined) return undefined;
  if (value.version !== 1 || typeof value.envName !== 'string' || typeof value.startedAt !== 'string') {
    throw invalidJournal(filePath, 'version, envName or startedAt is missing');
  }
  if (!isRefList(value.pushed) || !isRefList(value.deleted)) throw invalidJournal(filePath, '"pushed" and "deleted" must be lists of resources');
  const providers = typeof value.providers === 'object' && value.providers !== null ? value.providers : {};
  return { ...(value as PushJournal), providers };
}

/** Written before the first change to the cloud. */
export function beginPushJournal(projectRoot: string, journal: Omit<PushJournal, 'version' | 'startedAt' | 'providers'>): PushJournal {
  const started: PushJournal = { version: 1, startedAt: new Date().toISOString(), ...journal, providers: {} };
  writeJsonFile(journalPath(projectRoot), started);
  return started;
}

/**
 * A provider's part, written just before its deploy starts. Without a journal the provider was called outside the
 * core's push (a test, another host), which settles nothing later: there is nothing to add to.
 */
export function recordProviderInPushJournal(projectRoot: string, provider: string, record: unknown): void {
  const journal = readPushJournal(projectRoot);
  if (!journal) return;
  journal.providers[provider] = record;
  writeJsonFile(journalPath(projectRoot), journal);
}

/** The push is recorded everywhere (or never reached the cloud): the journal goes. */
export function removePushJournal(projectRoot: string): void {
  fs.rmSync(journalPath(projectRoot), { force: true });
}
