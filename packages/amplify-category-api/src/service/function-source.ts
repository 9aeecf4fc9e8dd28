import { AmplifyError, type AmplifyContext } from 'amplify-cli-core';
import { apiResources, projectFunctions, userPoolGroups } from './api-resource';
import type { RestWalkthroughEnvironment } from './rest-walkthrough';

/**
 * A new Lambda function for a REST path, made by the function category's own `add` walkthrough (reached through
 * the platform, as the original does); returns the name it was given.
 */
export async function createFunctionThroughCategory(context: AmplifyContext, projectRoot: string): Promise<string> {
  const plugin = context.amplify.getPluginInstance(context, 'function') as { executeAmplifyCommand?(context: AmplifyContext): Promise<void> } | undefined;
  if (typeof plugin?.executeAmplifyCommand !== 'function') {
    throw new AmplifyError('PluginNotFound', 'A new Lambda function needs the function category plugin (amplify-category-function), which is not installed', {
      resolution: 'Install amplify-category-function and run "amplify plugin scan", or use a function already in the project',
    });
  }
  const before = new Set(projectFunctions(projectRoot));
  const input = { ...context.input, command: 'add', subCommands: [] };
  await plugin.executeAmplifyCommand(Object.assign(Object.create(context) as AmplifyContext, { input }));
  const created = projectFunctions(projectRoot).find((name) => !before.has(name));
  if (!created) throw new AmplifyError('FunctionNotCreated', 'The function walkthrough ended without adding a function', { resolution: 'Run "amplify add api" again' });
  context.print.success('Succesfully added the Lambda function locally');
  return created;
}

/** The REST walkthrough's view of the project, with new functions made through the function category. */
export function restEnvironment(context: AmplifyContext, projectRoot: string): RestWalkthroughEnvironment {
  return {
    prompter: context.amplify.prompter,
    apiNames: apiResources(projectRoot),
    functions: projectFunctions(projectRoot),
    groups: userPoolGroups(projectRoot),
    createFunction: () => createFunctionThroughCategory(context, projectRoot),
  };
}
