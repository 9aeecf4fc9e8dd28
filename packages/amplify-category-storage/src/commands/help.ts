import type { AmplifyContext } from 'amplify-cli-core';

const COMMANDS: Array<[string, string]> = [
  ['amplify storage add', 'Adds S3 content storage (needs auth) or a DynamoDB table'],
  ['amplify storage update', 'Changes access, groups, trigger (S3) or indexes (DynamoDB)'],
  ['amplify storage remove', 'Removes a storage resource locally; the next push deletes its stack (S3 buckets are retained)'],
  ['amplify storage push', 'Deploys the storage resources'],
  ['amplify storage console', 'Prints the console page of a deployed bucket or table'],
  ['amplify add|update|remove storage --headless', 'Reads a storage request (version 1) as JSON on stdin'],
];

export async function run(context: AmplifyContext): Promise<void> {
  context.print.info('Usage: amplify storage <subcommand>');
  context.print.table([['Command', 'Description'], ...COMMANDS], { format: 'lean' });
}
