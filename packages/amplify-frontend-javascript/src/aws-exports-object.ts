import {
  appSyncDefaultAuthMode,
  enabledChannel,
  FrontendResource,
  FrontendResources,
  hostedUiDomain,
  JsonObject,
  oauthMetadata,
  outputString,
  sharedPinpointApp,
} from 'amplify-frontend-support';

/** The object exported by `aws-exports.js`. Keys whose value is undefined are left out when the file is written. */
export type AwsExports = JsonObject;

const SOCIAL_CLIENT_OUTPUTS = ['GoogleWebClient', 'FacebookWebClient', 'AmazonWebClient', 'AppleWebClient'];

function cognitoKeys(resources: FrontendResource[], region: string): AwsExports {
  // One auth resource per project: the original takes the first too.
  const cognito = resources[0];
  const oauth = oauthMetadata(cognito);
  const oauthKeys: JsonObject = { domain: hostedUiDomain(cognito, region) };
  if (oauth) {
    const [flow] = oauth.AllowedOAuthFlows ?? [];
    oauthKeys.scope = oauth.AllowedOAuthScopes;
    oauthKeys.redirectSignIn = (oauth.CallbackURLs ?? []).join(',');
    oauthKeys.redirectSignOut = (oauth.LogoutURLs ?? []).join(',');
    // Cognito calls the implicit grant "implicit"; the client libraries call the response type "token".
    oauthKeys.responseType = flow === 'implicit' ? 'token' : flow;
  }
  const userPoolFederation = oauth !== undefined;
  const identityPoolFederation = SOCIAL_CLIENT_OUTPUTS.some((key) => outputString(cognito, key) !== undefined);
  let federationTarget: string | undefined;
  if (userPoolFederation) {
    federationTarget = identityPoolFederation ? 'COGNITO_USER_AND_IDENTITY_POOLS' : 'COGNITO_USER_POOLS';
  } else if (identityPoolFederation) {
    federationTarget = 'COGNITO_IDENTITY_POOLS';
  }
  const keys: AwsExports = {
    aws_cognito_identity_pool_id: outputString(cognito, 'IdentityPoolId'),
    aws_cognito_region: region,
    aws_user_pools_id: outputString(cognito, 'UserPoolId'),
    aws_user_pools_web_client_id: outputString(cognito, 'AppClientIDWeb'),
    oauth: oauthKeys,
    federationTarget,
  };
  const auth = cognito.frontendAuthConfig;
  if (auth) {
    keys.aws_cognito_username_attributes = auth.usernameAttributes;
    keys.aws_cognito_social_providers = auth.socialProviders;
    keys.aws_cognito_signup_attributes = auth.signupAttributes;
    keys.aws_cognito_mfa_configuration = auth.mfaConfiguration;
    keys.aws_cognito_mfa_types = auth.mfaTypes;
    keys.aws_cognito_password_protection_settings = auth.passwordProtectionSettings;
    keys.aws_cognito_verification_mechanisms = auth.verificationMechanisms;
  }
  return keys;
}

function s3Keys(resources: FrontendResource[], region: string): AwsExports {
  const bucket = resources[0];
  const keys: AwsExports = {
    aws_user_files_s3_bucket: outputString(bucket, 'BucketName'),
    aws_user_files_s3_bucket_region: outputString(bucket, 'Region') ?? region,
  };
  if (bucket.testMode) {
    keys.aws_user_files_s3_dangerously_connect_to_http_endpoint_for_testing = true;
  }
  return keys;
}

function appSyncKeys(resources: FrontendResource[], region: string): AwsExports {
  const api = resources[0];
  const keys: AwsExports = {
    aws_appsync_graphqlEndpoint: outputString(api, 'GraphQLAPIEndpointOutput'),
    aws_appsync_region: region,
    aws_appsync_authenticationType: appSyncDefaultAuthMode(api) ?? '',
    aws_appsync_apiKey: outputString(api, 'GraphQLAPIKeyOutput'),
  };
  if (api.testMode) {
    keys.aws_appsync_dangerously_connect_to_http_endpoint_for_testing = true;
  }
  return keys;
}

function restApiEntries(resources: FrontendResource[], region: string): JsonObject[] {
  // Only REST APIs carry both outputs; a container API without a REST front has neither.
  return resources.flatMap((api) => {
    const name = outputString(api, 'ApiName');
    const endpoint = outputString(api, 'RootUrl');
    return name !== undefined && endpoint !== undefined ? [{ name, endpoint, region }] : [];
  });
}

