import type { AmplifyContext } from 'amplify-cli-core';

const COMMANDS: Array<[string, string]> = [
  ['amplify api add', 'Adds a GraphQL API (AppSync, one per project) or a REST API (API Gateway in front of Lambda)'],
  ['amplify api update', 'Changes the GraphQL auth modes or conflict detection, or the paths of a REST API'],
  ['amplify api remove', 'Removes an API locally; the next push deletes its stack'],
  ['amplify api push', 'Compiles the GraphQL schema and deploys the APIs'],
  ['amplify api gql-compile', 'Compiles schema.graphql into build/ (--force, --allow-destructive-graphql-schema-updates)'],
  ['amplify api rebuild', 'Recreates every table of the GraphQL API, empty (all data is lost); asks for the API name'],
  ['amplify override api', 'Writes override.ts into an API folder; its override() edits the generated templates at compile and push'],
  ['amplify api console', 'Prints the console page of a deployed API'],
  ['amplify add|update api --headless', 'Reads an AddApiRequest / UpdateApiRequest (version 1) as JSON on stdin'],
];

export async function run(context: AmplifyContext): Promise<void> {
  context.print.info('Usage: amplify api <subcommand>');
  context.print.table([['Command', 'Description'], ...COMMANDS], { format: 'lean' });
}
