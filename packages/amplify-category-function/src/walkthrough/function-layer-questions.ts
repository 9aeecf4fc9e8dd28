import { AmplifyError, type Prompter } from 'amplify-cli-core';
import { type FunctionLayer, LATEST_LAYER_VERSION, LAYER_VERSION_ARN_PATTERN, MAX_FUNCTION_LAYERS } from '../layer-definition';

/** A layer of the project a function may use, with the versions published so far (newest first). */
export interface ProjectLayerChoice {
  name: string;
  versions: number[];
}

export const ENABLE_LAYERS_MESSAGE = 'Do you want to enable Lambda layers for this function?';
const PROVIDE_ARNS = 'Provide existing Lambda layer ARNs';

/** The ARNs of a comma-separated list, or why the list is refused. */
export function parseLayerArns(text: string): { arns: string[] } | { problem: string } {
  const arns = text
    .split(',')
    .map((arn) => arn.trim())
    .filter(Boolean);
  const invalid = arns.filter((arn) => !new RegExp(LAYER_VERSION_ARN_PATTERN).test(arn));
  return invalid.length === 0 ? { arns } : { problem: `${invalid.join(', ')} ${invalid.length === 1 ? 'is not a valid Lambda layer ARN' : 'are not valid Lambda layer ARNs'}` };
}

function tooMany(count: number): AmplifyError {
  return new AmplifyError('InvalidInput', `A function can use at most ${MAX_FUNCTION_LAYERS} layers; ${count} were chosen`, { resolution: `Choose at most ${MAX_FUNCTION_LAYERS} layers` });
}

/** The version pick for one project layer; before its first push only "latest" exists. */
async function askVersion(prompter: Prompter, layer: ProjectLayerChoice, env: string, previous: FunctionLayer | undefined): Promise<FunctionLayer> {
  const latest: FunctionLayer = { type: 'ProjectLayer', resourceName: layer.name, env, version: LATEST_LAYER_VERSION, isLatestVersionSelected: true };
  if (layer.versions.length === 0) return latest;
  const pinned = previous?.type === 'ProjectLayer' && !previous.isLatestVersionSelected && typeof previous.version === 'number' ? previous.version : undefined;
  const version = await prompter.pick<number | typeof LATEST_LAYER_VERSION>({
    message: `Select a version for ${layer.name}:`,
    choices: [{ name: LATEST_LAYER_VERSION, value: LATEST_LAYER_VERSION }, ...layer.versions.map((n) => ({ name: String(n), value: n }))],
    default: pinned !== undefined && layer.versions.includes(pinned) ? pinned : LATEST_LAYER_VERSION,
    flag: '--headless lambdaLayers',
  });
  return version === LATEST_LAYER_VERSION ? latest : { ...latest, version, isLatestVersionSelected: false };
}

/**
 * "Enable Lambda layers?", then the project's layers (and/or existing ARNs) with a version for each, at most five in
 * all; the order is that of the choices (project layers, then the ARNs as typed). Declining keeps `previous`.
 */
export async function askFunctionLayers(
  prompter: Prompter,
  options: { layers: readonly ProjectLayerChoice[]; env: string; previous: readonly FunctionLayer[]; confirmDefault?: boolean; print: (line: string) => void },
): Promise<FunctionLayer[]> {
  const { previous } = options;
  if (!(await prompter.confirm({ message: ENABLE_LAYERS_MESSAGE, default: options.confirmDefault ?? false, flag: '--headless lambdaLayers' }))) return [...previous];
  let chosen: string[] = [];
  let askArns = true;
  if (options.layers.length > 0) {
    const previousNames = previous.flatMap((layer) => (layer.type === 'ProjectLayer' ? [layer.resourceName] : []));
    chosen = await prompter.pick<string>({
      message: `Provide existing layers or select layers in this project to access from this function (pick up to ${MAX_FUNCTION_LAYERS}):`,
      multiSelect: true,
      choices: [PROVIDE_ARNS, ...options.layers.map((layer) => layer.name)],
      default: [...(previous.some((layer) => layer.type === 'ExternalLayer') ? [PROVIDE_ARNS] : []), ...previousNames],
      validate: (picked) => picked.length <= MAX_FUNCTION_LAYERS || `Select at most ${MAX_FUNCTION_LAYERS} entries from the list`,
      flag: '--headless lambdaLayers',
    });
    askArns = chosen.includes(PROVIDE_ARNS);
    chosen = chosen.filter((name) => name !== PROVIDE_ARNS);
  }
  const selected: FunctionLayer[] = [];
  for (const name of chosen) {
    const layer = options.layers.find((candidate) => candidate.name === name)!;
    selected.push(await askVersion(prompter, layer, options.env, previous.find((p) => p.type === 'ProjectLayer' && p.resourceName === name)));
  }
  if (askArns) {
    const remaining = MAX_FUNCTION_LAYERS - selected.length;
    const previousArns = previous.flatMap((layer) => (layer.type === 'ExternalLayer' ? [layer.arn] : []));
    const text = await prompter.input({
      message: `Enter up to ${remaining} existing Lambda layer ARNs (comma-separated):`,
      default: previousArns.length > 0 ? previousArns.join(', ') : undefined,
      flag: '--headless lambdaLayers',
      validate: (answer) => {
        const parsed = parseLayerArns(answer);
        if ('problem' in parsed) return parsed.problem;
        return parsed.arns.length <= remaining || `Enter at most ${remaining} ARNs`;
      },
    });
    const parsed = parseLayerArns(text);
    if ('arns' in parsed) selected.push(...parsed.arns.map((arn): FunctionLayer => ({ type: 'ExternalLayer', arn })));
  }
  if (selected.length > MAX_FUNCTION_LAYERS) throw tooMany(selected.length);
  if (selected.length === 0) {
    options.print('No Lambda layers were selected');
    if (previous.length > 0) options.print(`Removing ${previous.length} previously added Lambda layer${previous.length > 1 ? 's' : ''} from Lambda function`);
  }
  return selected;
}
