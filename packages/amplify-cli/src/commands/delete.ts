import { AmplifyError, pathManager, UserAbort, withProjectLock } from 'amplify-cli-core';
import type { CoreCommandContext } from '../cli-session';
import { deleteProject } from '../lifecycle/delete/delete-project';
import { parseHeadlessInput } from '../lifecycle/headless-input';

/** `amplify delete [--force]`: every env's cloud resources, then the project's amplify files. */
export const run = async (context: CoreCommandContext): Promise<void> => {
  const extra = context.input.subCommands ?? [];
  if (extra.length > 0) {
    throw new AmplifyError('InvalidArgument', `"amplify delete" takes no arguments (got "${extra.join(' ')}")`, {
      resolution: 'To remove one resource run "amplify remove <category>"; to delete the whole project run "amplify delete"',
    });
  }
  const headless = parseHeadlessInput(context.input.options);
  const force = context.input.options?.force === true;
  const projectRoot = pathManager.findProjectRoot(context.session.environment.cwd);
  if (!force) {
    // --yes takes defaults, and this question's default is "no": only --force confirms without a person.
    if (headless.yes || context.session.environment.stdin.isTTY !== true) {
      throw new AmplifyError('ConfirmationRequired', '"amplify delete" removes every env from the cloud and needs a confirmation', {
        resolution: 'Pass --force to delete without the question',
      });
    }
    const confirmed = await context.amplify.prompter.confirm({
      message:
        'Are you sure you want to continue? This CANNOT be undone. (This will delete all the environments of the project from the cloud and wipe out all the local files created by Amplify CLI)',
      default: false,
      flag: '--force',
    });
    if (!confirmed) throw new UserAbort('Nothing was deleted.');
  }
  await withProjectLock(projectRoot, 'delete', () => deleteProject(context, projectRoot, headless));
};
