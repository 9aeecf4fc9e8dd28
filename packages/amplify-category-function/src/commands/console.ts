import { type AmplifyContext, pathManager, stateManager } from 'amplify-cli-core';
import { lambdaConsoleUrl } from '../service/console-url';
import { chooseFunction } from '../service/update-function';

/** `amplify function console [name]`: prints the Lambda console page of the function in the current env. */
export async function run(context: AmplifyContext): Promise<void> {
  const projectRoot = pathManager.findProjectRoot();
  const functionName = await chooseFunction(projectRoot, context.amplify.prompter, context.parameters.first, 'open');
  const url = lambdaConsoleUrl(stateManager.getMeta(projectRoot), functionName, stateManager.getCurrentEnvName(projectRoot));
  context.print.info(url);
}
