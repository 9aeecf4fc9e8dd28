import { pathManager, stateManager } from 'amplify-cli-core';
import type { CoreCommandContext } from '../../cli-session';
import { printProviders } from '../../lifecycle/env/print-env';

/** `amplify env list [--details] [--json]`: the envs of team-provider-info, the current one marked `*`. */
export const run = async (context: CoreCommandContext): Promise<void> => {
  const { printer, environment } = context.session;
  const projectRoot = pathManager.findProjectRoot(environment.cwd);
  stateManager.getProjectConfig(projectRoot);
  const teamProviderInfo = stateManager.getTeamProviderInfo(projectRoot, { default: {} });
  const current = stateManager.getLocalEnvInfo(projectRoot, { throwIfNotExist: false })?.envName;
  const envs = Object.keys(teamProviderInfo);
  const json = context.input.options?.json === true;
  const details = context.input.options?.details === true;
  if (json) {
    printer.info(JSON.stringify(details ? teamProviderInfo : { envs }, null, 2));
    return;
  }
  if (!details) {
    printer.table([['Environments'], ...envs.map((env) => [env === current ? `*${env}` : env])]);
    return;
  }
  for (const env of envs) {
    printer.info(env === current ? `*${env}*` : env);
    printProviders(printer.info, teamProviderInfo[env]);
    printer.info('');
  }
};
