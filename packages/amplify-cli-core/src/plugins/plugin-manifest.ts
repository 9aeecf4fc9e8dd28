import { pluginManifestSchema, validateJsonSchema } from './plugin-manifest-schema';
import type { PluginManifest } from './plugin-types';

/** File name of the manifest at a plugin package's root. */
export const PLUGIN_MANIFEST_FILE_NAME = 'amplify-plugin.json';

/**
 * Commands of the core. A plugin may not use one of these as its name, or `amplify <name>` would be ambiguous.
 */
export const CORE_COMMAND_NAMES: readonly string[] = [
  'categories',
  'configure',
  'console',
  'delete',
  'env',
  'help',
  'init',
  'migrate',
  'publish',
  'push',
  'pull',
  'run',
  'status',
  'plugin',
  'version',
];

export type ManifestValidation = { valid: true; manifest: PluginManifest } | { valid: false; errors: string[] };

/**
 * Checks a parsed manifest against the schema and the platform's own rules. Only `type: "core"` may take the name
 * `core` or a core command's name, because that manifest belongs to the CLI itself.
 */
export function validatePluginManifest(value: unknown): ManifestValidation {
  const errors = validateJsonSchema(pluginManifestSchema, value);
  if (errors.length > 0) {
    return { valid: false, errors };
  }
  const manifest = value as PluginManifest;
  if (manifest.type !== 'core' && (manifest.name === 'core' || CORE_COMMAND_NAMES.includes(manifest.name))) {
    return { valid: false, errors: [`$.name: "${manifest.name}" is reserved for the core and cannot name a plugin`] };
  }
  return { valid: true, manifest };
}
