import * as path from 'path';
import type { PluginSource } from 'amplify-cli-core';
import { globalNodeModulesDir, GlobalPrefixOptions, resolveGlobalPrefix } from './global-prefix';

/** A folder whose `amplify-*` children are plugin candidates. */
export interface PluginDirectory {
  source: Exclude<PluginSource, 'user-added'>;
  path: string;
}

export interface PluginDirectoryOptions extends GlobalPrefixOptions {
  /** Root of the running CLI package (the folder holding its package.json). */
  cliPackageDir: string;
}

/**
 * The folders scanned for plugins, in precedence order:
 * - every `node_modules` Node would search from the CLI package (walking up, so both the packages bundled with a
 *   global install and the hoisted `node_modules` of a workspace clone are found);
 * - the folder holding the CLI package (its siblings in a global install);
 * - npm's global `node_modules`.
 * Duplicates keep their first (highest-precedence) place.
 */
export function getPluginDirectories(options: PluginDirectoryOptions): PluginDirectory[] {
  const directories: PluginDirectory[] = [];
  const add = (source: PluginDirectory['source'], dir: string): void => {
    if (!directories.some((known) => known.path === dir)) {
      directories.push({ source, path: dir });
    }
  };
  for (const dir of nodeModulesLookupPaths(options.cliPackageDir)) {
    add('cli-local-node-modules', dir);
  }
  add('cli-parent-directory', path.dirname(options.cliPackageDir));
  add('global-node-modules', globalNodeModulesDir(resolveGlobalPrefix(options), options.platform));
  return directories;
}

/** Node's own module lookup list for a folder: `<dir>/node_modules` for it and each ancestor not itself a node_modules. */
export function nodeModulesLookupPaths(from: string): string[] {
  const paths: string[] = [];
  let dir = path.resolve(from);
  for (;;) {
    if (path.basename(dir) !== 'node_modules') {
      paths.push(path.join(dir, 'node_modules'));
    }
    const parent = path.dirname(dir);
    if (parent === dir) {
      return paths;
    }
    dir = parent;
  }
}
