import type { AmplifyContext } from 'amplify-cli-core';

const COMMANDS: Array<[string, string]> = [
  ['amplify codegen [--nodownload] [--maxDepth <n>]', 'Generates GraphQL statements and types for the project\'s API'],
  ['amplify codegen add [--apiId <id>] [--region <r>]', 'Configures codegen for the project\'s GraphQL API (writes .graphqlconfig.yml) and generates'],
  ['amplify codegen configure', 'Changes the target language, file patterns, types file or statement depth (alias: update)'],
  ['amplify codegen remove', 'Removes the API from .graphqlconfig.yml'],
  ['amplify codegen statements [--nodownload] [--maxDepth <n>]', 'Generates the queries, mutations and subscriptions (alias: statement)'],
  ['amplify codegen types [--nodownload]', 'Generates the types file (API.ts, API.js, API.service.ts) from the statements'],
  ['amplify codegen models [--output-dir <dir>]', 'Generates DataStore models (alias: model)'],
];

export async function run(context: AmplifyContext): Promise<void> {
  context.print.info('amplify codegen [subcommand] [[--nodownload] [--maxDepth <number>]]');
  context.print.table([['Command', 'Description'], ...COMMANDS], { format: 'lean' });
  context.print.info('Answers without prompts: --yes takes every default; --codegen \'{"targetLanguage":"typescript","maxDepth":3}\' sets some.');
}
