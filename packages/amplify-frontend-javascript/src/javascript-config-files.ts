import * as path from 'path';
import { AmplifyError, writeFileAtomic } from 'amplify-cli-core';
import { deleteConfigFiles, FrontendResources, readConfigFileIfPresent, withCustomKeys } from 'amplify-frontend-support';
import { parseAwsExports, renderAmplifyConfigurationJson, renderAwsExports } from './aws-exports-file';
import { AwsExports, createAwsExportsObject } from './aws-exports-object';
import { constants } from './constants';
import { RESERVED_AWS_EXPORTS_KEYS } from './custom-keys';
import { JavascriptFrontendConfig } from './frameworks';
import { localResourcesConfig } from './local-resources-config';
import { ModuleParseError } from './object-literal-module';

export interface JavascriptConfigFiles {
  awsExportsPath: string;
  amplifyConfigurationPath: string;
  config: AwsExports;
}

function sourceDirOf(projectPath: string, config: JavascriptFrontendConfig): string {
  return path.join(projectPath, config.SourceDir);
}

function readExistingAwsExports(filePath: string): AwsExports | undefined {
  const text = readConfigFileIfPresent(filePath);
  if (text === undefined) {
    return undefined;
  }
  try {
    return parseAwsExports(text);
  } catch (error) {
    if (error instanceof ModuleParseError) {
      throw new AmplifyError('AwsExportsUnreadable', `${filePath} is not plain data: ${error.message}`, {
        resolution: 'Keep only literal values in the file (or delete it): it is regenerated from the deployed outputs',
        cause: error,
      });
    }
    throw error;
  }
}

/**
 * Writes `<SourceDir>/aws-exports.js` and `<SourceDir>/amplifyconfiguration.json` from the outputs, keeping the keys a
 * user added by hand to the existing aws-exports.js. `cloud` (the last deployed outputs) decides what counts as
 * hand-added; without it the local outputs do. An env on the local cloud gets aws-amplify 6's shape, pointing at it,
 * and an aws-exports.js that routes the project bucket's requests to it (see storage-route/).
 */
export function writeJavascriptConfigFiles(
  projectPath: string,
  config: JavascriptFrontendConfig,
  outputs: FrontendResources,
  cloud?: FrontendResources,
): JavascriptConfigFiles {
  const sourceDir = sourceDirOf(projectPath, config);
  const awsExportsPath = path.join(sourceDir, constants.exportsFilename);
  const amplifyConfigurationPath = path.join(sourceDir, constants.amplifyConfigurationFilename);
  const generated = createAwsExportsObject(outputs);
  const cloudGenerated = cloud ? createAwsExportsObject(cloud) : generated;
  const legacy = withCustomKeys(generated, readExistingAwsExports(awsExportsPath), cloudGenerated, RESERVED_AWS_EXPORTS_KEYS);
  const endpoint = outputs.localCloudEndpoint;
  const merged = endpoint ? localResourcesConfig(legacy, endpoint) : legacy;
  const bucket = legacy.aws_user_files_s3_bucket;
  const region = legacy.aws_user_files_s3_bucket_region;
  const storageRoute = endpoint && typeof bucket === 'string' && typeof region === 'string' ? { bucket, region, endpoint } : undefined;
  writeFileAtomic(awsExportsPath, renderAwsExports(merged, storageRoute));
  writeFileAtomic(amplifyConfigurationPath, renderAmplifyConfigurationJson(merged));
  return { awsExportsPath, amplifyConfigurationPath, config: merged };
}

/** Removes the generated files (`amplify delete`); files that are already gone are fine. */
export function deleteJavascriptConfigFiles(projectPath: string, config: JavascriptFrontendConfig): string[] {
  return deleteConfigFiles(sourceDirOf(projectPath, config), [constants.exportsFilename, constants.amplifyConfigurationFilename]);
}
