import { AmplifyError, isRecord, type LocalAwsEnvInfo } from 'amplify-cli-core';
import { isMissingAccessKey } from './access-key-input';
import { AWS_REGIONS } from './regions';

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

const EXAMPLE = '--providers \'{"awscloudformation":{"configLevel":"project","useProfile":true,"profileName":"default"}}\'';

function headlessError(problem: string, resolution = `Pass e.g. ${EXAMPLE} (or useProfile false with accessKeyId, secretAccessKey and region; or configLevel "general" or "local").`): AmplifyError {
  return new AmplifyError('ProviderConfigurationInvalid', `Error in the command line parameter for awscloudformation configuration: ${problem}.`, { resolution });
}

function nonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value.trim().length > 0;
}

/** A value as the user wrote it, for a message: JSON, so that `"yes"` and `1` stay apart. */
function shown(value: unknown): string {
  return JSON.stringify(value) ?? String(value);
}

const CONFIG_LEVELS = ['project', 'general', 'local'];

/** `useProfile` as the original reads it (a boolean or its string form); anything else is named. */
function parseUseProfile(value: unknown): boolean {
  if (value === undefined || value === false || value === 'false') return false;
  if (value === true || value === 'true') return true;
  throw headlessError(`useProfile must be true or false, not ${shown(value)}`, `Pass "useProfile":true with "profileName", or "useProfile":false with accessKeyId, secretAccessKey and region`);
}

/**
 * Validates the provider's headless block, accepted under `awscloudformation` or an alias. `configLevel` defaults
 * to `project` as in the original; every field given with a wrong type or value is named.
 */
export function parseAwsConfigInput(block: unknown): AwsConfigInput {
  if (!isRecord(block)) throw headlessError(`expected a JSON object, not ${shown(block)}`);
  const input = block;
  if (input.configLevel !== undefined && !CONFIG_LEVELS.includes(input.configLevel as string)) {
    throw headlessError(`configLevel must be "project", "general" or "local", not ${shown(input.configLevel)}`, `Pass "configLevel":"local" for the local cloud, "general" for the AWS SDK's own credentials, or "project" with a profile or keys`);
  }
  if (input.configLevel === 'general') return { configLevel: 'general' };
  if (input.configLevel === 'local') return { configLevel: 'local' };
  if (parseUseProfile(input.useProfile)) {
    if (input.profileName === undefined) throw headlessError('useProfile is true but profileName is missing', `Add "profileName" (a profile of ~/.aws/config), e.g. ${EXAMPLE}`);
    if (!nonEmptyString(input.profileName)) throw headlessError(`profileName must be a profile name, not ${shown(input.profileName)}`, `Name a profile of ~/.aws/config, e.g. ${EXAMPLE}`);
    return { configLevel: 'project', useProfile: true, profileName: input.profileName };
  }
  const { accessKeyId, secretAccessKey, region } = input;
  const missing = Object.entries({ accessKeyId, secretAccessKey, region })
    .filter(([, value]) => !nonEmptyString(value))
    .map(([name]) => name);
  if (missing.length > 0) {
    throw headlessError(`useProfile is false but ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} missing`, 'Pass accessKeyId, secretAccessKey and region, or "useProfile":true with "profileName"');
  }
  if (isMissingAccessKey(accessKeyId as string) || isMissingAccessKey(secretAccessKey as string)) throw headlessError('the access keys are placeholders');
  if (!AWS_REGIONS.includes(region as string)) {
    throw headlessError(`region ${shown(region)} is not an AWS region`, `Pass one of ${AWS_REGIONS.slice(0, 4).join(', ')}, ... (${AWS_REGIONS.length} regions; lowercase, e.g. "us-east-1")`);
  }
  return { configLevel: 'project', useProfile: false, accessKeyId: accessKeyId as string, secretAccessKey: secretAccessKey as string, region: region as string };
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
