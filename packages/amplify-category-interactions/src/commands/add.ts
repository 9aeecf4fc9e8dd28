import { makeId, pathManager, type AmplifyContext } from 'amplify-cli-core';
import { ensureBotAuth, projectFunctions, saveLexResource } from '../service/lex-resource';
import { LEX_V2_NOTE } from '../service/messages';
import { runLexAddWalkthrough } from '../service/walkthrough';

/** `amplify add interactions`: auth with guest access first, then the bot walkthrough (`--yes`: the BookTrip sample). */
export async function run(context: AmplifyContext): Promise<void> {
  const projectRoot = pathManager.findProjectRoot();
  context.print.info(LEX_V2_NOTE);
  await ensureBotAuth(context, false);
  const params = await runLexAddWalkthrough(context.amplify.prompter, {
    projectName: context.amplify.getProjectConfig().projectName,
    shortId: makeId(8),
    functions: projectFunctions(projectRoot),
  });
  await saveLexResource(projectRoot, params, 'add');
  context.print.success(`Successfully added resource ${params.resourceName} locally`);
  context.print.info('Run "amplify push" to build and deploy it to the cloud.');
}