/** Pinpoint channels stored in a notifications resource's output, and the aws-exports key each maps to. */
const NOTIFICATION_CHANNELS: ReadonlyArray<readonly [string, string]> = [
  ['APNS', 'Push'],
  ['FCM', 'Push'],
  ['InAppMessaging', 'InAppMessaging'],
  ['Email', 'Email'],
  ['SMS', 'SMS'],
];

function pinpointKeys(resources: FrontendResource[], region: string): AwsExports {
  const { appId, region: appRegion } = sharedPinpointApp(resources, region);
  const pinpoint = { AWSPinpoint: { appId, region: appRegion } };
  const keys: AwsExports = {
    aws_mobile_analytics_app_id: appId,
    aws_mobile_analytics_app_region: appRegion,
    Analytics: pinpoint,
  };
  const notifications: JsonObject = {};
  for (const [channel, key] of NOTIFICATION_CHANNELS) {
    if (resources.some((resource) => enabledChannel(resource, channel) !== undefined)) {
      notifications[key] = pinpoint;
    }
  }
  if (Object.keys(notifications).length > 0) {
    keys.Notifications = notifications;
  }
  return keys;
}

function dynamoDbKeys(resources: FrontendResource[], region: string): AwsExports {
  return {
    aws_dynamodb_all_tables_region: region,
    aws_dynamodb_table_schemas: resources.map((table) => ({
      tableName: outputString(table, 'Name'),
      region: outputString(table, 'Region') ?? region,
    })),
  };
}

function hostingKeys(resources: FrontendResource[], region: string): AwsExports {
  const hosting = resources[0];
  return {
    aws_content_delivery_bucket: outputString(hosting, 'HostingBucketName'),
    aws_content_delivery_bucket_region: outputString(hosting, 'Region') ?? region,
    aws_content_delivery_url: outputString(hosting, 'CloudFrontSecureURL') ?? outputString(hosting, 'WebsiteURL'),
  };
}

/** The original's bot entries; bots deployed on Lex V2 also carry the ids a Lex V2 client needs. */
function lexKeys(resources: FrontendResource[], region: string): AwsExports {
  return {
    aws_bots: 'enable',
    aws_bots_config: resources.map((bot) => {
      const v2 = { botId: outputString(bot, 'BotId'), aliasId: outputString(bot, 'BotAliasId'), localeId: outputString(bot, 'BotLocaleId') };
      return {
        name: outputString(bot, 'BotName'),
        alias: '$LATEST',
        region: outputString(bot, 'Region') ?? region,
        ...(v2.botId !== undefined && v2.aliasId !== undefined && v2.localeId !== undefined ? v2 : {}),
      };
    }),
  };
}

/**
 * Builds the `aws-exports.js` object from pushed resources (the original's keys and values). Services without
 * client keys (Lambda, Kinesis, ...) contribute nothing.
 */
export function createAwsExportsObject(resources: FrontendResources): AwsExports {
  const region = resources.metadata.Region;
  const config: AwsExports = { aws_project_region: region };
  for (const [service, list] of Object.entries(resources.serviceResourceMapping)) {
    if (list.length === 0) {
      continue;
    }
    switch (service) {
      case 'Cognito':
        Object.assign(config, cognitoKeys(list, region));
        break;
      case 'S3':
        Object.assign(config, s3Keys(list, region));
        break;
      case 'AppSync':
        Object.assign(config, appSyncKeys(list, region));
        break;
      case 'API Gateway':
      case 'ElasticContainer': {
        const previous = Array.isArray(config.aws_cloud_logic_custom) ? config.aws_cloud_logic_custom : [];
        config.aws_cloud_logic_custom = [...previous, ...restApiEntries(list, region)];
        break;
      }
      case 'Pinpoint':
        Object.assign(config, pinpointKeys(list, region));
        break;
      case 'DynamoDB':
        Object.assign(config, dynamoDbKeys(list, region));
        break;
      case 'S3AndCloudFront':
        Object.assign(config, hostingKeys(list, region));
        break;
      case 'Lex':
        Object.assign(config, lexKeys(list, region));
        break;
      default:
        break;
    }
  }
  return config;
}
