import { AmplifyError, type AmplifyContext, pathManager } from 'amplify-cli-core';
import { apiDirectory, apiResources, serviceOf } from '../service/api-resource';
import { scaffoldOverride } from '../service/override/scaffold';

/**
 * `amplify override api [name]`: writes `override.ts` (with `package.json` and tsconfigs) into the API's folder.
 * The next `gql-compile` or push runs its `override(resources, amplifyProjectInfo)` on the generated templates.
 */
export async function run(context: AmplifyContext): Promise<void> {
  const projectRoot = pathManager.findProjectRoot();
  const names = apiResources(projectRoot);
  if (names.length === 0) throw new AmplifyError('ResourceNotFound', 'No API resource in this project to override', { resolution: 'Run "amplify add api" first' });
  const requested = context.input.subCommands?.[0];
  if (requested !== undefined && !names.includes(requested)) {
    throw new AmplifyError('ResourceNotFound', `No API named ${requested} in this project (APIs: ${names.join(', ')})`, { resolution: 'Run "amplify override api" with one of those names' });
  }
  const apiName = requested ?? (names.length === 1 ? names[0] : await context.amplify.prompter.pick<string>({ message: 'Select the API you want to override', choices: names, default: names[0] }));
  const kind = serviceOf(projectRoot, apiName) === 'AppSync' ? 'graphql' : 'rest';
  const { overridePath, created } = scaffoldOverride(apiDirectory(projectRoot, apiName), kind);
  context.print.info(created ? `✅ Successfully generated "override.ts" for ${apiName}` : `"override.ts" for ${apiName} already exists; it was left as it is`);
  context.print.info(`Edit the file in your editor: ${overridePath}`);
  context.print.info(`The overrides apply on the next ${kind === 'graphql' ? '"amplify api gql-compile" or ' : ''}"amplify push".`);
}
