import { isJsonObject, JsonObject, JsonValue } from 'amplify-frontend-support';
import { AwsExports } from './aws-exports-object';

/** aws-exports' AppSync auth types and the names aws-amplify 6 gives them. */
const AUTH_MODES: Record<string, string> = {
  API_KEY: 'apiKey',
  AWS_IAM: 'iam',
  AMAZON_COGNITO_USER_POOLS: 'userPool',
  OPENID_CONNECT: 'oidc',
  AWS_LAMBDA: 'lambda',
};

/** Where the local cloud serves a deployed REST API stage (its wire contract, see amplify-local-cloud `restApiRootUrl`). */
const REST_API_PATH_PREFIX = '/_restapis/';

/** `https://<apiId>.execute-api.<region>.amazonaws.com/<stage>` as the local cloud serves it; other URLs unchanged. */
export function localRestApiUrl(rootUrl: string, endpoint: string): string {
  const match = /^https:\/\/([^./]+)\.execute-api\.[^/]+\/([^/]+)\/?$/.exec(rootUrl);
  return match ? `${endpoint}${REST_API_PATH_PREFIX}${match[1]}/${match[2]}` : rootUrl;
}

function strings(value: JsonValue | undefined): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

function text(value: JsonValue | undefined): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function authConfig(legacy: AwsExports, endpoint: string): JsonObject | undefined {
  const userPoolId = text(legacy.aws_user_pools_id);
  const identityPoolId = text(legacy.aws_cognito_identity_pool_id);
  if (!userPoolId && !identityPoolId) return undefined;
  const usernameAttributes = strings(legacy.aws_cognito_username_attributes);
  const email = usernameAttributes.includes('EMAIL');
  const phone = usernameAttributes.includes('PHONE_NUMBER');
  const cognito: JsonObject = {
    userPoolId,
    userPoolClientId: text(legacy.aws_user_pools_web_client_id),
    userPoolEndpoint: userPoolId ? endpoint : undefined,
    identityPoolId,
    identityPoolEndpoint: identityPoolId ? endpoint : undefined,
    allowGuestAccess: legacy.aws_mandatory_sign_in !== 'enable',
    loginWith: { username: !(email || phone), email, phone },
  };
  const attributes = [...new Set([...strings(legacy.aws_cognito_verification_mechanisms), ...strings(legacy.aws_cognito_signup_attributes)])];
  if (attributes.length > 0) {
    // The CLI lists only required attributes.
    cognito.userAttributes = Object.fromEntries(attributes.map((name) => [name.toLowerCase(), { required: true }]));
  }
  const mfa = text(legacy.aws_cognito_mfa_configuration);
  if (mfa) {
    const types = strings(legacy.aws_cognito_mfa_types);
    cognito.mfa = { status: mfa.toLowerCase(), totpEnabled: types.includes('TOTP'), smsEnabled: types.includes('SMS') };
  }
  const password = legacy.aws_cognito_password_protection_settings;
  if (isJsonObject(password)) {
    const characters = strings(password.passwordPolicyCharacters);
    cognito.passwordFormat = {
      minLength: password.passwordPolicyMinLength,
      requireLowercase: characters.includes('REQUIRES_LOWERCASE'),
      requireUppercase: characters.includes('REQUIRES_UPPERCASE'),
      requireNumbers: characters.includes('REQUIRES_NUMBERS'),
      requireSpecialCharacters: characters.includes('REQUIRES_SYMBOLS'),
    };
  }
  return { Cognito: cognito };
}

function apiConfig(legacy: AwsExports, endpoint: string): JsonObject | undefined {
  const api: JsonObject = {};
  const graphqlEndpoint = text(legacy.aws_appsync_graphqlEndpoint);
  if (graphqlEndpoint) {
    api.GraphQL = {
      endpoint: graphqlEndpoint,
      region: legacy.aws_appsync_region,
      defaultAuthMode: AUTH_MODES[String(legacy.aws_appsync_authenticationType)] ?? 'iam',
      apiKey: legacy.aws_appsync_apiKey,
    };
  }
  const restApis = Array.isArray(legacy.aws_cloud_logic_custom) ? legacy.aws_cloud_logic_custom.filter(isJsonObject) : [];
  if (restApis.length > 0) {
    api.REST = Object.fromEntries(
      restApis.map((rest) => [String(rest.name), { endpoint: localRestApiUrl(String(rest.endpoint), endpoint), region: rest.region }]),
    );
  }
  return Object.keys(api).length > 0 ? api : undefined;
}

function storageConfig(legacy: AwsExports): JsonObject | undefined {
  const bucket = text(legacy.aws_user_files_s3_bucket);
  return bucket ? { S3: { bucket, region: legacy.aws_user_files_s3_bucket_region } } : undefined;
}

/** aws-exports' channel keys and aws-amplify 6's; Email and SMS have no client setting in v6. */
const NOTIFICATION_CHANNELS: ReadonlyArray<readonly [string, string]> = [
  ['InAppMessaging', 'InAppMessaging'],
  ['Push', 'PushNotification'],
];

function notificationsConfig(legacy: AwsExports): JsonObject | undefined {
  const channels = isJsonObject(legacy.Notifications) ? legacy.Notifications : {};
  const config: JsonObject = {};
  for (const [legacyKey, key] of NOTIFICATION_CHANNELS) {
    const channel = channels[legacyKey];
    if (isJsonObject(channel) && isJsonObject(channel.AWSPinpoint)) config[key] = { Pinpoint: channel.AWSPinpoint };
  }
  return Object.keys(config).length > 0 ? config : undefined;
}

/**
 * The config of an env on the local cloud, in aws-amplify 6's `ResourcesConfig` shape: only that shape has the
 * Cognito endpoint settings, and `Amplify.configure` reads an object holding any `aws_*` key as the legacy shape,
 * ignoring the rest. So no `aws_*` key is left: keys the local cloud does not serve (DynamoDB table list, hosting)
 * have no v6 home and are dropped, as aws-amplify itself drops them. Keys a user added by hand are kept.
 * Storage is written as on AWS: aws-amplify 6 has no S3 endpoint setting, so aws-exports.js routes the bucket's
 * requests instead (see storage-route/).
 */
export function localResourcesConfig(legacy: AwsExports, endpoint: string): AwsExports {
  const custom = Object.fromEntries(Object.entries(legacy).filter(([key]) => !key.startsWith('aws_') && !['oauth', 'federationTarget'].includes(key)));
  const config: AwsExports = { ...custom };
  const auth = authConfig(legacy, endpoint);
  if (auth) config.Auth = auth;
  const api = apiConfig(legacy, endpoint);
  if (api) config.API = api;
  const storage = storageConfig(legacy);
  if (storage) config.Storage = storage;
  if (text(legacy.aws_mobile_analytics_app_id)) {
    config.Analytics = { Pinpoint: { appId: legacy.aws_mobile_analytics_app_id, region: legacy.aws_mobile_analytics_app_region } };
  }
  delete config.Notifications;
  const notifications = notificationsConfig(legacy);
  if (notifications) config.Notifications = notifications;
  return config;
}
