import { AmplifyError } from '../errors/amplify-error';
import type { AmplifyContext } from '../context/amplify-context';

/** A category command's module, required only when that command runs. */
export interface CategoryCommand {
  run(context: AmplifyContext): Promise<void>;
}

/**
 * A category plugin's `executeAmplifyCommand`: runs the module of `context.input.command` (help when none is given)
 * and names the help command for a verb the category does not have.
 */
export function dispatchCategoryCommand(
  category: string,
  commands: Readonly<Record<string, () => CategoryCommand>>,
): (context: AmplifyContext) => Promise<void> {
  return async (context) => {
    const name = context.input.command ?? 'help';
    const load = Object.hasOwn(commands, name) ? commands[name] : undefined;
    if (!load) {
      throw new AmplifyError('CommandNotFound', `"amplify ${category} ${name}" is not a command`, {
        resolution: `Run "amplify ${category} help" to list the commands`,
      });
    }
    await load().run(context);
  };
}
