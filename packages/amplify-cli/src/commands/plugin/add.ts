import * as fs from 'fs';
import * as path from 'path';
import { AmplifyError, PluginInfo } from 'amplify-cli-core';
import type { CoreCommandContext } from '../../cli-session';
import type { PluginUserChoices } from '../../platform/plugin-cache';
import { inspectPluginPackage } from '../../platform/plugin-package';
import { isSamePlugin } from '../../platform/plugin-scan';

/**
 * `amplify plugin add <path|name>`: a name re-enables a plugin removed earlier; a path is verified and added.
 * A folder outside the scanned directories (or shadowed by another copy of the same package) is remembered as
 * a user-added location, which takes precedence over every scanned copy.
 */
export const run = async (context: CoreCommandContext): Promise<void> => {
  const { registry, printer, environment } = context.session;
  const target = context.input.subCommands?.[1];
  if (!target) {
    throw new AmplifyError('MissingArgument', '"amplify plugin add" needs a plugin folder or the name of a removed plugin', {
      resolution: 'Run "amplify plugin add <path>" or "amplify plugin add <name>"',
    });
  }
  const cache = registry.current;
  if (cache.excluded[target] && !looksLikePath(target)) {
    const restored = cache.excluded[target];
    registry.rescan((choices) => {
      const excluded = { ...choices.excluded };
      delete excluded[target];
      return { ...choices, excluded };
    });
    printer.success(`✔ Re-enabled plugin "${target}" (${restored.map((info) => info.packageName).join(', ')})`);
    return;
  }
  const location = resolveLocation(target, environment.cwd, cache.directories.map((directory) => directory.path));
  const inspection = inspectPluginPackage(location);
  if (inspection.kind === 'problem') {
    throw new AmplifyError(inspection.code, `${location} is not a valid amplify plugin: ${inspection.reason}`, {
      resolution: 'Fix the package (run "amplify plugin verify" inside it), then add it again',
    });
  }
  const { info } = inspection;
  // Each step is applied to plugin-cache.json as it is when written, so that concurrent adds all stay recorded.
  const enable = (choices: PluginUserChoices): PluginUserChoices => ({ ...choices, excluded: withoutPlugin(choices.excluded, info) });
  let updated = registry.rescan(enable);
  if (!isActive(updated.plugins, info.packageLocation)) {
    updated = registry.rescan((choices) => {
      const enabled = enable(choices);
      const others = enabled.userAddedLocations.filter((known) => known !== info.packageLocation);
      return { ...enabled, userAddedLocations: [...others, info.packageLocation] };
    });
  }
  if (!isActive(updated.plugins, info.packageLocation)) {
    throw new AmplifyError('AddPluginError', `${info.packageName} at ${info.packageLocation} could not be activated`, {
      resolution: 'Run "amplify plugin list" to see which copy of the package is active',
    });
  }
  printer.success(`✔ Added plugin "${info.manifest.name}" (${info.manifest.type}) from ${info.packageLocation}`);
};

function looksLikePath(value: string): boolean {
  return path.isAbsolute(value) || value.startsWith('.') || value.includes('/') || value.includes('\\');
}

/** A path as given (absolute, or relative to the working directory), else `<folder>/<name>` in a scanned folder. */
function resolveLocation(target: string, cwd: string, scannedDirectories: string[]): string {
  const direct = path.resolve(cwd, target);
  if (looksLikePath(target) || fs.existsSync(direct)) {
    return realPath(direct);
  }
  const found = scannedDirectories.map((dir) => path.join(dir, target)).find((candidate) => fs.existsSync(candidate));
  if (found === undefined) {
    throw new AmplifyError('PluginNotFound', `No plugin folder or package named "${target}" was found`, {
      resolution: 'Pass the absolute path of the plugin package folder',
    });
  }
  return realPath(found);
}

function withoutPlugin(excluded: Record<string, PluginInfo[]>, info: PluginInfo): Record<string, PluginInfo[]> {
  const result: Record<string, PluginInfo[]> = {};
  for (const [name, entries] of Object.entries(excluded)) {
    const kept = entries.filter((entry) => !isSamePlugin(entry, info));
    if (kept.length > 0) {
      result[name] = kept;
    }
  }
  return result;
}

function isActive(plugins: Record<string, PluginInfo[]>, location: string): boolean {
  return Object.values(plugins).some((entries) => entries.some((entry) => entry.packageLocation === location));
}

function realPath(p: string): string {
  try {
    return fs.realpathSync(p);
  } catch {
    return p;
  }
}
