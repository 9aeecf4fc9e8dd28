import * as fs from 'fs';
import { PluginInfo, writeJsonFile } from 'amplify-cli-core';
import { directoryFingerprint, packageFingerprint } from './fingerprint';
import type { PluginDirectory } from './plugin-directories';
import type { PluginProblem, ScanResult } from './plugin-scan';

/** Bumped whenever the shape below changes, so an older cache is simply rescanned. */
const CACHE_FORMAT = 1;

/**
 * `~/.amplify/plugin-cache.json`: the last scan and the fingerprints that prove it is still current. The keys it
 * shares with the original CLI's `plugins.json` (`plugins`, `excluded`, `userAddedLocations`, ...) keep their meaning.
 */
export interface PluginCache {
  cacheFormat: typeof CACHE_FORMAT;
  pluginDirectories: string[];
  pluginPrefixes: string[];
  maxScanIntervalInSeconds: number;
  lastScanTime: string;
  directories: ScanResult['directories'];
  candidates: Record<string, string>;
  plugins: Record<string, PluginInfo[]>;
  excluded: Record<string, PluginInfo[]>;
  userAddedLocations: string[];
  problems: PluginProblem[];
}

/**
 * The parsed content of the cache file, or undefined when there is nothing in it to keep (missing, unreadable, empty,
 * not JSON). A cache is never fatal: text that is not JSON is moved aside to `<file>.corrupt` and the platform
 * rescans. The plugins the user added or removed, which that file recorded too, stay readable in the copy.
 */
export function readPluginCacheFile(file: string): unknown {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  if (text.trim() === '') {
    return undefined;
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    try {
      fs.renameSync(file, `${file}.corrupt`);
    } catch {
      // Another process rebuilt or moved it first; either way the rescan proceeds.
    }
    return undefined;
  }
}

/** The cache, or undefined when `value` is not one of this format: the caller then rescans silently. */
export function readPluginCache(value: unknown): PluginCache | undefined {
  const cache = value as Partial<PluginCache> | null | undefined;
  if (
    typeof cache !== 'object' ||
    cache === null ||
    cache.cacheFormat !== CACHE_FORMAT ||
    !Array.isArray(cache.directories) ||
    typeof cache.candidates !== 'object' ||
    typeof cache.plugins !== 'object' ||
    typeof cache.excluded !== 'object' ||
    !Array.isArray(cache.userAddedLocations) ||
    !Array.isArray(cache.problems)
  ) {
    return undefined;
  }
  return cache as PluginCache;
}

/** What a user chose with `amplify plugin add/remove`. */
export interface PluginUserChoices {
  userAddedLocations: string[];
  excluded: Record<string, PluginInfo[]>;
}

/**
 * The user's choices from a cache that is not usable as is (an older format, a partly written file), so that a
 * rescan does not forget them. Entries of the wrong shape are dropped.
 */
export function readUserChoices(value: unknown): PluginUserChoices | undefined {
  if (typeof value !== 'object' || value === null) {
    return undefined;
  }
  const { userAddedLocations, excluded } = value as { userAddedLocations?: unknown; excluded?: unknown };
  const choices: PluginUserChoices = { userAddedLocations: [], excluded: {} };
  if (Array.isArray(userAddedLocations)) {
    choices.userAddedLocations = userAddedLocations.filter((entry): entry is string => typeof entry === 'string');
  }
  if (typeof excluded === 'object' && excluded !== null) {
    for (const [name, entries] of Object.entries(excluded)) {
      const valid = Array.isArray(entries) ? entries.filter(isPluginInfo) : [];
      if (valid.length > 0) {
        choices.excluded[name] = valid;
      }
    }
  }
  return choices;
}

function isPluginInfo(value: unknown): value is PluginInfo {
  const info = value as Partial<PluginInfo> | null;
  return (
    typeof info === 'object' &&
    info !== null &&
    typeof info.packageName === 'string' &&
    typeof info.packageVersion === 'string' &&
    typeof info.packageLocation === 'string' &&
    typeof info.manifest === 'object' &&
    info.manifest !== null
  );
}

/**
 * Whether the cache still describes the disk: the same folders are scanned and none of them, nor any package
 * seen in them, changed since. This is a handful of `stat` calls however many unrelated packages a folder holds.
 */
export function isPluginCacheCurrent(cache: PluginCache, directories: PluginDirectory[]): boolean {
  if (cache.directories.length !== directories.length) {
    return false;
  }
  const sameDirectories = directories.every((directory, index) => {
    const cached = cache.directories[index];
    return (
      cached.path === directory.path &&
      cached.source === directory.source &&
      cached.fingerprint === directoryFingerprint(directory.path)
    );
  });
  return (
    sameDirectories &&
    Object.entries(cache.candidates).every(([candidate, fingerprint]) => packageFingerprint(candidate) === fingerprint)
  );
}

export function cacheFromScan(scan: ScanResult, excluded: Record<string, PluginInfo[]>, now: Date): PluginCache {
  return {
    cacheFormat: CACHE_FORMAT,
    pluginDirectories: ['cli-local-node-modules', 'cli-parent-directory', 'global-node-modules'],
    pluginPrefixes: ['amplify-'],
    // Never reached: fingerprints decide when to rescan. Kept for the original CLI, which reads it.
    maxScanIntervalInSeconds: 86400,
    lastScanTime: now.toISOString(),
    directories: scan.directories,
    candidates: scan.candidates,
    plugins: scan.plugins,
    excluded,
    userAddedLocations: scan.userAddedLocations,
    problems: scan.problems,
  };
}

/**
 * Writes the cache atomically. A home folder that cannot be written (read-only containers) only costs the next
 * run a rescan, so a failure here is not an error of the command.
 */
export function writePluginCache(file: string, cache: PluginCache): boolean {
  try {
    writeJsonFile(file, cache);
    return true;
  } catch {
    return false;
  }
}
