import type * as PluginManifestModule from './plugin-manifest';
import type * as PluginManifestSchemaModule from './plugin-manifest-schema';

export * from './plugin-types';
export * from './plugin-classification';
export type { ManifestValidation } from './plugin-manifest';
export { isOptionWord, readOption, type ReadOption } from './command-line';
export type { JsonSchema } from './plugin-manifest-schema';

// The manifest schema and its validator are needed only when plugins are scanned, not on a run that reads the
// plugin cache: they load on first use, as the core's other lazily exported modules do.
export declare const PLUGIN_MANIFEST_FILE_NAME: typeof PluginManifestModule.PLUGIN_MANIFEST_FILE_NAME;
export declare const CORE_COMMAND_NAMES: typeof PluginManifestModule.CORE_COMMAND_NAMES;
export declare const validatePluginManifest: typeof PluginManifestModule.validatePluginManifest;
export declare const pluginManifestSchema: typeof PluginManifestSchemaModule.pluginManifestSchema;
export declare const validateJsonSchema: typeof PluginManifestSchemaModule.validateJsonSchema;

function lazy<T extends object>(load: () => T, names: Array<keyof T & string>): void {
  let loaded: T | undefined;
  for (const name of names) Object.defineProperty(exports, name, { enumerable: true, get: () => (loaded ??= load())[name] });
}
lazy(() => require('./plugin-manifest') as typeof PluginManifestModule, ['PLUGIN_MANIFEST_FILE_NAME', 'CORE_COMMAND_NAMES', 'validatePluginManifest']);
lazy(() => require('./plugin-manifest-schema') as typeof PluginManifestSchemaModule, ['pluginManifestSchema', 'validateJsonSchema']);
