import { AmplifyError } from 'amplify-cli-core';
import type { LocalCloudCommand } from './command-types';
import { credentials } from './credentials';
import { events } from './events';
import { helpCommand } from './help';
import { messages } from './messages';
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
  credentials,
  events,
  messages,
  help: helpCommand(() => COMMANDS),
};

/** The command of that name; no name means help. */
export function findCommand(name: string | undefined): LocalCloudCommand {
  const wanted = name ?? 'help';
  // An own-property check, so that names such as `constructor` are not found on the prototype.
  const command = Object.prototype.hasOwnProperty.call(COMMANDS, wanted) ? COMMANDS[wanted] : undefined;
  if (command === undefined) {
    throw new AmplifyError('LocalCloudUnknownCommand', `'${name}' is not a local-cloud command.`, {
      resolution: `Use one of: ${Object.keys(COMMANDS).join(', ')} (see \`amplify local-cloud help\`).`,
    });
  }
  return command;
}
