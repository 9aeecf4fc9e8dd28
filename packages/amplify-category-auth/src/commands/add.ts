import { pathManager, type AmplifyContext } from 'amplify-cli-core';
import { assertNoAuthResource, saveAuthResource } from '../service/auth-resource';
import { runAddWalkthrough } from '../service/auth-walkthrough';
import { cognitoDefaults } from '../service/cognito-defaults';

/** The walkthrough (`--yes` takes the default configuration), then the resource files; returns the resource name. */
export async function addAuth(context: AmplifyContext): Promise<string> {
  const projectRoot = pathManager.findProjectRoot();
  // Before any question: answering them all to be refused at the end would waste the user's time.
  assertNoAuthResource(projectRoot);
  const defaults = cognitoDefaults(context.amplify.getProjectConfig().projectName);
  const answers = await runAddWalkthrough(context.amplify.prompter, defaults);
  const name = await saveAuthResource(projectRoot, answers, 'add', context.amplify.prompter);
  context.print.success(`Successfully added auth resource ${name} locally`);
  return name;
}

/** `amplify add auth`. */
export async function run(context: AmplifyContext): Promise<void> {
  await addAuth(context);
  context.print.info('Run "amplify push" to build and deploy it to the cloud.');
}
