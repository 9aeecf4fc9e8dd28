import { FrontendResource, FrontendResources, outputString } from './frontend-resources';
import { JsonObject } from './json-value';
import { appSyncAdditionalAuthModes, appSyncDefaultAuthMode, hostedUiDomain, oauthMetadata, sharedPinpointApp } from './output-readers';

/** `awsconfiguration.json`: the legacy AWS Mobile SDK configuration of android and iOS apps. */
export type AwsConfiguration = JsonObject;

export type NativePlatform = 'android' | 'ios';

function cognitoBlocks(cognito: FrontendResource, region: string, platform: NativePlatform): AwsConfiguration {
  const blocks: AwsConfiguration = {};
  const identityPoolId = outputString(cognito, 'IdentityPoolId');
  if (identityPoolId !== undefined) {
    blocks.CredentialsProvider = { CognitoIdentity: { Default: { PoolId: identityPoolId, Region: region } } };
  }
  const userPoolId = outputString(cognito, 'UserPoolId');
  // Native apps use the app client with a secret; the web client (AppClientIDWeb) is for browsers.
  const appClientId = outputString(cognito, 'AppClientID');
  const appClientSecret = outputString(cognito, 'AppClientSecret');
  if (userPoolId !== undefined) {
    blocks.CognitoUserPool = {
      Default: { PoolId: userPoolId, AppClientId: appClientId, AppClientSecret: appClientSecret, Region: region },
    };
  }
  const googleWeb = outputString(cognito, 'GoogleWebClient');
  const googleIos = platform === 'ios' ? outputString(cognito, 'GoogleIOSClient') : undefined;
  if (googleWeb !== undefined || googleIos !== undefined) {
    blocks.GoogleSignIn = { Permissions: 'email,profile,openid', 'ClientId-WebApp': googleWeb, 'ClientId-iOS': googleIos };
  }
  const facebook = outputString(cognito, 'FacebookWebClient');
  if (facebook !== undefined) {
    blocks.FacebookSignIn = { AppId: facebook, Permissions: 'public_profile' };
  }

  const authDefault: JsonObject = {};
  const oauth = oauthMetadata(cognito);
  if (oauth) {
    authDefault.OAuth = {
      WebDomain: hostedUiDomain(cognito, region),
      AppClientId: appClientId,
      AppClientSecret: appClientSecret,
      SignInRedirectURI: (oauth.CallbackURLs ?? []).join(','),
      SignOutRedirectURI: (oauth.LogoutURLs ?? []).join(','),
      Scopes: oauth.AllowedOAuthScopes,
    };
  }
  authDefault.authenticationFlowType = cognito.customAuth ? 'CUSTOM_AUTH' : 'USER_SRP_AUTH';
  const auth = cognito.frontendAuthConfig;
  if (auth) {
    authDefault.socialProviders = auth.socialProviders;
    authDefault.usernameAttributes = auth.usernameAttributes;
    authDefault.signupAttributes = auth.signupAttributes;
    authDefault.passwordProtectionSettings = auth.passwordProtectionSettings;
    authDefault.mfaConfiguration = auth.mfaConfiguration;
    authDefault.mfaTypes = auth.mfaTypes;
    authDefault.verificationMechanisms = auth.verificationMechanisms;
  }
  blocks.Auth = { Default: authDefault };
  return blocks;
}

function appSyncBlock(api: FrontendResource, region: string): AwsConfiguration {
  const endpoint = outputString(api, 'GraphQLAPIEndpointOutput');
  const apiKey = outputString(api, 'GraphQLAPIKeyOutput');
  const entry = (mode: string | undefined, prefix: string): JsonObject => ({
    ApiUrl: endpoint,
    Region: region,
    AuthMode: mode,
    // The key is only meaningful (and only shipped) for the API_KEY mode.
    ApiKey: mode === 'API_KEY' ? apiKey : undefined,
    ClientDatabasePrefix: prefix,
  });
  const defaultMode = appSyncDefaultAuthMode(api);
  const appSync: JsonObject = { Default: entry(defaultMode, `${api.resourceName}_${defaultMode}`) };
  for (const mode of appSyncAdditionalAuthModes(api)) {
    const name = `${api.resourceName}_${mode}`;
    appSync[name] = entry(mode, name);
  }
  return { AppSync: appSync };
}

/**
 * Builds `awsconfiguration.json` from pushed resources. Blocks appear only for services present; REST APIs, hosting
 * and functions have no key in this file.
 */
export function createAwsConfiguration(resources: FrontendResources, platform: NativePlatform): AwsConfiguration {
  const region = resources.metadata.Region;
  const config: AwsConfiguration = {
    UserAgent: 'aws-amplify-cli/0.1.0',
    Version: '0.1.0',
    IdentityManager: { Default: {} },
  };
  if (resources.testMode) {
    config.DangerouslyConnectToHTTPEndpointForTesting = true;
  }
  for (const [service, list] of Object.entries(resources.serviceResourceMapping)) {
    const first = list[0];
    if (first === undefined) {
      continue;
    }
    switch (service) {
      case 'Cognito':
        Object.assign(config, cognitoBlocks(first, region, platform));
        break;
      case 'S3': {
        const transfer: JsonObject = { Bucket: outputString(first, 'BucketName'), Region: outputString(first, 'Region') ?? region };
        if (first.testMode) {
          transfer.DangerouslyConnectToHTTPEndpointForTesting = true;
        }
        config.S3TransferUtility = { Default: transfer };
        break;
      }
      case 'Pinpoint': {
        const { appId, region: appRegion } = sharedPinpointApp(list, region);
        config.PinpointAnalytics = { Default: { AppId: appId, Region: appRegion } };
        config.PinpointTargeting = { Default: { Region: appRegion } };
        break;
      }
      case 'DynamoDB':
        config.DynamoDBObjectMapper = { Default: { Region: region } };
        break;
      case 'AppSync':
        Object.assign(config, appSyncBlock(first, region));
        break;
      case 'Lex': {
        const bots: JsonObject = {};
        for (const bot of list) {
          const name = outputString(bot, 'BotName');
          if (name !== undefined) {
            bots[name] = { Name: name, Alias: '$LATEST', Region: outputString(bot, 'Region') ?? region };
          }
        }
        config.Lex = bots;
        break;
      }
      default:
        break;
    }
  }
  return config;
}
