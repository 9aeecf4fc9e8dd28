import { AwsConfiguration, NativePlatform } from './aws-configuration';
import { FrontendResource, FrontendResources, outputString } from './frontend-resources';
import { isJsonObject, JsonObject } from './json-value';
import { appSyncDefaultAuthMode, enabledChannel } from './output-readers';

/** `amplifyconfiguration.json` of the Amplify Android and Amplify Swift libraries. */
export type AmplifyConfiguration = JsonObject;

/** Top-level keys the CLI owns; any other key of an existing file is the user's and is kept. */
export const MANAGED_AMPLIFY_CONFIGURATION_KEYS: ReadonlySet<string> = new Set([
  'UserAgent',
  'Version',
  'analytics',
  'notifications',
  'api',
  'auth',
  'storage',
]);

/** Pinpoint channel in a notifications output → the library plugin that uses it. Push is FCM on android, APNS on iOS. */
function notificationPlugins(platform: NativePlatform): ReadonlyArray<readonly [string, string]> {
  return [
    ['SMS', 'awsPinpointSmsNotificationsPlugin'],
    ['Email', 'awsPinpointEmailNotificationsPlugin'],
    [platform === 'android' ? 'FCM' : 'APNS', 'awsPinpointPushNotificationsPlugin'],
    ['InAppMessaging', 'awsPinpointInAppMessagingNotificationsPlugin'],
  ];
}

function channelApplicationId(resource: FrontendResource, channel: string): string | undefined {
  const settings = enabledChannel(resource, channel);
  if (settings === undefined) {
    return undefined;
  }
  return typeof settings.ApplicationId === 'string' ? settings.ApplicationId : outputString(resource, 'Id');
}

function apiEntry(api: FrontendResource, region: string): JsonObject | undefined {
  if (api.service === 'AppSync') {
    const entry: JsonObject = {
      endpointType: 'GraphQL',
      endpoint: outputString(api, 'GraphQLAPIEndpointOutput'),
      region,
      authorizationType: appSyncDefaultAuthMode(api),
    };
    const apiKey = outputString(api, 'GraphQLAPIKeyOutput');
    if (apiKey !== undefined) {
      entry.apiKey = apiKey;
    }
    return entry;
  }
  if (api.service === 'API Gateway') {
    return {
      endpointType: 'REST',
      endpoint: outputString(api, 'RootUrl'),
      region,
      authorizationType: api.authorizationType ?? 'AWS_IAM',
    };
  }
  return undefined;
}

/** The library's convention for DynamoDB settings: the stack's output names with a lower-case first letter. */
function lowerCamelOutputs(table: FrontendResource): JsonObject {
  const result: JsonObject = {};
  for (const [key, value] of Object.entries(table.output)) {
    if (key !== 'service' && (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')) {
      result[key.charAt(0).toLowerCase() + key.slice(1)] = value;
    }
  }
  return result;
}

const PRESERVED_ACCESS_LEVELS = new Set(['protected', 'private']);

/**
 * Builds `amplifyconfiguration.json` from pushed resources. `awsConfiguration` becomes the auth plugin's settings (the
 * libraries read the whole legacy object there). From `existing` it keeps the user's top-level keys and an S3
 * `defaultAccessLevel` of protected or private; everything the CLI owns is recomputed.
 */
export function createAmplifyConfiguration(
  resources: FrontendResources,
  awsConfiguration: AwsConfiguration,
  platform: NativePlatform,
  existing?: AmplifyConfiguration,
): AmplifyConfiguration {
  const region = resources.metadata.Region;
  const mapping = resources.serviceResourceMapping;
  const config: AmplifyConfiguration = { UserAgent: 'aws-amplify-cli/2.0', Version: '1.0' };

  const pinpoint = mapping.Pinpoint ?? [];
  const analyticsApp = pinpoint.find((r) => outputString(r, 'Id') !== undefined);
  if (analyticsApp) {
    const appRegion = outputString(analyticsApp, 'Region') ?? region;
    config.analytics = {
      plugins: {
        awsPinpointAnalyticsPlugin: {
          pinpointAnalytics: { appId: outputString(analyticsApp, 'Id'), region: appRegion },
          pinpointTargeting: { region: appRegion },
        },
      },
    };
  }
  const notifications: JsonObject = {};
  for (const [channel, plugin] of notificationPlugins(platform)) {
    for (const resource of pinpoint) {
      const appId = channelApplicationId(resource, channel);
      if (appId !== undefined) {
        notifications[plugin] = { appId, region: outputString(resource, 'Region') ?? region };
        break;
      }
    }
  }
  if (Object.keys(notifications).length > 0) {
    config.notifications = { plugins: notifications };
  }

  const apis: JsonObject = {};
  for (const api of [...(mapping.AppSync ?? []), ...(mapping['API Gateway'] ?? [])]) {
    const entry = apiEntry(api, region);
    if (entry) {
      apis[api.resourceName] = entry;
    }
  }
  if (Object.keys(apis).length > 0) {
    config.api = { plugins: { awsAPIPlugin: apis } };
  }

  if ((mapping.Cognito ?? []).length > 0) {
    config.auth = { plugins: { awsCognitoAuthPlugin: awsConfiguration } };
  }

  const storage: JsonObject = {};
  const bucket = (mapping.S3 ?? [])[0];
  if (bucket) {
    const previous = existing?.storage;
    const previousPlugins = isJsonObject(previous) && isJsonObject(previous.plugins) ? previous.plugins : undefined;
    const previousS3 = previousPlugins?.awsS3StoragePlugin;
    const previousLevel = isJsonObject(previousS3) ? previousS3.defaultAccessLevel : undefined;
    storage.awsS3StoragePlugin = {
      bucket: outputString(bucket, 'BucketName'),
      region: outputString(bucket, 'Region') ?? region,
      defaultAccessLevel:
        typeof previousLevel === 'string' && PRESERVED_ACCESS_LEVELS.has(previousLevel) ? previousLevel : 'guest',
    };
  }
  for (const table of mapping.DynamoDB ?? []) {
    storage.awsDynamoDbStoragePlugin = lowerCamelOutputs(table);
  }
  if (Object.keys(storage).length > 0) {
    config.storage = { plugins: storage };
  }

  for (const [key, value] of Object.entries(existing ?? {})) {
    if (!MANAGED_AMPLIFY_CONFIGURATION_KEYS.has(key)) {
      config[key] = value;
    }
  }
  return config;
}
