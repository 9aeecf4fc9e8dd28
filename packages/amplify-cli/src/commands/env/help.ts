import type { CoreCommandContext } from '../../cli-session';

const ENV_COMMANDS: Array<[string, string]> = [
  ['env add', 'Adds a new environment to your Amplify project'],
  ['env checkout <env-name> [--restore]', 'Moves your environment to the environment specified in the command'],
  ['env list [--details] [--json]', 'Displays a list of all the environments in your Amplify project'],
  ['env get --name <env-name> [--json]', 'Displays the details of the environment specified in the command'],
  ['env pull [--restore]', 'Pulls your environment with the current cloud environment'],
  ['env import --name <env-name> --config <provider-configs> [--awsInfo <aws-configs>]', 'Imports an already existing Amplify project environment stack'],
  ['env remove <env-name> [--yes]', 'Removes an environment from the Amplify project and deletes its cloud resources'],
];

/** `amplify env` / `amplify env help`. */
export const run = async (context: CoreCommandContext): Promise<void> => {
  const { printer } = context.session;
  printer.info('amplify env <subcommand>\n');
  printer.table([['Command', 'Description'], ...ENV_COMMANDS.map(([command, text]) => [`amplify ${command}`, text])]);
};
