import { AwsExports } from './aws-exports-object';

/**
 * Keys the CLI owns in `aws-exports.js`. They are always recomputed from the outputs, never carried over from the
 * old file, so a removed resource also removes its keys. The two "dangerously connect" keys belong to local mocking.
 */
export const RESERVED_AWS_EXPORTS_KEYS: ReadonlySet<string> = new Set([
  'aws_project_region',
  'aws_cognito_identity_pool_id',
  'aws_cognito_region',
  'aws_user_pools_id',
  'aws_user_pools_web_client_id',
  'oauth',
  'federationTarget',
  'aws_cognito_username_attributes',
  'aws_cognito_social_providers',
  'aws_cognito_signup_attributes',
  'aws_cognito_mfa_configuration',
  'aws_cognito_mfa_types',
  'aws_cognito_password_protection_settings',
  'aws_cognito_verification_mechanisms',
  'aws_user_files_s3_bucket',
  'aws_user_files_s3_bucket_region',
  'aws_user_files_s3_dangerously_connect_to_http_endpoint_for_testing',
  'aws_appsync_graphqlEndpoint',
  'aws_appsync_region',
  'aws_appsync_authenticationType',
  'aws_appsync_apiKey',
  'aws_appsync_dangerously_connect_to_http_endpoint_for_testing',
  'aws_cloud_logic_custom',
  'aws_mobile_analytics_app_id',
  'aws_mobile_analytics_app_region',
  'Analytics',
  'Notifications',
  'aws_dynamodb_all_tables_region',
  'aws_dynamodb_table_schemas',
  'aws_content_delivery_bucket',
  'aws_content_delivery_bucket_region',
  'aws_content_delivery_url',
  'aws_bots',
  'aws_bots_config',
  'XR',
  'predictions',
  'geo',
]);

/**
 * Adds to `generated` the keys a user wrote by hand into the existing file. A key counts as the user's when the CLI
 * does not own it and the deployed (cloud) outputs do not produce it either.
 */
export function withCustomKeys(
  generated: AwsExports,
  existing: AwsExports | undefined,
  cloudGenerated: AwsExports,
  reserved: ReadonlySet<string> = RESERVED_AWS_EXPORTS_KEYS,
): AwsExports {
  const merged: AwsExports = { ...generated };
  for (const [key, value] of Object.entries(existing ?? {})) {
    if (!reserved.has(key) && cloudGenerated[key] === undefined && value !== undefined) {
      merged[key] = value;
    }
  }
  return merged;
}
