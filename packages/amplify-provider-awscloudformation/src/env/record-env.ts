import { PROVIDER_NAME } from '../constants';
import type { AwsConfigInfo } from '../aws/aws-config-info';
import type { ProjectFiles } from '../project/project-files';
import type { AmplifyMeta } from 'amplify-cli-core';
import type { RootStackOutputs } from '../project/project-types';

function withProviders(meta: AmplifyMeta, outputs: RootStackOutputs): AmplifyMeta {
  return { ...meta, providers: { ...meta.providers, [PROVIDER_NAME]: outputs } };
}

/**
 * Records an env's root stack where every later command looks for it: `providers.awscloudformation` of both
 * meta copies and `team-provider-info[env].awscloudformation` (which is what a fresh clone starts from).
 */
export function recordRootStack(files: ProjectFiles, envName: string, outputs: RootStackOutputs): void {
  files.writeMeta(withProviders(files.readMeta(), outputs));
  files.writeCurrentMeta(withProviders(files.readCurrentMeta(), outputs));
  const teamProviderInfo = files.readTeamProviderInfo();
  teamProviderInfo[envName] = { ...teamProviderInfo[envName], [PROVIDER_NAME]: outputs };
  files.writeTeamProviderInfo(teamProviderInfo);
}

/** Stores how this env gets credentials (local-aws-info.json is per machine and never committed). */
export function recordAwsConfig(files: ProjectFiles, envName: string, info: AwsConfigInfo): void {
  const localAwsInfo = files.readLocalAwsInfo();
  localAwsInfo[envName] = info;
  files.writeLocalAwsInfo(localAwsInfo);
}
