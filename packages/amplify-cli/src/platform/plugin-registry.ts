import { PluginInfo, PluginModule, PluginPlatform, PluginType } from 'amplify-cli-core';
import type * as PluginLoaderModule from '../execution/plugin-loader';
import type { PluginCache } from './plugin-cache';
import { PlatformChange, PluginPlatformOptions, rescanPlugins } from './plugin-platform-loader';

/**
 * The plugin set of this run and the one place plugin modules are required (each at most once). Built from the
 * cache; `rescan` replaces it after `amplify plugin add/remove/scan`.
 */
export class PluginRegistry {
  private readonly modules = new Map<string, PluginModule | undefined>();

  constructor(
    private cache: PluginCache,
    private readonly options: PluginPlatformOptions,
  ) {}

  get current(): PluginCache {
    return this.cache;
  }

  /** `context.pluginPlatform`. */
  get platform(): PluginPlatform {
    const { plugins, excluded, userAddedLocations, lastScanTime } = this.cache;
    return { plugins, excluded, userAddedLocations, lastScanTime };
  }

  get core(): PluginInfo {
    return this.cache.plugins.core[0];
  }

  /** Active plugins other than the core, ordered by name then package (code-point order: `localeCompare` would
   * load ICU's collator, ~10 ms of start-up, to sort ASCII names). */
  all(): PluginInfo[] {
    const key = (info: PluginInfo): string => `${info.manifest.name}\u0000${info.packageName}`;
    return Object.values(this.cache.plugins)
      .flat()
      .filter((info) => info.manifest.type !== 'core')
      .sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  }

  ofType(type: PluginType): PluginInfo[] {
    return this.all().filter((info) => info.manifest.type === type);
  }

  /** Plugins answering to `noun` by name or alias. */
  find(noun: string): PluginInfo[] {
    return this.all().filter((info) => info.manifest.name === noun || (info.manifest.aliases ?? []).includes(noun));
  }

  load(info: PluginInfo): PluginModule | undefined {
    if (!this.modules.has(info.packageLocation)) {
      // Required on first use: `help` and `status` never load a plugin's code.
      const { loadPluginModule } = require('../execution/plugin-loader') as typeof PluginLoaderModule;
      this.modules.set(info.packageLocation, loadPluginModule(info));
    }
    return this.modules.get(info.packageLocation);
  }

  /** Rescans with `change` applied to the user's choices as plugin-cache.json holds them now, and saves. */
  rescan(change?: PlatformChange): PluginCache {
    this.cache = rescanPlugins(this.options, this.cache, change);
    return this.cache;
  }
}
