import type { AmplifyContext } from 'amplify-cli-core';

const COMMANDS: Array<[string, string]> = [
  ['amplify function add', 'Adds a Lambda function (Node.js: Hello World, CRUD over a DynamoDB table, or Express) to the backend'],
  ['amplify function update [name]', "Changes a function's access to other resources or its environment variables"],
  ['amplify function remove [name]', 'Removes a function from the backend (refused while another resource depends on it)'],
  ['amplify function push [name]', 'Builds, packages and deploys the function(s) with their dependencies'],
  ['amplify function build [name]', 'Installs dependencies and packages the function(s) without deploying'],
  ['amplify function invoke <name> [--event <file>] [--timeout <s>]', 'Runs the handler locally with an event (default src/event.json)'],
  ['amplify function console [name]', "Prints the function's page in the Lambda console"],
  ['amplify function add|update --headless', 'Reads the answers as one JSON document on stdin (see the package README)'],
];

export async function run(context: AmplifyContext): Promise<void> {
  context.print.info('amplify function <subcommand>');
  context.print.info('');
  const width = Math.max(...COMMANDS.map(([command]) => command.length));
  for (const [command, description] of COMMANDS) context.print.info(`  ${command.padEnd(width)}  ${description}`);
}
