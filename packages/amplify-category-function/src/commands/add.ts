import * as path from 'path';
import { type AmplifyContext, pathManager } from 'amplify-cli-core';
import { addFunction } from '../service/add-function';
import { mainSourceFile } from '../service/function-files';
import { pluginPolicies } from '../service/resolve-access';
import { printAdded } from './print-next-steps';

/** `amplify function add` / `amplify add function`. */
export async function run(context: AmplifyContext): Promise<void> {
  const prompter = context.amplify.prompter;
  const projectRoot = pathManager.findProjectRoot();
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
