import type { AmplifyContext } from 'amplify-cli-core';

const COMMANDS: Array<[string, string]> = [
  ['amplify auth add', 'Adds a Cognito user pool (and identity pool) to the project'],
  ['amplify auth update', 'Updates the auth resource through the update menu'],
  ['amplify auth remove', 'Removes the auth resource locally; the next push deletes it from the cloud'],
  ['amplify auth push', 'Deploys the auth resources'],
  ['amplify auth console', 'Prints the console pages of the deployed user pool and identity pool'],
  ['amplify add auth --headless', 'Reads an AddAuthRequest (version 2) as JSON on stdin'],
  ['amplify update auth --headless', 'Reads an UpdateAuthRequest (version 2) as JSON on stdin'],
];

export async function run(context: AmplifyContext): Promise<void> {
  context.print.info('Usage: amplify auth <subcommand>');
  context.print.table([['Command', 'Description'], ...COMMANDS], { format: 'lean' });
}
