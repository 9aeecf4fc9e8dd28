import type { AmplifyContext } from 'amplify-cli-core';

const COMMANDS: Array<[string, string]> = [
  ['amplify notifications add [channel]', 'Enables a channel (In-App messaging, APNS, FCM, Email, SMS) on the Pinpoint app, adding analytics first when missing'],
  ['amplify notifications update [channel]', 'Disables a channel or changes its settings (settings are per env)'],
  ['amplify notifications remove [channel]', 'Disables a channel, or all of them'],
  ['amplify notifications status', 'Lists the channels and whether each is enabled'],
  ['amplify notifications push', 'Deploys the channels'],
  ['amplify notifications console', 'Prints the Pinpoint console page of the app'],
  ['amplify add|update notifications --headless', 'Reads a notifications request (version 1) as JSON on stdin'],
];

export async function run(context: AmplifyContext): Promise<void> {
  context.print.info('Usage: amplify notifications <subcommand>');
  context.print.table([['Command', 'Description'], ...COMMANDS], { format: 'lean' });
}
