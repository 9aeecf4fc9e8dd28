import * as path from 'path';
import { AmplifyError, parseJson, writeFileAtomic } from 'amplify-cli-core';
import { AmplifyConfiguration, createAmplifyConfiguration } from './amplify-configuration';
import { AwsConfiguration, createAwsConfiguration, NativePlatform } from './aws-configuration';
import { RESERVED_AWS_CONFIGURATION_KEYS, withCustomKeys } from './custom-keys';
import { deleteConfigFiles, readConfigFileIfPresent } from './frontend-config-files';
import { FrontendResources } from './frontend-resources';
import { isJsonObject, JsonObject } from './json-value';

/** The two files every native app reads its backend from. */
export const NATIVE_CONFIG_FILENAMES = ['awsconfiguration.json', 'amplifyconfiguration.json'] as const;

export interface NativeConfigFiles {
  awsConfigurationPath: string;
  amplifyConfigurationPath: string;
  awsConfiguration: AwsConfiguration;
  amplifyConfiguration: AmplifyConfiguration;
}

function readExisting(filePath: string): JsonObject | undefined {
  const text = readConfigFileIfPresent(filePath);
  if (text === undefined) {
    return undefined;
  }
  const parsed = parseJson<unknown>(text, filePath);
  if (!isJsonObject(parsed)) {
    throw new AmplifyError('InvalidConfigFile', `${filePath} does not hold a JSON object`, {
      resolution: 'Delete the file: it is regenerated from the deployed outputs',
    });
  }
  return parsed;
}

function render(config: JsonObject): string {
  return `${JSON.stringify(config, null, 4)}\n`;
}

/**
 * Writes `awsconfiguration.json` and `amplifyconfiguration.json` into `dir` (android: `<ResDir>/raw`, iOS: the
 * project root). Blocks a user added to the existing files are kept; `cloud` (the last deployed outputs) decides
 * what counts as added by hand.
 */
export function writeNativeConfigFiles(
  dir: string,
  platform: NativePlatform,
  outputs: FrontendResources,
  cloud?: FrontendResources,
): NativeConfigFiles {
  const awsConfigurationPath = path.join(dir, NATIVE_CONFIG_FILENAMES[0]);
  const amplifyConfigurationPath = path.join(dir, NATIVE_CONFIG_FILENAMES[1]);
  const generated = createAwsConfiguration(outputs, platform);
  const cloudGenerated = cloud ? createAwsConfiguration(cloud, platform) : generated;
  const awsConfiguration = withCustomKeys(generated, readExisting(awsConfigurationPath), cloudGenerated, RESERVED_AWS_CONFIGURATION_KEYS);
  const amplifyConfiguration = createAmplifyConfiguration(outputs, awsConfiguration, platform, readExisting(amplifyConfigurationPath));
  writeFileAtomic(awsConfigurationPath, render(awsConfiguration));
  writeFileAtomic(amplifyConfigurationPath, render(amplifyConfiguration));
  return { awsConfigurationPath, amplifyConfigurationPath, awsConfiguration, amplifyConfiguration };
}

/** Removes both files from `dir` (`amplify delete`); returns the ones that existed. */
export function deleteNativeConfigFiles(dir: string): string[] {
  return deleteConfigFiles(dir, NATIVE_CONFIG_FILENAMES);
}
