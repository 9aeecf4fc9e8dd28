import { isDeepStrictEqual } from 'util';
import { AmplifyError, pathManager, type AmplifyContext } from 'amplify-cli-core';
import { findAuthResource, readAuthConfig, saveAuthResource } from '../service/auth-resource';
import { runUpdateWalkthrough } from '../service/auth-walkthrough';

/** `amplify update auth`: the update menu with the resource's current answers as defaults. */
export async function run(context: AmplifyContext): Promise<void> {
  const projectRoot = pathManager.findProjectRoot();
  const name = findAuthResource(projectRoot);
  if (!name) {
    throw new AmplifyError('ResourceNotFound', 'No auth resource in this project', { resolution: 'Run "amplify add auth" first' });
  }
  context.print.info('Please note that certain attributes may not be overwritten if you choose to use defaults settings.');
  const previous = readAuthConfig(projectRoot, name);
  const answers = await runUpdateWalkthrough(context.amplify.prompter, previous.config, previous.envParameters);
  if (previous.config.authSelections === 'identityPoolAndUserPool' && answers.config.authSelections === 'userPoolOnly') {
    context.print.warning('The identity pool will be deleted on the next push: signed-in and guest users lose their AWS credentials.');
  }
  if (isDeepStrictEqual(answers.config, previous.config) && isDeepStrictEqual(answers.envParameters, previous.envParameters)) {
    context.print.info(`No changes to auth resource ${name}.`);
    return;
  }
  await saveAuthResource(projectRoot, answers, 'update', context.amplify.prompter);
  context.print.success(`Successfully updated auth resource ${name} locally`);
  context.print.info('Run "amplify push" to build and deploy it to the cloud.');
}
