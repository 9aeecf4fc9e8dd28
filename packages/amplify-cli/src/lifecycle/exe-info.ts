import { AmplifyMeta, ExeInfo, LocalEnvInfo, PARAMETERS_KEY, stateManager } from 'amplify-cli-core';
import type { CoreCommandContext } from '../cli-session';
import type { HeadlessInput } from './headless-input';

/**
 * Fills `context.exeInfo` for an existing project, as the original's constructExeInfo does, from the project
 * at `projectRoot` (never from the process's directory). `localEnvInfo.projectPath` is set in memory only, for
 * plugins that read it: it is never written, so a moved or cloned project cannot point at its old location.
 */
export function projectExeInfo(context: CoreCommandContext, projectRoot: string, headless: HeadlessInput, envName?: string): ExeInfo {
  const localEnvInfo = stateManager.getLocalEnvInfo(projectRoot, { throwIfNotExist: false });
  const exeInfo: ExeInfo = {
    inputParams: headless.inputParams,
    projectConfig: stateManager.getProjectConfig(projectRoot),
    amplifyMeta: stateManager.getMeta(projectRoot, { default: {} }),
    teamProviderInfo: stateManager.getTeamProviderInfo(projectRoot, { default: {} }),
    backendConfig: stateManager.getBackendConfig(projectRoot, { default: {} }),
    localEnvInfo: withProjectPath({ ...localEnvInfo, envName: envName ?? localEnvInfo?.envName ?? '' }, projectRoot),
  };
  context.exeInfo = exeInfo;
  return exeInfo;
}

export function withProjectPath(info: LocalEnvInfo, projectRoot: string): LocalEnvInfo {
  return { ...info, projectPath: projectRoot };
}

/** local-env-info.json as written: the machine-local choices without the absolute project path. */
export function writeLocalEnvInfo(projectRoot: string, info: LocalEnvInfo): void {
  const { projectPath: _inMemoryOnly, ...persisted } = info;
  stateManager.setLocalEnvInfo(projectRoot, persisted);
}

/** Backend meta as a fresh env starts it: this env's provider records plus the resources of backend-config. */
export function regeneratedMeta(projectRoot: string, envName: string, providers: string[]): AmplifyMeta {
  const envInfo = stateManager.getTeamProviderInfo(projectRoot, { default: {} })[envName] ?? {};
  const backendConfig = stateManager.getBackendConfig(projectRoot, { default: {} });
  const { [PARAMETERS_KEY]: _envParameterNames, ...resources } = structuredClone(backendConfig) as Record<string, unknown>;
  const meta = resources as AmplifyMeta;
  const providerRecords: NonNullable<AmplifyMeta['providers']> = {};
  for (const provider of providers) {
    const record = envInfo[provider];
    if (typeof record === 'object' && record !== null) providerRecords[provider] = { ...(record as Record<string, unknown>) };
  }
  meta.providers = providerRecords;
  return meta;
}
