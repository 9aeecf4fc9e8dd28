import * as fs from 'fs';
import * as path from 'path';
import { describeTypeMismatch, PLUGIN_MANIFEST_FILE_NAME, validatePluginManifest } from 'amplify-cli-core';
import type { FrontendPlugin, PluginManifest } from 'amplify-cli-core';

/** The functions the core calls on every frontend: the required members of `FrontendPlugin`. */
export const FRONTEND_CONTRACT_FUNCTIONS: ReadonlyArray<keyof FrontendPlugin> = [
  'scanProject',
  'init',
  'onInitSuccessful',
  'configure',
  'createFrontendConfigs',
  'run',
  'publish',
  'deleteConfig',
];

export interface FrontendPluginPackage {
  /** The validated manifest; undefined when it is invalid (the problems say why). */
  manifest?: PluginManifest;
  /** Everything that would keep the platform from discovering or calling the frontend; empty when nothing does. */
  problems: string[];
}

function readJson(packageRoot: string, name: string): unknown {
  return JSON.parse(fs.readFileSync(path.join(packageRoot, name), 'utf8'));
}

/**
 * Checks a frontend package the way the platform meets it: a valid manifest naming the frontend `label` with type
 * `frontend`, a package name that fits that type, the manifest among the shipped files, and a main module `plugin`
 * exporting every function of the frontend contract.
 */
export function inspectFrontendPluginPackage(packageRoot: string, label: string, plugin: object): FrontendPluginPackage {
  const problems: string[] = [];
  const exported = plugin as Record<string, unknown>;
  for (const name of FRONTEND_CONTRACT_FUNCTIONS) {
    if (typeof exported[name] !== 'function') {
      problems.push(`the main module does not export the function ${name}`);
    }
  }
  const pkg = readJson(packageRoot, 'package.json') as { name: string; files?: string[] };
  if (!pkg.files?.includes(PLUGIN_MANIFEST_FILE_NAME)) {
    problems.push(`package.json "files" does not ship ${PLUGIN_MANIFEST_FILE_NAME}`);
  }
  const validation = validatePluginManifest(readJson(packageRoot, PLUGIN_MANIFEST_FILE_NAME));
  if (!validation.valid) {
    return { problems: [...problems, ...validation.errors] };
  }
  const { manifest } = validation;
  if (manifest.name !== label) {
    problems.push(`the manifest names "${manifest.name}", the frontend calls itself "${label}"`);
  }
  if (manifest.type !== 'frontend') {
    problems.push(`the manifest declares type "${manifest.type}", not "frontend"`);
  }
  const mismatch = describeTypeMismatch(pkg.name, manifest.type);
  if (mismatch !== undefined) {
    problems.push(mismatch);
  }
  return { manifest, problems };
}
