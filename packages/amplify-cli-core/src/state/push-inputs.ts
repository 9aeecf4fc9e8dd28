import * as fs from 'fs';
import * as path from 'path';
import { AmplifyError } from '../errors/amplify-error';
import { pathManager } from '../paths/path-manager';
import { parseJson } from './json-file';
import { listResources } from './meta-entries';
import { stateManager } from './state-manager';

/**
 * The folders of a resource whose JSON files the push reads or records: the resource folder itself (inputs,
 * parameters, templates) and `build/` (generated templates and parameters). Sources such as a function's `src/`
 * are the developer's own files, JSON with comments included.
 */
const INPUT_DIRS = ['', 'build'];

/** The inputs a category generated a resource's templates from. */
const CLI_INPUTS_FILE = 'cli-inputs.json';

function jsonFiles(resourceDir: string): string[] {
  const found: string[] = [];
  for (const sub of INPUT_DIRS) {
    const dir = path.join(resourceDir, sub);
    if (!fs.existsSync(dir)) continue;
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (entry.isFile() && entry.name.endsWith('.json')) found.push(path.join(dir, entry.name));
    }
  }
  return found;
}

/**
 * Reads every project file a push needs before it changes anything, local or in the cloud, so that a truncated
 * or hand-broken file stops the push with its name instead of being deployed and copied into
 * `#current-cloud-backend/`: the project's JSON files (shape-checked), the JSON files of each resource's folder
 * and its `build/`, and `cli-inputs.json` where the deployed copy had one (resources made before categories wrote
 * the file, or by hand, never had it: only a lost one is an error).
 */
export function assertPushInputsReadable(projectRoot: string): void {
  stateManager.getProjectConfig(projectRoot);
  stateManager.getLocalEnvInfo(projectRoot, { throwIfNotExist: false });
  stateManager.getTeamProviderInfo(projectRoot, { default: {} });
  stateManager.getBackendConfig(projectRoot, { default: {} });
  stateManager.getCurrentMeta(projectRoot, { default: {} });
  stateManager.getCurrentBackendConfig(projectRoot, { default: {} });
  for (const [category, resourceName] of listResources(stateManager.getMeta(projectRoot, { default: {} }))) {
    const dir = pathManager.getResourceDirectoryPath(projectRoot, category, resourceName);
    if (!fs.existsSync(dir)) continue;
    for (const file of jsonFiles(dir)) {
      const relative = path.relative(projectRoot, file);
      parseJson(fs.readFileSync(file, 'utf8'), relative, `Restore it (git checkout -- "${relative}") or fix it, then push again`);
    }
    const inputs = path.join(dir, CLI_INPUTS_FILE);
    const deployedInputs = path.join(pathManager.getCurrentCloudResourceDirectoryPath(projectRoot, category, resourceName), CLI_INPUTS_FILE);
    if (!fs.existsSync(inputs) && fs.existsSync(deployedInputs)) {
      const relative = path.relative(projectRoot, inputs);
      throw new AmplifyError('ResourceInputMissing', `${relative} is missing: ${category} ${resourceName} cannot be pushed without the inputs its templates come from`, {
        resolution: `Restore it (git checkout -- "${relative}"), or run "amplify update ${category}" to write it again, then push`,
      });
    }
  }
}
