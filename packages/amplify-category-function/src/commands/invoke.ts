import * as fs from 'fs';
import * as path from 'path';
import { type AmplifyContext, AmplifyError, pathManager, stateManager } from 'amplify-cli-core';
import { CATEGORY } from '../constants';
import { dependenciesMissing, invokeFunction, readEvent } from '../invoke/invoke-function';
import { readFunction } from '../service/function-files';
import { invokeEnvironment, layerModulePaths } from '../service/invoke-environment';
import { chooseFunction } from '../service/update-function';

const DEFAULT_TIMEOUT_SECONDS = 10;

function timeoutMs(option: string | boolean | undefined): number {
  if (option === undefined) return DEFAULT_TIMEOUT_SECONDS * 1000;
  if (typeof option !== 'string') {
    throw new AmplifyError('InvalidInput', '--timeout needs a number of seconds', { resolution: 'Pass e.g. --timeout 30' });
  }
  const seconds = Number(option);
  if (option.trim() === '' || !Number.isFinite(seconds) || seconds <= 0) {
    throw new AmplifyError('InvalidInput', `--timeout must be a positive number of seconds, not ${option}`, { resolution: 'Pass e.g. --timeout 30' });
  }
  return seconds * 1000;
}

/**
 * `amplify function invoke <name> [--event <file>] [--timeout <seconds>]`: runs the handler locally with the event
 * (default `src/event.json`) and prints its result. A handler that fails makes the command fail.
 */
export async function run(context: AmplifyContext): Promise<void> {
  const projectRoot = pathManager.findProjectRoot();
  const functionName = await chooseFunction(projectRoot, context.amplify.prompter, context.parameters.first, 'invoke');
  const resourceDir = pathManager.getResourceDirectoryPath(projectRoot, CATEGORY, functionName);
  const srcDir = path.join(resourceDir, 'src');
  const options = context.input.options ?? {};
  const eventOption = options.event;
  if (eventOption === true) {
    throw new AmplifyError('InvalidInput', '--event needs a file name', { resolution: 'Pass e.g. --event src/event.json' });
  }
  // A relative --event is looked up from where the command runs, then in the function's folder (`src/event.json`).
  const eventFile =
    typeof eventOption === 'string'
      ? [path.resolve(eventOption), path.resolve(resourceDir, eventOption)].find((file) => fs.existsSync(file)) ?? path.resolve(eventOption)
      : path.join(srcDir, 'event.json');
  const event = readEvent(eventFile);
  if (dependenciesMissing(srcDir)) {
    throw new AmplifyError('FunctionNotBuilt', `Function ${functionName} declares dependencies in src/package.json that are not installed`, {
      resolution: `Run "amplify function build ${functionName}" to install them, then invoke again`,
    });
  }
  const spec = readFunction(projectRoot, functionName);
  const environment = invokeEnvironment(stateManager.getMeta(projectRoot), spec, stateManager.getCurrentEnvName(projectRoot));
  const layerPaths = layerModulePaths(projectRoot, spec);
  if (layerPaths.length > 0) environment.NODE_PATH = [...layerPaths, process.env.NODE_PATH].filter(Boolean).join(path.delimiter);
  for (const layer of spec.parameters.lambdaLayers ?? []) {
    if (layer.type === 'ExternalLayer') context.print.warning(`The external layer ${layer.arn} is not loaded by a local invoke.`);
  }

  context.print.info(`Invoking ${functionName} locally with ${path.relative(process.cwd(), eventFile) || eventFile}`);
  const outcome = await invokeFunction({ functionName, srcDir, event, environment, timeoutMs: timeoutMs(options.timeout) });
  if (!outcome.ok) {
    // The handler's own stack, for --debug.
    const cause = Object.assign(new Error(outcome.error.message), { name: outcome.error.name, stack: outcome.error.stack });
    throw new AmplifyError('FunctionInvokeFailed', `Function ${functionName} failed: ${outcome.error.name}: ${outcome.error.message}`, {
      resolution: `Fix the handler in ${path.relative(process.cwd(), srcDir) || srcDir} (run with --debug for the stack)`,
      cause,
    });
  }
  context.print.success('Result:');
  context.print.info(JSON.stringify(outcome.result, null, 2));
}
