import { type AmplifyContext, pathManager } from 'amplify-cli-core';
import { pluginPolicies } from '../service/resolve-access';
import { applyFunctionChanges, askFunctionChanges, chooseFunction } from '../service/update-function';

/** `amplify function update [name]` (alias `configure`). */
export async function run(context: AmplifyContext): Promise<void> {
  const prompter = context.amplify.prompter;
  const projectRoot = pathManager.findProjectRoot();
  const functionName = await chooseFunction(projectRoot, prompter, context.parameters.first, 'update');
  const options = { projectRoot, policies: pluginPolicies(context), functionName };
  const changes = await askFunctionChanges(options, prompter, (line) => context.print.warning(line));
  await applyFunctionChanges(options, changes);
  context.print.success(`Successfully updated resource ${functionName} locally.`);
  context.print.info('"amplify push" deploys the change');
}
