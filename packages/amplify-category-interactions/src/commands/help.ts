import type { AmplifyContext } from 'amplify-cli-core';

const COMMANDS: Array<[string, string]> = [
  ['amplify interactions add', 'Adds a Lex chatbot from a sample or from your own intents and slots (needs auth with guest access)'],
  ['amplify interactions update', 'Adds or deletes intents, or adds utterances'],
  ['amplify interactions remove', 'Removes a bot locally; the next push deletes it'],
  ['amplify interactions push', 'Deploys the bots'],
  ['amplify interactions console', 'Prints the Lex console page of a deployed bot'],
  ['amplify add interactions --headless', 'Reads an interactions request (version 1) as JSON on stdin'],
];

export async function run(context: AmplifyContext): Promise<void> {
  context.print.info('Usage: amplify interactions <subcommand>');
  context.print.table([['Command', 'Description'], ...COMMANDS], { format: 'lean' });
}
