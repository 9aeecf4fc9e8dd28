import * as fs from 'fs';
import * as path from 'path';
import { AmplifyError, withFileLockSync, type LockClock } from 'amplify-cli-core';
import {
  cacheFromScan,
  isPluginCacheCurrent,
  PluginCache,
  PluginUserChoices,
  readPluginCache,
  readPluginCacheFile,
  readUserChoices,
  writePluginCache,
} from './plugin-cache';
import { getPluginDirectories, PluginDirectoryOptions } from './plugin-directories';
import type * as PluginScanModule from './plugin-scan';

export interface PluginPlatformOptions extends PluginDirectoryOptions {
  /** `~/.amplify` (or `$AMPLIFY_HOME`). */
  homeDotAmplifyDir: string;
  now?: () => Date;
  /** The clock of plugin-cache.json's lock (tests check whether a run waited on it). */
  lockClock?: LockClock;
}

export interface LoadedPluginPlatform {
  cache: PluginCache;
  /** True when this call scanned the disk (so its problems are new and worth a warning). */
  scanned: boolean;
}

/**
 * This tool's plugin cache and the user's plugin choices. `plugins.json` beside it belongs to the original CLI (its
 * plugins need the original's core): it is never written here, so each tool keeps its own file's format.
 */
export function pluginCacheFilePath(homeDotAmplifyDir: string): string {
  return path.join(homeDotAmplifyDir, 'plugin-cache.json');
}

/** Where this tool kept its cache before it had a file of its own (shared with the original CLI). */
function sharedPluginsFilePath(homeDotAmplifyDir: string): string {
  return path.join(homeDotAmplifyDir, 'plugins.json');
}

/**
 * The user's choices recorded by an older version of this tool in plugins.json, recognised by this tool's cache
 * format marker; the original CLI's own choices there name plugins of the original and are left to it.
 */
function choicesFromOlderVersion(homeDotAmplifyDir: string): PluginUserChoices | undefined {
  let content: unknown;
  try {
    content = JSON.parse(fs.readFileSync(sharedPluginsFilePath(homeDotAmplifyDir), 'utf8')) as unknown;
  } catch {
    return undefined;
  }
  return readPluginCache(content) ? readUserChoices(content) : undefined;
}

/** The plugin set for this run: the cache when it is still current, else a fresh scan written back to the cache. */
export function loadPluginPlatform(options: PluginPlatformOptions): LoadedPluginPlatform {
  const content = readPluginCacheFile(pluginCacheFilePath(options.homeDotAmplifyDir));
  const cache = readPluginCache(content);
  if (cache && isPluginCacheCurrent(cache, getPluginDirectories(options))) {
    return { cache, scanned: false };
  }
  // Start-up never waits: when another process is changing plugin-cache.json, this run uses its scan without saving
  // it, and the writer's file is the one the next run reads.
  return { cache: rescanAndSave(options, readUserChoices(content) ?? choicesFromOlderVersion(options.homeDotAmplifyDir), keepChoices, 0), scanned: true };
}

/**
 * A change the user makes to the plugin set, applied to the choices found in plugin-cache.json at the moment it is
 * rewritten (not as they were when this process started, which another `amplify plugin add` may have changed).
 */
export type PlatformChange = (choices: PluginUserChoices) => PluginUserChoices;

const keepChoices: PlatformChange = (choices) => choices;

/**
 * How long `amplify plugin add/remove/scan` wait for another one to finish its rewrite of plugin-cache.json: a scan
 * takes milliseconds to tenths of a second, so this only runs out when the holder is stuck.
 */
const USER_CHANGE_LOCK_WAIT_MS = 15_000;

/**
 * Scans the disk with the user's choices (added locations, removed plugins) as plugin-cache.json holds them now, with
 * `change` applied, and saves the result. `previous` serves when the file cannot be read.
 */
export function rescanPlugins(options: PluginPlatformOptions, previous?: PluginCache, change: PlatformChange = keepChoices): PluginCache {
  return rescanAndSave(options, previous && { userAddedLocations: previous.userAddedLocations, excluded: previous.excluded }, change, USER_CHANGE_LOCK_WAIT_MS);
}

/**
 * The read-modify-write of plugin-cache.json, under its lock so that concurrent writers do not drop each other's
 * choices. With `waitMs` 0 a busy lock means scanning without saving.
 */
function rescanAndSave(options: PluginPlatformOptions, fallback: PluginUserChoices | undefined, change: PlatformChange, waitMs: number): PluginCache {
  const file = pluginCacheFilePath(options.homeDotAmplifyDir);
  const scanWith = (choices: PluginUserChoices | undefined): PluginCache => scanWithChoices(options, change(choices ?? { userAddedLocations: [], excluded: {} }));
  try {
    return withFileLockSync(
      file,
      'rescanning plugins',
      () => {
        const cache = scanWith(readUserChoices(readPluginCacheFile(file)) ?? fallback);
        writePluginCache(file, cache);
        return cache;
      },
      { waitMs, clock: options.lockClock },
    );
  } catch (error) {
    if ((waitMs === 0 && error instanceof AmplifyError && error.code === 'FileLocked') || isUnwritableFolder(error)) {
      // Either another process is saving, or the home folder cannot be written (read-only containers), where
      // saving would fail too and only costs the next run a rescan.
      return scanWith(fallback);
    }
    throw error;
  }
}

function scanWithChoices(options: PluginPlatformOptions, choices: PluginUserChoices): PluginCache {
  // Required here: a run whose plugin cache is current (nearly every run) never scans.
  const { scanPlugins } = require('./plugin-scan') as typeof PluginScanModule;
  const scan = scanPlugins({
    cliPackageDir: options.cliPackageDir,
    directories: getPluginDirectories(options),
    userAddedLocations: choices.userAddedLocations,
    excluded: choices.excluded,
  });
  return cacheFromScan(scan, choices.excluded, (options.now ?? (() => new Date()))());
}

function isUnwritableFolder(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return code === 'EACCES' || code === 'EPERM' || code === 'EROFS' || code === 'ENOTDIR';
}
