import { AmplifyError } from '../errors/amplify-error';
import type { LocalAwsEnvInfo } from '../state/types';
import { isRecord } from '../utils/is-record';

/**
 * Checks an env's credential choice as local-aws-info.json stores it (what `env import --awsInfo` passes), naming
 * the field that is wrong. `label` names where it came from, e.g. `--awsInfo`; `example` is a good value to pass.
 */
export function parseLocalAwsEnvInfo(value: unknown, label: string, example: string): LocalAwsEnvInfo {
  const invalid = (problem: string) => new AmplifyError('InvalidHeadlessParameter', `${label}: ${problem}`, { resolution: `Pass e.g. ${label} '${example}'` });
  const shown = (field: unknown) => JSON.stringify(field) ?? String(field);
  if (!isRecord(value)) throw invalid(`must be a JSON object, not ${shown(value)}`);
  const { configLevel, useProfile, profileName, awsConfigFilePath } = value;
  if (configLevel === 'general' || configLevel === 'local') return { configLevel };
  if (configLevel !== 'project') throw invalid(`configLevel must be "project", "general" or "local", not ${shown(configLevel)}`);
  if (useProfile === true) {
    if (typeof profileName !== 'string' || profileName.trim() === '') throw invalid(`profileName must name a profile of ~/.aws/config, not ${shown(profileName)}`);
    return { configLevel, useProfile, profileName };
  }
  if (useProfile === false) {
    if (typeof awsConfigFilePath !== 'string' || awsConfigFilePath.trim() === '') throw invalid(`awsConfigFilePath must be the path of a keys file, not ${shown(awsConfigFilePath)}`);
    return { configLevel, useProfile, awsConfigFilePath };
  }
  throw invalid(`useProfile must be true or false, not ${shown(useProfile)}`);
}
