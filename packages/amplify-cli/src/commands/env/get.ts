import { AmplifyError, pathManager, stateManager } from 'amplify-cli-core';
import type { CoreCommandContext } from '../../cli-session';
import { printProviders } from '../../lifecycle/env/print-env';

/** `amplify env get --name <env> [--json]`: one env's provider records. */
export const run = async (context: CoreCommandContext): Promise<void> => {
  const { printer, environment } = context.session;
  const name = context.input.options?.name;
  if (typeof name !== 'string') {
    throw new AmplifyError('MissingArgument', '"amplify env get" needs the env name', { resolution: 'Run "amplify env get --name <env>"' });
  }
  const projectRoot = pathManager.findProjectRoot(environment.cwd);
  const envInfo = stateManager.getTeamProviderInfo(projectRoot, { default: {} })[name];
  if (!envInfo) {
    throw new AmplifyError('EnvironmentNotFound', `Environment "${name}" is not in amplify/team-provider-info.json`, {
      resolution: 'Run "amplify env list" to see the envs',
    });
  }
  if (context.input.options?.json === true) {
    printer.info(JSON.stringify(envInfo, null, 2));
    return;
  }
  printer.info(name);
  printProviders(printer.info, envInfo);
};
