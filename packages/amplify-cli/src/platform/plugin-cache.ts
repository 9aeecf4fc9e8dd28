import * as fs from 'fs';
import { PluginInfo, writeJsonFile } from 'amplify-cli-core';
import { directoryFingerprint, packageFingerprint } from './fingerprint';
import type { PluginDirectory } from './plugin-directories';
import type { PluginProblem, ScanResult } from './plugin-scan';

/** Bumped whenever the shape below changes, so an older cache is simply rescanned. */
const CACHE_FORMAT = 1;

/** `~/.amplify/plugins.json`: the last scan and the fingerprints that prove it is still current. */
export interface PluginCache {
  cacheFormat: typeof CACHE_FORMAT;
  lastScanTime: string;
  directories: ScanResult['directories'];
  candidates: Record<string, string>;
  plugins: Record<string, PluginInfo[]>;
  excluded: Record<string, PluginInfo[]>;
  userAddedLocations: string[];
  problems: PluginProblem[];
}

/** The cache, or undefined when it is missing, unreadable or of another format: the caller then rescans silently. */
export function readPluginCache(file: string): PluginCache | undefined {
  try {
    const value = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<PluginCache> | null;
    if (
      value === null ||
      typeof value !== 'object' ||
      value.cacheFormat !== CACHE_FORMAT ||
      !Array.isArray(value.directories) ||
      typeof value.candidates !== 'object' ||
      typeof value.plugins !== 'object' ||
      typeof value.excluded !== 'object' ||
      !Array.isArray(value.userAddedLocations) ||
      !Array.isArray(value.problems)
    ) {
      return undefined;
    }
    return value as PluginCache;
  } catch {
    return undefined;
  }
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
