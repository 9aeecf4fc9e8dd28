import { AmplifyError, isRecord, type LocalAwsEnvInfo } from 'amplify-cli-core';
import { isMissingAccessKey } from './access-key-input';

/**
 * How one env gets its credentials: the entry of `amplify/.config/local-aws-info.json` for that env (original
 * shapes, plus `local` for the embedded local cloud), as the core types it.
 */
export type AwsConfigInfo = LocalAwsEnvInfo;

/**
 * The `--providers` block of headless init/configure: keys are given inline and only become a keys file (and an
 * `awsConfigFilePath`) when persisted.
 */
export type AwsConfigInput =
  | { configLevel: 'project'; useProfile: true; profileName: string }
  | { configLevel: 'project'; useProfile: false; accessKeyId: string; secretAccessKey: string; region: string }
  | { configLevel: 'general' }
  | { configLevel: 'local' };

function headlessError(problem: string): AmplifyError {
  return new AmplifyError('ProviderConfigurationInvalid', `Error in the command line parameter for awscloudformation configuration: ${problem}.`, {
    resolution:
      'Pass --providers \'{"awscloudformation":{"configLevel":"project","useProfile":true,"profileName":"default"}}\' (or useProfile false with accessKeyId, secretAccessKey and region; or configLevel "general" or "local").',
  });
}

function nonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value.trim().length > 0;
}

/**
 * Validates the provider's headless block, accepted under `awscloudformation` or an alias, with the original's
 * rules: any `configLevel` other than `general`/`local` means `project`.
 */
export function parseAwsConfigInput(block: unknown): AwsConfigInput {
  if (!isRecord(block)) throw headlessError('expected a JSON object');
  const input = block;
  if (input.configLevel === 'general') return { configLevel: 'general' };
  if (input.configLevel === 'local') return { configLevel: 'local' };
  const useProfile = input.useProfile === true || input.useProfile === 'true';
  if (useProfile) {
    if (!nonEmptyString(input.profileName)) throw headlessError('useProfile is true but profileName is missing');
    return { configLevel: 'project', useProfile: true, profileName: input.profileName };
  }
  const { accessKeyId, secretAccessKey, region } = input;
  if (!nonEmptyString(accessKeyId) || !nonEmptyString(secretAccessKey) || !nonEmptyString(region)) {
    throw headlessError('useProfile is false but accessKeyId, secretAccessKey or region is missing');
  }
  if (isMissingAccessKey(accessKeyId) || isMissingAccessKey(secretAccessKey)) throw headlessError('the access keys are placeholders');
  return { configLevel: 'project', useProfile: false, accessKeyId, secretAccessKey, region };
}

/** Reads an env's stored entry, rejecting shapes no version of the CLI wrote (the message names the file). */
export function parseAwsConfigInfo(entry: unknown, envName: string): AwsConfigInfo | undefined {
  if (entry === undefined) return undefined;
  const invalid = new AmplifyError('ProjectConfigInvalid', `amplify/.config/local-aws-info.json has an invalid entry for env "${envName}".`, {
    resolution: 'Run "amplify configure project" to choose the credentials for this env again.',
  });
  if (typeof entry !== 'object' || entry === null) throw invalid;
  const info = entry as Record<string, unknown>;
  if (info.configLevel === 'general') return { configLevel: 'general' };
  if (info.configLevel === 'local') return { configLevel: 'local' };
  if (info.useProfile === true && nonEmptyString(info.profileName)) {
    return { configLevel: 'project', useProfile: true, profileName: info.profileName };
  }
  if (info.useProfile === false && nonEmptyString(info.awsConfigFilePath)) {
    return { configLevel: 'project', useProfile: false, awsConfigFilePath: info.awsConfigFilePath };
  }
  throw invalid;
}

/** A choice as made during a command: inline keys until persisted, or what local-aws-info stores. */
export type AwsConfigChoice = AwsConfigInput | AwsConfigInfo;

/** Reads a choice kept in `exeInfo` between `init` and `onInitSuccessful` (it crossed an untyped bag). */
export function parseAwsConfigChoice(value: unknown, envName: string): AwsConfigChoice {
  if (typeof value === 'object' && value !== null && 'accessKeyId' in value) return parseAwsConfigInput(value);
  const info = parseAwsConfigInfo(value, envName);
  if (!info) {
    throw new AmplifyError('ProviderNotInitialized', 'The awscloudformation provider was not initialised in this command.', {
      resolution: 'Run "amplify init" (or "amplify env checkout <env>") again.',
    });
  }
  return info;
}
