import { pushedResources } from 'amplify-test-support';
import { createAmplifyConfiguration } from '../amplify-configuration';
import { createAwsConfiguration } from '../aws-configuration';
import { RESERVED_AWS_CONFIGURATION_KEYS, withCustomKeys } from '../custom-keys';
import { FrontendResources } from '../frontend-resources';

function asWritten(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value));
}

const expectedAwsConfiguration = {
  UserAgent: 'aws-amplify-cli/0.1.0',
  Version: '0.1.0',
  IdentityManager: { Default: {} },
  CredentialsProvider: {
    CognitoIdentity: { Default: { PoolId: 'eu-west-1:11111111-2222-3333-4444-555555555555', Region: 'eu-west-1' } },
  },
  CognitoUserPool: {
    Default: { PoolId: 'eu-west-1_AbCdEf123', AppClientId: 'nativeclient1234567890ab', AppClientSecret: 'nativesecret', Region: 'eu-west-1' },
  },
  GoogleSignIn: { Permissions: 'email,profile,openid', 'ClientId-WebApp': 'google-web-client-id' },
  Auth: {
    Default: {
      OAuth: {
        WebDomain: 'myapp-dev.auth.eu-west-1.amazoncognito.com',
        AppClientId: 'nativeclient1234567890ab',
        AppClientSecret: 'nativesecret',
        SignInRedirectURI: 'http://localhost:3000/,https://app.example.com/',
        SignOutRedirectURI: 'http://localhost:3000/',
        Scopes: ['phone', 'email', 'openid', 'profile', 'aws.cognito.signin.user.admin'],
      },
      authenticationFlowType: 'USER_SRP_AUTH',
      socialProviders: ['GOOGLE'],
      usernameAttributes: ['EMAIL'],
      signupAttributes: ['EMAIL'],
      passwordProtectionSettings: { passwordPolicyMinLength: 8, passwordPolicyCharacters: ['REQUIRES_LOWERCASE'] },
      mfaConfiguration: 'OPTIONAL',
      mfaTypes: ['SMS', 'TOTP'],
      verificationMechanisms: ['EMAIL'],
    },
  },
  S3TransferUtility: { Default: { Bucket: 'myapp-photos123-dev', Region: 'eu-west-1' } },
  AppSync: {
    Default: {
      ApiUrl: 'https://abcdefghijklmnopqrstuvwxyz.appsync-api.eu-west-1.amazonaws.com/graphql',
      Region: 'eu-west-1',
      AuthMode: 'API_KEY',
      ApiKey: 'da2-abcdefghijklmnopqrstuvwxyz',
      ClientDatabasePrefix: 'myappapi_API_KEY',
    },
    myappapi_AMAZON_COGNITO_USER_POOLS: {
      ApiUrl: 'https://abcdefghijklmnopqrstuvwxyz.appsync-api.eu-west-1.amazonaws.com/graphql',
      Region: 'eu-west-1',
      AuthMode: 'AMAZON_COGNITO_USER_POOLS',
      ClientDatabasePrefix: 'myappapi_AMAZON_COGNITO_USER_POOLS',
    },
  },
  PinpointAnalytics: { Default: { AppId: '0123456789abcdef0123456789abcdef', Region: 'eu-west-1' } },
  PinpointTargeting: { Default: { Region: 'eu-west-1' } },
};

describe('createAwsConfiguration', () => {
  it('maps auth, storage, api, analytics and function outputs for android', () => {
    expect(asWritten(createAwsConfiguration(pushedResources, 'android'))).toEqual(expectedAwsConfiguration);
  });

  it('adds the iOS Google client on iOS only', () => {
    const withIos: FrontendResources = {
      metadata: { Region: 'us-east-1' },
      serviceResourceMapping: {
        Cognito: [{ service: 'Cognito', resourceName: 'a', customAuth: true, output: { GoogleWebClient: 'web', GoogleIOSClient: 'ios' } }],
      },
    };
    expect(createAwsConfiguration(withIos, 'ios').GoogleSignIn).toEqual({
      Permissions: 'email,profile,openid',
      'ClientId-WebApp': 'web',
      'ClientId-iOS': 'ios',
    });
    expect(asWritten(createAwsConfiguration(withIos, 'android').GoogleSignIn)).toEqual({
      Permissions: 'email,profile,openid',
      'ClientId-WebApp': 'web',
    });
    expect(createAwsConfiguration(withIos, 'ios').Auth).toEqual({ Default: { authenticationFlowType: 'CUSTOM_AUTH' } });
  });

  it('maps DynamoDB, Lex and test mode', () => {
    const resources: FrontendResources = {
      metadata: { Region: 'us-east-1' },
      testMode: true,
      serviceResourceMapping: {
        DynamoDB: [{ service: 'DynamoDB', resourceName: 't', output: { Name: 'todos-dev', Region: 'us-east-1' } }],
        Lex: [{ service: 'Lex', resourceName: 'b', output: { BotName: 'Bot_dev', Region: 'us-east-1' } }],
      },
    };
    expect(createAwsConfiguration(resources, 'android')).toEqual({
      UserAgent: 'aws-amplify-cli/0.1.0',
      Version: '0.1.0',
      IdentityManager: { Default: {} },
      DangerouslyConnectToHTTPEndpointForTesting: true,
      DynamoDBObjectMapper: { Default: { Region: 'us-east-1' } },
      Lex: { Bot_dev: { Name: 'Bot_dev', Alias: '$LATEST', Region: 'us-east-1' } },
    });
  });
});

