import { JsonObject } from './json-value';

/** Top-level blocks the CLI owns in `awsconfiguration.json`; they are recomputed, never carried over. */
export const RESERVED_AWS_CONFIGURATION_KEYS: ReadonlySet<string> = new Set([
  'UserAgent',
  'Version',
  'IdentityManager',
  'DangerouslyConnectToHTTPEndpointForTesting',
  'CredentialsProvider',
  'CognitoUserPool',
  'GoogleSignIn',
  'FacebookSignIn',
  'Auth',
  'S3TransferUtility',
  'PinpointAnalytics',
  'PinpointTargeting',
  'DynamoDBObjectMapper',
  'AppSync',
  'Lex',
  'Sumerian',
]);

/**
 * Adds to `generated` the top-level keys a user wrote by hand into the existing config file: those the CLI does not
 * own (`reserved`) and the deployed (cloud) outputs do not produce. Owned keys are always recomputed, so a removed
 * resource also removes its keys.
 */
export function withCustomKeys(
  generated: JsonObject,
  existing: JsonObject | undefined,
  cloudGenerated: JsonObject,
  reserved: ReadonlySet<string>,
): JsonObject {
  const merged: JsonObject = { ...generated };
  for (const [key, value] of Object.entries(existing ?? {})) {
    if (!reserved.has(key) && cloudGenerated[key] === undefined && value !== undefined) {
      merged[key] = value;
    }
  }
  return merged;
}
