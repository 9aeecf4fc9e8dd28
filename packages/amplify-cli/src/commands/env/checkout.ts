import { AmplifyError, pathManager, withProjectLock } from 'amplify-cli-core';
import type { CoreCommandContext } from '../../cli-session';
import { checkoutEnv } from '../../lifecycle/env/checkout-env';
import { parseHeadlessInput } from '../../lifecycle/headless-input';

/** `amplify env checkout <env> [--restore] [--providers <json>]`: switch this project to another env. */
export const run = async (context: CoreCommandContext): Promise<void> => {
  const envName = context.input.subCommands?.[1];
  if (!envName) {
    throw new AmplifyError('MissingArgument', '"amplify env checkout" needs the env name', { resolution: 'Run "amplify env checkout <env>"' });
  }
  const headless = parseHeadlessInput(context.input.options);
  const projectRoot = pathManager.findProjectRoot(context.session.environment.cwd);
  await withProjectLock(projectRoot, 'env checkout', () =>
    checkoutEnv(context, projectRoot, envName, context.input.options?.restore === true, headless),
  );
  context.session.printer.success(`✔ Environment "${envName}" is now the current environment.`);
};
