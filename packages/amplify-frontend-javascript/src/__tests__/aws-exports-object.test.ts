import type { FrontendResources } from 'amplify-frontend-support';
import { pushedResources } from 'amplify-test-support';
import { createAwsExportsObject } from '../aws-exports-object';

/** What JSON.stringify writes, i.e. what lands in the file (undefined values vanish). */
function asWritten(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value));
}

describe('createAwsExportsObject', () => {
  it('maps auth, storage, api, analytics and function outputs to every aws-exports key', () => {
    expect(asWritten(createAwsExportsObject(pushedResources))).toEqual({
      aws_project_region: 'eu-west-1',
      aws_cognito_identity_pool_id: 'eu-west-1:11111111-2222-3333-4444-555555555555',
      aws_cognito_region: 'eu-west-1',
      aws_user_pools_id: 'eu-west-1_AbCdEf123',
      aws_user_pools_web_client_id: 'webclient1234567890abcdef',
      oauth: {
        domain: 'myapp-dev.auth.eu-west-1.amazoncognito.com',
        scope: ['phone', 'email', 'openid', 'profile', 'aws.cognito.signin.user.admin'],
        redirectSignIn: 'http://localhost:3000/,https://app.example.com/',
        redirectSignOut: 'http://localhost:3000/',
        responseType: 'code',
      },
      federationTarget: 'COGNITO_USER_AND_IDENTITY_POOLS',
      aws_cognito_username_attributes: ['EMAIL'],
      aws_cognito_social_providers: ['GOOGLE'],
      aws_cognito_signup_attributes: ['EMAIL'],
      aws_cognito_mfa_configuration: 'OPTIONAL',
      aws_cognito_mfa_types: ['SMS', 'TOTP'],
      aws_cognito_password_protection_settings: { passwordPolicyMinLength: 8, passwordPolicyCharacters: ['REQUIRES_LOWERCASE'] },
      aws_cognito_verification_mechanisms: ['EMAIL'],
      aws_user_files_s3_bucket: 'myapp-photos123-dev',
      aws_user_files_s3_bucket_region: 'eu-west-1',
      aws_appsync_graphqlEndpoint: 'https://abcdefghijklmnopqrstuvwxyz.appsync-api.eu-west-1.amazonaws.com/graphql',
      aws_appsync_region: 'eu-west-1',
      aws_appsync_authenticationType: 'API_KEY',
      aws_appsync_apiKey: 'da2-abcdefghijklmnopqrstuvwxyz',
      aws_cloud_logic_custom: [
        { name: 'myrest', endpoint: 'https://a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com/dev', region: 'eu-west-1' },
      ],
      aws_mobile_analytics_app_id: '0123456789abcdef0123456789abcdef',
      aws_mobile_analytics_app_region: 'eu-west-1',
      Analytics: { AWSPinpoint: { appId: '0123456789abcdef0123456789abcdef', region: 'eu-west-1' } },
    });
  });

  it('writes only the project region when nothing is pushed', () => {
    expect(createAwsExportsObject({ metadata: { Region: 'us-east-1' }, serviceResourceMapping: {} })).toEqual({
      aws_project_region: 'us-east-1',
    });
  });

  it('keeps an empty oauth block and no federation target for a user pool without hosted UI', () => {
    const resources: FrontendResources = {
      metadata: { Region: 'us-east-1' },
      serviceResourceMapping: {
        Cognito: [{ service: 'Cognito', resourceName: 'a', output: { UserPoolId: 'us-east-1_x', AppClientIDWeb: 'w' } }],
      },
    };
    expect(asWritten(createAwsExportsObject(resources))).toEqual({
      aws_project_region: 'us-east-1',
      aws_cognito_region: 'us-east-1',
      aws_user_pools_id: 'us-east-1_x',
      aws_user_pools_web_client_id: 'w',
      oauth: {},
    });
  });

  it('calls the implicit grant "token", and social sign-in alone federates through the identity pool', () => {
    const implicit: FrontendResources = {
      metadata: { Region: 'us-east-1' },
      serviceResourceMapping: {
        Cognito: [
          {
            service: 'Cognito',
            resourceName: 'a',
            output: {
              OAuthMetadata: JSON.stringify({ AllowedOAuthFlows: ['implicit'], AllowedOAuthScopes: [], CallbackURLs: [], LogoutURLs: [] }),
            },
          },
        ],
      },
    };
    expect(createAwsExportsObject(implicit).oauth).toMatchObject({ responseType: 'token' });
    expect(createAwsExportsObject(implicit).federationTarget).toBe('COGNITO_USER_POOLS');
    const social: FrontendResources = {
      metadata: { Region: 'us-east-1' },
      serviceResourceMapping: { Cognito: [{ service: 'Cognito', resourceName: 'a', output: { FacebookWebClient: 'fb' } }] },
    };
    expect(createAwsExportsObject(social).federationTarget).toBe('COGNITO_IDENTITY_POOLS');
  });

  it('takes the legacy securityType, leaves the api key out when there is none, and lists every REST API', () => {
    const resources: FrontendResources = {
      metadata: { Region: 'us-east-2' },
      serviceResourceMapping: {
        AppSync: [
          { service: 'AppSync', resourceName: 'gql', output: { securityType: 'AWS_IAM', GraphQLAPIEndpointOutput: 'https://g/graphql' } },
        ],
        'API Gateway': [
          { service: 'API Gateway', resourceName: 'one', output: { ApiName: 'one', RootUrl: 'https://one' } },
          { service: 'API Gateway', resourceName: 'two', output: { ApiName: 'two', RootUrl: 'https://two' } },
        ],
      },
    };
    expect(asWritten(createAwsExportsObject(resources))).toEqual({
      aws_project_region: 'us-east-2',
      aws_appsync_graphqlEndpoint: 'https://g/graphql',
      aws_appsync_region: 'us-east-2',
      aws_appsync_authenticationType: 'AWS_IAM',
      aws_cloud_logic_custom: [
        { name: 'one', endpoint: 'https://one', region: 'us-east-2' },
        { name: 'two', endpoint: 'https://two', region: 'us-east-2' },
      ],
    });
  });

  it('maps DynamoDB tables, hosting, Lex bots and enabled notification channels', () => {
    const resources: FrontendResources = {
      metadata: { Region: 'us-west-2' },
      serviceResourceMapping: {
        DynamoDB: [
          { service: 'DynamoDB', resourceName: 't1', output: { Name: 'todos-dev', Region: 'us-west-2' } },
          { service: 'DynamoDB', resourceName: 't2', output: { Name: 'notes-dev', Region: 'us-west-2' } },
        ],
        S3AndCloudFront: [
          {
            service: 'S3AndCloudFront',
            resourceName: 'S3AndCloudFront',
            output: {
              HostingBucketName: 'site-dev',
              Region: 'us-west-2',
              WebsiteURL: 'http://site-dev.s3-website-us-west-2.amazonaws.com',
              CloudFrontSecureURL: 'https://d111.cloudfront.net',
            },
          },
        ],
        Lex: [{ service: 'Lex', resourceName: 'bot', output: { BotName: 'OrderFlowers_dev', Region: 'us-west-2' } }],
        Pinpoint: [
          {
            service: 'Pinpoint',
            resourceName: 'notify',
            output: {
              Id: 'app1',
              Region: 'us-west-2',
              FCM: { Enabled: true, ApplicationId: 'app1' },
              SMS: { Enabled: false },
              InAppMessaging: { Enabled: true },
            },
          },
        ],
      },
    };
    const pinpoint = { AWSPinpoint: { appId: 'app1', region: 'us-west-2' } };
    expect(asWritten(createAwsExportsObject(resources))).toEqual({
      aws_project_region: 'us-west-2',
      aws_dynamodb_all_tables_region: 'us-west-2',
      aws_dynamodb_table_schemas: [
        { tableName: 'todos-dev', region: 'us-west-2' },
        { tableName: 'notes-dev', region: 'us-west-2' },
      ],
      aws_content_delivery_bucket: 'site-dev',
      aws_content_delivery_bucket_region: 'us-west-2',
      aws_content_delivery_url: 'https://d111.cloudfront.net',
      aws_bots: 'enable',
      aws_bots_config: [{ name: 'OrderFlowers_dev', alias: '$LATEST', region: 'us-west-2' }],
      aws_mobile_analytics_app_id: 'app1',
      aws_mobile_analytics_app_region: 'us-west-2',
      Analytics: pinpoint,
      Notifications: { Push: pinpoint, InAppMessaging: pinpoint },
    });
  });

  it('a bot deployed on Lex V2 keeps the original entry and adds the ids a Lex V2 client needs', () => {
    const resources = {
      metadata: { Region: 'us-east-1' },
      serviceResourceMapping: {
        Lex: [{ service: 'Lex', resourceName: 'lexbot', output: { BotName: 'BookTrip_dev', Region: 'us-east-1', BotId: 'ABCDE12345', BotAliasId: 'FGHIJ67890', BotLocaleId: 'en_US' } }],
      },
    };
    expect(createAwsExportsObject(resources).aws_bots_config).toEqual([
      { name: 'BookTrip_dev', alias: '$LATEST', region: 'us-east-1', botId: 'ABCDE12345', aliasId: 'FGHIJ67890', localeId: 'en_US' },
    ]);
  });

  it('adds the mock-only keys for resources in test mode', () => {
    const resources: FrontendResources = {
      metadata: { Region: 'us-east-1' },
      serviceResourceMapping: {
        S3: [{ service: 'S3', resourceName: 's', testMode: true, output: { BucketName: 'b' } }],
        AppSync: [{ service: 'AppSync', resourceName: 'a', testMode: true, output: { securityType: 'API_KEY' } }],
      },
    };
    const config = createAwsExportsObject(resources);
    expect(config.aws_user_files_s3_dangerously_connect_to_http_endpoint_for_testing).toBe(true);
    expect(config.aws_appsync_dangerously_connect_to_http_endpoint_for_testing).toBe(true);
    expect(config.aws_user_files_s3_bucket_region).toBe('us-east-1');
  });
});
