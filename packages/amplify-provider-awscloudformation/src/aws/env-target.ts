import { AmplifyError } from 'amplify-cli-core';
import type { ProjectFiles } from '../project/project-files';
import { type AwsConfigChoice, type AwsConfigInfo, parseAwsConfigInfo } from './aws-config-info';
import type { AwsTarget } from './aws-target';
import { type ResolveTargetOptions, resolveAwsTarget } from './credentials';

/** This machine's credential choice for an env, from local-aws-info.json. */
export function readEnvAwsConfig(files: ProjectFiles, envName: string): AwsConfigInfo | undefined {
  return parseAwsConfigInfo(files.readLocalAwsInfo()[envName], envName);
}

/** The target for an env that was configured on this machine; the error says how to configure it otherwise. */
export async function envTarget(files: ProjectFiles, envName: string, options: ResolveTargetOptions): Promise<AwsTarget> {
  const info = readEnvAwsConfig(files, envName);
  if (!info) {
    throw new AmplifyError('EnvironmentNotConfigured', `Env "${envName}" has no credentials configured on this machine.`, {
      resolution: `Run "amplify env checkout ${envName}" (or "amplify configure project") to choose credentials for it.`,
    });
  }
  return resolveAwsTarget(info, options);
}

/** A choice not yet persisted may still hold inline keys; those reach AWS directly. */
export async function targetForChoice(choice: AwsConfigChoice, options: ResolveTargetOptions): Promise<AwsTarget> {
  if (choice.configLevel === 'project' && !choice.useProfile && 'accessKeyId' in choice) {
    return { region: choice.region, credentials: { accessKeyId: choice.accessKeyId, secretAccessKey: choice.secretAccessKey } };
  }
  return resolveAwsTarget(choice as AwsConfigInfo, options);
}

/**
 * The target to delete an env with. An env this machine never configured (a clone that pulled another env, an
 * env imported without --awsInfo) borrows the current env's choice (the same account in the common case), else the
 * default credential chain; `notice` says which, naming the env.
 */
export async function envTargetForCleanup(
  files: ProjectFiles,
  envName: string,
  currentEnvName: string | undefined,
  notice: (message: string) => void,
  options: ResolveTargetOptions,
): Promise<AwsTarget> {
  const own = readEnvAwsConfig(files, envName);
  if (own) return resolveAwsTarget(own, options);
  const borrowed = currentEnvName !== undefined && currentEnvName !== envName ? readEnvAwsConfig(files, currentEnvName) : undefined;
  if (borrowed) {
    notice(`Env "${envName}" has no credentials configured on this machine; using those of env "${currentEnvName}".`);
    return resolveAwsTarget(borrowed, options);
  }
  notice(`Env "${envName}" has no credentials configured on this machine; using the default AWS credential chain.`);
  return resolveAwsTarget({ configLevel: 'general' }, options);
}
