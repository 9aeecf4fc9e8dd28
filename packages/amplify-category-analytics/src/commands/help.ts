import type { AmplifyContext } from 'amplify-cli-core';

const COMMANDS: Array<[string, string]> = [
  ['amplify analytics add', 'Adds an Amazon Pinpoint app (one per project) or an Amazon Kinesis stream; needs auth'],
  ['amplify analytics update', 'Changes a Kinesis stream\'s shard count'],
  ['amplify analytics remove', 'Removes an analytics resource locally (not while notifications use the Pinpoint app)'],
  ['amplify analytics push', 'Deploys the analytics resources'],
  ['amplify analytics console', 'Prints the console page of a deployed app or stream'],
  ['amplify add|update analytics --headless', 'Reads an analytics request (version 1) as JSON on stdin'],
];

export async function run(context: AmplifyContext): Promise<void> {
  context.print.info('Usage: amplify analytics <subcommand>');
  context.print.table([['Command', 'Description'], ...COMMANDS], { format: 'lean' });
}
