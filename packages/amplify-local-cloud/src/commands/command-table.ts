import { AmplifyError } from 'amplify-cli-core';
import type { LocalCloudCommand } from './command-types';
import { helpCommand } from './help';
import { reset } from './reset';
import { start } from './start';
import { status } from './status';
import { stop } from './stop';

/** Every `amplify local-cloud` command; the plugin manifest lists the same names (a test keeps them equal). */
export const COMMANDS: Record<string, LocalCloudCommand> = {
  start,
  stop,
  status,
  reset,
  help: helpCommand(() => COMMANDS),
};

export function findCommand(name: string | undefined): LocalCloudCommand {
  const command = COMMANDS[name ?? 'help'];
  if (command === undefined || !Object.prototype.hasOwnProperty.call(COMMANDS, name ?? 'help')) {
    throw new AmplifyError('LocalCloudUnknownCommand', `'${name}' is not a local-cloud command.`, {
      resolution: `Use one of: ${Object.keys(COMMANDS).join(', ')} (see \`amplify local-cloud help\`).`,
    });
  }
  return command;
}
