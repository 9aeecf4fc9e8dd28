import { pathManager, stateManager } from 'amplify-cli-core';
import type { CoreCommandContext } from '../../cli-session';

/** `amplify env list [--details] [--json]`: the envs of team-provider-info, the current one marked `*`. */
export const run = async (context: CoreCommandContext): Promise<void> => {
  const { printer, environment } = context.session;
  const projectRoot = pathManager.findProjectRoot(environment.cwd);
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

export function printProviders(line: (text: string) => void, envInfo: Record<string, unknown> | undefined): void {
  for (const [provider, record] of Object.entries(envInfo ?? {})) {
    if (provider === 'categories' || typeof record !== 'object' || record === null) continue;
    line(`--------------\nProvider: ${provider}`);
    for (const [key, value] of Object.entries(record)) line(`${key}: ${String(value)}`);
  }
}
