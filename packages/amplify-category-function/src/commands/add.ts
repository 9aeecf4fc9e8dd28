import * as path from 'path';
import { type AmplifyContext, pathManager } from 'amplify-cli-core';
import { CATEGORY } from '../constants';
import { addFunction } from '../service/add-function';
import { addLayer } from '../service/add-layer';
import { mainSourceFile } from '../service/function-files';
import { pluginPolicies } from '../service/resolve-access';
import { CAPABILITY_ADD_MESSAGE, CAPABILITY_CHOICES, type Capability } from '../walkthrough/capability';
import { printAdded, printLayerNextSteps } from './print-next-steps';

/** `amplify function add` / `amplify add function`: a Lambda function or a Lambda layer. */
export async function run(context: AmplifyContext): Promise<void> {
  const prompter = context.amplify.prompter;
  const projectRoot = pathManager.findProjectRoot();
  // Another category's walkthrough (a REST path's new function) asks for a function, as the original's does.
  const forAnotherCategory = context.input.plugin !== undefined && context.input.plugin !== CATEGORY;
  const capability = forAnotherCategory ? 'function' : await prompter.pick<Capability>({ message: CAPABILITY_ADD_MESSAGE, choices: CAPABILITY_CHOICES, default: 'function' });
  if (capability === 'layer') {
    const { spec, directory } = await addLayer({ projectRoot, prompter, info: (line) => context.print.info(line) });
    context.print.success(`Successfully added resource ${spec.layerName} locally.`);
    printLayerNextSteps(context, directory, 'created');
    return;
  }
  const { spec, directory } = await addFunction({
    projectRoot,
    prompter,
    policies: pluginPolicies(context),
    print: (line) => context.print.warning(line),
    info: (line) => context.print.info(line),
  });
  const editNow = await prompter.confirm({ message: 'Do you want to edit the local lambda function now?', default: false });
  if (editNow) await context.amplify.openEditor(context, path.join(directory, mainSourceFile(spec.parameters.template)));
  printAdded(context, spec.functionName, directory);
}
