import * as fs from 'fs';
import * as path from 'path';
import { AmplifyError } from '../errors/amplify-error';
import { pathManager } from '../paths/path-manager';
import { writeJsonFile } from '../state/json-file';
import { getResourceMeta } from '../state/meta-entries';
import { saveEnvResourceParameters } from '../state/env-parameters';
import { updateamplifyMetaAfterResourceAdd, updateamplifyMetaAfterResourceUpdate } from '../state/meta-mutations';
import { stateManager } from '../state/state-manager';
import type { ResourceMeta } from '../state/types';
import { copyBatch } from '../templates/copy-batch';

/** An EJS template rendered with `props` into the resource folder. */
export interface RenderedFile {
  /** Folder of the template. */
  dir: string;
  template: string;
  /** Path of the result, relative to the resource folder. */
  target: string;
}

export interface WriteResourceOptions {
  projectRoot: string;
  category: string;
  resourceName: string;
  /** `add` registers a new resource (refused when it exists); `update` rewrites the files of an existing one. */
  mode: 'add' | 'update';
  /** JSON files by path relative to the resource folder (`cli-inputs.json`, `build/parameters.json`, templates). */
  jsonFiles?: Record<string, unknown>;
  /** EJS templates rendered with `props`. */
  rendered?: RenderedFile[];
  /** Folders to create even when empty, relative to the resource folder (a layer's `opt/`). */
  directories?: string[];
  props?: object;
  /**
   * On add, the meta entry to register. On update, the attributes to set in meta (each merged as
   * `updateamplifyMetaAfterResourceUpdate` does).
   */
  meta: ResourceMeta | Partial<ResourceMeta>;
  /** Env-specific parameters (team-provider-info) of the current env, e.g. social provider secrets. */
  envParameters?: Record<string, unknown>;
}

/**
 * Writes a category resource: its files (each atomically) under `amplify/backend/<category>/<resource>/`, its
 * env-specific parameters, and its meta entry through the accessor, so meta and backend-config agree. An add of a
 * name already in meta is refused before anything is written.
 */
export async function writeResource(options: WriteResourceOptions): Promise<string> {
  const { projectRoot, category, resourceName } = options;
  const existing = getResourceMeta(stateManager.getMeta(projectRoot, { default: {} }), category, resourceName);
  if (options.mode === 'add' && existing) {
    throw new AmplifyError('ResourceAlreadyExists', `Resource ${category}/${resourceName} already exists`, {
      resolution: `Choose another name, or run "amplify update ${category}" to change the existing one`,
    });
  }
  if (options.mode === 'update' && !existing) {
    throw new AmplifyError('ResourceNotFound', `Resource ${category}/${resourceName} is not in amplify-meta.json`, {
      resolution: `Run "amplify add ${category}" to create it`,
    });
  }
  const dir = pathManager.getResourceDirectoryPath(projectRoot, category, resourceName);
  for (const relative of options.directories ?? []) fs.mkdirSync(path.join(dir, relative), { recursive: true });
  for (const [relative, data] of Object.entries(options.jsonFiles ?? {})) {
    writeJsonFile(path.join(dir, relative), data);
  }
  if (options.rendered && options.rendered.length > 0) {
    await copyBatch(
      options.rendered.map((file) => ({ dir: file.dir, template: file.template, target: path.join(dir, file.target) })),
      options.props ?? {},
      { force: true },
    );
  }
  if (options.envParameters) {
    saveEnvResourceParameters(projectRoot, category, resourceName, options.envParameters);
  }
  if (options.mode === 'add') {
    updateamplifyMetaAfterResourceAdd(projectRoot, category, resourceName, options.meta as ResourceMeta);
  } else {
    for (const [attribute, value] of Object.entries(options.meta)) {
      updateamplifyMetaAfterResourceUpdate(projectRoot, category, resourceName, attribute, value);
    }
  }
  return dir;
}