describe('createAmplifyConfiguration', () => {
  it('builds every plugin block, with the whole awsconfiguration under the auth plugin', () => {
    const aws = createAwsConfiguration(pushedResources, 'android');
    expect(asWritten(createAmplifyConfiguration(pushedResources, aws, 'android'))).toEqual({
      UserAgent: 'aws-amplify-cli/2.0',
      Version: '1.0',
      analytics: {
        plugins: {
          awsPinpointAnalyticsPlugin: {
            pinpointAnalytics: { appId: '0123456789abcdef0123456789abcdef', region: 'eu-west-1' },
            pinpointTargeting: { region: 'eu-west-1' },
          },
        },
      },
      api: {
        plugins: {
          awsAPIPlugin: {
            myappapi: {
              endpointType: 'GraphQL',
              endpoint: 'https://abcdefghijklmnopqrstuvwxyz.appsync-api.eu-west-1.amazonaws.com/graphql',
              region: 'eu-west-1',
              authorizationType: 'API_KEY',
              apiKey: 'da2-abcdefghijklmnopqrstuvwxyz',
            },
            myrest: {
              endpointType: 'REST',
              endpoint: 'https://a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com/dev',
              region: 'eu-west-1',
              authorizationType: 'AWS_IAM',
            },
          },
        },
      },
      auth: { plugins: { awsCognitoAuthPlugin: expectedAwsConfiguration } },
      storage: { plugins: { awsS3StoragePlugin: { bucket: 'myapp-photos123-dev', region: 'eu-west-1', defaultAccessLevel: 'guest' } } },
    });
  });

  it('keeps the user top-level keys and a protected or private default access level, recomputes the rest', () => {
    const existing = {
      UserAgent: 'old',
      geo: { plugins: { awsLocationGeoPlugin: { region: 'eu-west-1' } } },
      analytics: { plugins: { stale: {} } },
      storage: { plugins: { awsS3StoragePlugin: { bucket: 'old', region: 'x', defaultAccessLevel: 'private' } } },
    };
    const config = createAmplifyConfiguration(pushedResources, {}, 'android', existing);
    expect(config.geo).toEqual(existing.geo);
    expect(config.UserAgent).toBe('aws-amplify-cli/2.0');
    expect(config.storage).toEqual({
      plugins: { awsS3StoragePlugin: { bucket: 'myapp-photos123-dev', region: 'eu-west-1', defaultAccessLevel: 'private' } },
    });
    expect(config.analytics).not.toEqual(existing.analytics);
    const publicLevel = { storage: { plugins: { awsS3StoragePlugin: { defaultAccessLevel: 'public' } } } };
    expect(createAmplifyConfiguration(pushedResources, {}, 'ios', publicLevel).storage).toMatchObject({
      plugins: { awsS3StoragePlugin: { defaultAccessLevel: 'guest' } },
    });
  });

  it('maps notification channels per platform and DynamoDB outputs in lower camel case', () => {
    const resources: FrontendResources = {
      metadata: { Region: 'us-east-1' },
      serviceResourceMapping: {
        Pinpoint: [
          {
            service: 'Pinpoint',
            resourceName: 'n',
            output: {
              Id: 'app1',
              Region: 'us-east-1',
              FCM: { Enabled: true, ApplicationId: 'app1' },
              APNS: { Enabled: true, ApplicationId: 'app1' },
              SMS: { Enabled: true, ApplicationId: 'app1' },
              Email: { Enabled: false },
            },
          },
        ],
        DynamoDB: [{ service: 'DynamoDB', resourceName: 't', output: { Name: 'todos-dev', PartitionKeyName: 'id', Region: 'us-east-1' } }],
      },
    };
    const android = createAmplifyConfiguration(resources, {}, 'android');
    expect(android.notifications).toEqual({
      plugins: {
        awsPinpointSmsNotificationsPlugin: { appId: 'app1', region: 'us-east-1' },
        awsPinpointPushNotificationsPlugin: { appId: 'app1', region: 'us-east-1' },
      },
    });
    expect(android.storage).toEqual({
      plugins: { awsDynamoDbStoragePlugin: { name: 'todos-dev', partitionKeyName: 'id', region: 'us-east-1' } },
    });
    const withoutApns: FrontendResources = {
      metadata: resources.metadata,
      serviceResourceMapping: { Pinpoint: [{ service: 'Pinpoint', resourceName: 'n', output: { Id: 'a', FCM: { Enabled: true } } }] },
    };
    expect(createAmplifyConfiguration(withoutApns, {}, 'ios').notifications).toBeUndefined();
  });
});

describe('withCustomKeys (awsconfiguration.json)', () => {
  it('keeps hand-written blocks and drops owned blocks of removed services', () => {
    const existing = { UserAgent: 'x', S3TransferUtility: { Default: {} }, MyCustom: { Default: { a: 1 } } };
    expect(withCustomKeys({ UserAgent: 'aws-amplify-cli/0.1.0' }, existing, {}, RESERVED_AWS_CONFIGURATION_KEYS)).toEqual({
      UserAgent: 'aws-amplify-cli/0.1.0',
      MyCustom: { Default: { a: 1 } },
    });
  });
});
