import type { CommandInput } from 'amplify-cli-core';
import { findCommand } from './commands/command-table';
import type { CommandOutput } from './commands/command-types';

/** What this plugin needs of the CLI's context: the parsed command line and gluegun's `print`. */
export interface LocalCloudCommandContext {
  input: CommandInput;
  print: CommandOutput;
}

/** The plugin entry the `amplify` CLI calls for `amplify local-cloud <command>`. */
export async function executeAmplifyCommand(context: LocalCloudCommandContext): Promise<void> {
  await findCommand(context.input.command).run(context.input.options ?? {}, context.print);
}
