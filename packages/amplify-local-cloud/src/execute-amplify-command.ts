import type { AmplifyContext } from 'amplify-cli-core';
import { findCommand } from './commands/command-table';

/** The plugin entry the `amplify` CLI calls for `amplify local-cloud <command>`. */
export async function executeAmplifyCommand(context: Pick<AmplifyContext, 'input' | 'print'>): Promise<void> {
  const command = findCommand(context.input.command === 'local-cloud' ? context.input.subCommands?.[0] : context.input.command);
  await command.run(context.input.options ?? {}, context.print);
}
