import * as path from 'path';
import { PluginInfo } from 'amplify-cli-core';
import {
  cacheFromScan,
  isPluginCacheCurrent,
  PluginCache,
  readPluginCache,
  readPluginCacheFile,
  readUserChoices,
  writePluginCache,
} from './plugin-cache';
import { getPluginDirectories, PluginDirectoryOptions } from './plugin-directories';
import { scanPlugins } from './plugin-scan';

export interface PluginPlatformOptions extends PluginDirectoryOptions {
  /** `~/.amplify` (or `$AMPLIFY_HOME`). */
  homeDotAmplifyDir: string;
  now?: () => Date;
}

export interface LoadedPluginPlatform {
  cache: PluginCache;
  /** True when this call scanned the disk (so its problems are new and worth a warning). */
  scanned: boolean;
}

export function pluginCacheFilePath(homeDotAmplifyDir: string): string {
  return path.join(homeDotAmplifyDir, 'plugins.json');
}

/** The plugin set for this run: the cache when it is still current, else a fresh scan written back to the cache. */
export function loadPluginPlatform(options: PluginPlatformOptions): LoadedPluginPlatform {
  const content = readPluginCacheFile(pluginCacheFilePath(options.homeDotAmplifyDir));
  const cache = readPluginCache(content);
  if (cache && isPluginCacheCurrent(cache, getPluginDirectories(options))) {
    return { cache, scanned: false };
  }
  return { cache: rescanPlugins(options, cache, cache ? {} : readUserChoices(content)), scanned: true };
}

export interface PlatformChanges {
  userAddedLocations?: string[];
  excluded?: Record<string, PluginInfo[]>;
}

/**
 * Scans the disk, keeping the user's own choices (added locations, removed plugins) from the previous cache or
 * from `changes`, and saves the result.
 */
export function rescanPlugins(options: PluginPlatformOptions, previous?: PluginCache, changes: PlatformChanges = {}): PluginCache {
  const excluded = changes.excluded ?? previous?.excluded ?? {};
  const scan = scanPlugins({
    cliPackageDir: options.cliPackageDir,
    directories: getPluginDirectories(options),
    userAddedLocations: changes.userAddedLocations ?? previous?.userAddedLocations ?? [],
    excluded,
  });
  const cache = cacheFromScan(scan, excluded, (options.now ?? (() => new Date()))());
  writePluginCache(pluginCacheFilePath(options.homeDotAmplifyDir), cache);
  return cache;
}
