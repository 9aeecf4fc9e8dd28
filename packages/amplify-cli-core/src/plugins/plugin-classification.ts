import type { PluginType } from './plugin-types';

/** Every plugin package name starts with this; other packages are never looked at. */
export const PLUGIN_PACKAGE_PREFIX = 'amplify-';

const TYPE_PREFIXES: ReadonlyArray<readonly [string, PluginType]> = [
  ['amplify-category-', 'category'],
  ['amplify-provider-', 'provider'],
  ['amplify-frontend-', 'frontend'],
];

/**
 * The plugin type a package name implies: `amplify-category-*` category, `amplify-provider-*` provider,
 * `amplify-frontend-*` frontend, any other `amplify-*` package general purpose (`util`). Returns undefined for
 * names outside the `amplify-` namespace.
 */
export function pluginTypeFromPackageName(packageName: string): PluginType | undefined {
  if (!packageName.startsWith(PLUGIN_PACKAGE_PREFIX)) {
    return undefined;
  }
  for (const [prefix, type] of TYPE_PREFIXES) {
    if (packageName.startsWith(prefix) && packageName.length > prefix.length) {
      return type;
    }
  }
  return 'util';
}

/**
 * Why a manifest's declared type contradicts its package name, or undefined when they agree. The core's own
 * manifest (`type: "core"`) is exempt: it is recognised by location, not by name.
 */
export function describeTypeMismatch(packageName: string, declaredType: PluginType): string | undefined {
  if (declaredType === 'core') {
    return `package ${packageName} declares type "core", which only the amplify CLI itself may use`;
  }
  const expected = pluginTypeFromPackageName(packageName);
  if (expected === undefined) {
    return `package ${packageName} does not start with "${PLUGIN_PACKAGE_PREFIX}"`;
  }
  if (expected !== declaredType) {
    return `package ${packageName} is a ${expected} plugin by its name but its manifest declares type "${declaredType}"`;
  }
  return undefined;
}
