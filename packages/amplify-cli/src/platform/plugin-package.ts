import * as fs from 'fs';
import * as path from 'path';
import {
  describeTypeMismatch,
  PLUGIN_MANIFEST_FILE_NAME,
  PluginInfo,
  PluginManifest,
  validatePluginManifest,
} from 'amplify-cli-core';

/** Why a folder is not a usable plugin; the codes are the original's, plus `PluginTypeMismatch`. */
export type PluginProblemCode =
  | 'PluginDirPathNotExist'
  | 'InvalidNodePackage'
  | 'MissingManifest'
  | 'InvalidManifest'
  | 'PluginTypeMismatch';

export type PackageInspection =
  | { kind: 'plugin'; info: PluginInfo }
  | { kind: 'problem'; code: PluginProblemCode; packageLocation: string; packageName?: string; reason: string };

interface PackageJson {
  name?: unknown;
  version?: unknown;
  amplify?: unknown;
}

/**
 * Reads a package folder as a plugin without loading any of its code: package.json, then the manifest from
 * `amplify-plugin.json` or, failing that, a manifest-shaped `amplify` block in package.json. The manifest must
 * validate and its type must agree with the package name's prefix (`isCli` marks the running CLI's own package).
 */
export function inspectPluginPackage(dir: string, options: { isCli?: boolean } = {}): PackageInspection {
  const packageLocation = path.resolve(dir);
  const problem = (code: PluginProblemCode, reason: string, packageName?: string): PackageInspection => ({
    kind: 'problem',
    code,
    packageLocation,
    packageName,
    reason,
  });
  if (!isDirectory(packageLocation)) {
    return problem('PluginDirPathNotExist', `${packageLocation} is not a folder`);
  }
  const packageJson = readJson<PackageJson>(path.join(packageLocation, 'package.json'));
  if (!packageJson.ok || typeof packageJson.value !== 'object' || packageJson.value === null) {
    return problem('InvalidNodePackage', `${packageLocation}/package.json is missing or not valid JSON`);
  }
  const { name, version, amplify } = packageJson.value;
  if (typeof name !== 'string' || typeof version !== 'string') {
    return problem('InvalidNodePackage', `${packageLocation}/package.json has no "name" and "version"`);
  }
  const manifestPath = path.join(packageLocation, PLUGIN_MANIFEST_FILE_NAME);
  let manifestValue: unknown;
  if (fs.existsSync(manifestPath)) {
    const manifest = readJson<unknown>(manifestPath);
    if (!manifest.ok) {
      return problem('InvalidManifest', `${manifestPath} is not valid JSON: ${manifest.error}`, name);
    }
    manifestValue = manifest.value;
  } else if (isManifestBlock(amplify)) {
    manifestValue = amplify;
  } else {
    return problem('MissingManifest', `${name} has no ${PLUGIN_MANIFEST_FILE_NAME}`, name);
  }
  const validation = validatePluginManifest(manifestValue);
  if (!validation.valid) {
    return problem('InvalidManifest', `${name}'s manifest is invalid: ${validation.errors.join('; ')}`, name);
  }
  const manifest: PluginManifest = validation.manifest;
  // The CLI's own manifest is the one place `type: "core"` is legitimate.
  const mismatch = options.isCli && manifest.type === 'core' ? undefined : describeTypeMismatch(name, manifest.type);
  if (mismatch) {
    return problem('PluginTypeMismatch', mismatch, name);
  }
  return { kind: 'plugin', info: { packageName: name, packageVersion: version, packageLocation, manifest } };
}

/** The original's package.json carries an `amplify` block of other data too; only a named, typed one is a manifest. */
function isManifestBlock(value: unknown): boolean {
  return typeof value === 'object' && value !== null && 'name' in value && 'type' in value;
}

function isDirectory(dir: string): boolean {
  try {
    return fs.statSync(dir).isDirectory();
  } catch {
    return false;
  }
}

function readJson<T>(file: string): { ok: true; value: T } | { ok: false; error: string } {
  try {
    return { ok: true, value: JSON.parse(fs.readFileSync(file, 'utf8')) as T };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
