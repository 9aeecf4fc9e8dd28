import { AmplifyError, pathManager, type AmplifyContext } from 'amplify-cli-core';
import { lexResources, projectFunctions, readLexParams, saveLexResource } from '../service/lex-resource';
import { askIntent } from '../service/walkthrough';

/** `amplify update interactions [name]`: add an intent, add utterances to one, or delete one. */
export async function run(context: AmplifyContext): Promise<void> {
  const projectRoot = pathManager.findProjectRoot();
  const prompter = context.amplify.prompter;
  const names = lexResources(projectRoot);
  if (names.length === 0) throw new AmplifyError('ResourceNotFound', 'No interactions resource in this project', { resolution: 'Run "amplify add interactions" first' });
  const name =
    context.input.subCommands?.[0] ??
    (names.length === 1 ? names[0] : await prompter.pick<string>({ message: 'Choose the bot you would like to update', choices: names, flag: 'the resource name (amplify update interactions <name>)' }));
  const params = readLexParams(projectRoot, name);
  const action = await prompter.pick<'add' | 'utterances' | 'delete'>({
    message: 'Would you like to add an intent or choose an existing intent?',
    choices: [
      { name: 'Add an intent', value: 'add' },
      { name: 'Add utterances to an existing intent', value: 'utterances' },
      { name: 'Delete an intent', value: 'delete' },
    ],
    default: 'add',
  });
  if (action === 'add') {
    params.intents.push(await askIntent(prompter, params.intents, projectFunctions(projectRoot), name));
  } else {
    const intentName = await prompter.pick<string>({ message: 'Choose an intent:', choices: params.intents.map((intent) => intent.intentName) });
    const intent = params.intents.find((candidate) => candidate.intentName === intentName)!;
    if (action === 'utterances') {
      do intent.utterances.push(await prompter.input({ message: 'Write a sample utterance for this intent:', validate: (text) => (text.length >= 1 && text.length <= 200) || 'An utterance must be 1 to 200 characters long' }));
      while (await prompter.confirm({ message: 'Would you like to add another utterance?', default: false }));
    } else {
      if (params.intents.length === 1) throw new AmplifyError('InvalidInput', `${intentName} is the bot's only intent`, { resolution: 'Add another intent first, or remove the bot with "amplify remove interactions"' });
      if (!(await prompter.confirm({ message: `Are you sure you want to delete the intent ${intentName}?`, default: false }))) return;
      params.intents = params.intents.filter((candidate) => candidate !== intent);
    }
  }
  await saveLexResource(projectRoot, params, 'update');
  context.print.success(`Successfully updated resource ${name} locally`);
}
