import * as fs from 'fs';
import * as path from 'path';
import { AmplifyFault, PLUGIN_PACKAGE_PREFIX, PluginInfo } from 'amplify-cli-core';
import { directoryFingerprint, packageFingerprint } from './fingerprint';
import type { PluginDirectory } from './plugin-directories';
import { inspectPluginPackage, PluginProblemCode } from './plugin-package';

/** A package that looked like a plugin but was skipped, reported by scans and `amplify plugin list`. */
export interface PluginProblem {
  code: PluginProblemCode;
  packageLocation: string;
  packageName?: string;
  reason: string;
}

/** Everything a scan looked at, with the fingerprints that tell later runs whether it is still valid. */
export interface ScanResult {
  plugins: Record<string, PluginInfo[]>;
  problems: PluginProblem[];
  /** User-added locations that still exist. */
  userAddedLocations: string[];
  directories: Array<PluginDirectory & { fingerprint: string }>;
  /** Every package folder inspected (including non-plugins), keyed by the path it was found at. */
  candidates: Record<string, string>;
}

export interface ScanOptions {
  cliPackageDir: string;
  directories: PluginDirectory[];
  userAddedLocations: string[];
  excluded: Record<string, PluginInfo[]>;
}

/**
 * Finds the installed plugins. Only package.json and the manifest of each `amplify-*` folder are read; no plugin
 * code is loaded. When one package is installed in several places the first place wins, in this order: a
 * location the user added, the CLI's own node_modules (the version the CLI was shipped with), the folder beside
 * the CLI, the global node_modules.
 */
export function scanPlugins(options: ScanOptions): ScanResult {
  const cliDir = realPath(options.cliPackageDir);
  const core = inspectPluginPackage(cliDir, { isCli: true });
  if (core.kind !== 'plugin' || core.info.manifest.type !== 'core') {
    throw new AmplifyFault('CliCorrupted', `The amplify CLI installation at ${cliDir} is corrupted: its core manifest is unusable`, {
      resolution: 'Reinstall the amplify CLI',
    });
  }
  const result: ScanResult = {
    plugins: { core: [core.info] },
    problems: [],
    userAddedLocations: [],
    directories: [],
    candidates: { [cliDir]: packageFingerprint(cliDir) },
  };
  const seenLocations = new Set<string>([cliDir]);
  const claimedPackages = new Set<string>();

  const consider = (candidate: string): void => {
    result.candidates[candidate] = packageFingerprint(candidate);
    const location = realPath(candidate);
    if (seenLocations.has(location)) {
      return;
    }
    seenLocations.add(location);
    const inspection = inspectPluginPackage(location);
    if (inspection.kind === 'problem') {
      // A package without a manifest is simply not a plugin (a shared library, say): nothing to report.
      if (inspection.code !== 'MissingManifest') {
        const { kind: _kind, ...problem } = inspection;
        result.problems.push(problem);
      }
      return;
    }
    const { info } = inspection;
    if (claimedPackages.has(info.packageName) || isExcluded(info, options.excluded)) {
      return;
    }
    claimedPackages.add(info.packageName);
    (result.plugins[info.manifest.name] ??= []).push(info);
  };

  for (const location of options.userAddedLocations) {
    if (fs.existsSync(location)) {
      result.userAddedLocations.push(location);
      consider(location);
    }
  }
  for (const directory of options.directories) {
    result.directories.push({ ...directory, fingerprint: directoryFingerprint(directory.path) });
    for (const name of listPluginCandidates(directory.path)) {
      consider(path.join(directory.path, name));
    }
  }
  return result;
}

/** Two records are the same plugin when they share a location, or a package name and version (as the original). */
export function isSamePlugin(a: PluginInfo, b: PluginInfo): boolean {
  return (
    a.packageLocation === b.packageLocation || (a.packageName === b.packageName && a.packageVersion === b.packageVersion)
  );
}

function isExcluded(info: PluginInfo, excluded: Record<string, PluginInfo[]>): boolean {
  return (excluded[info.manifest.name] ?? []).some((entry) => isSamePlugin(entry, info));
}

function listPluginCandidates(dir: string): string[] {
  try {
    return fs
      .readdirSync(dir)
      .filter((name) => name.startsWith(PLUGIN_PACKAGE_PREFIX))
      .sort();
  } catch {
    return [];
  }
}

function realPath(p: string): string {
  try {
    return fs.realpathSync(p);
  } catch {
    return path.resolve(p);
  }
}
