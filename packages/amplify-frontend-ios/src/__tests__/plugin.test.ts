import * as fs from 'fs';
import * as path from 'path';
import { getResourceOutputs } from 'amplify-cli-core';
import type { AmplifyMeta, ExeInfo, ProjectConfig } from 'amplify-cli-core';
import { makeTempDir, removeDir, testContext, writeProject } from 'amplify-test-support';
import { createFrontendConfigs, deleteConfig, init, onInitSuccessful, publish, scanProject } from '../index';

const fixture = (name: string) => path.join(__dirname, 'fixtures', 'projects', name);

const projectConfig: ProjectConfig = { projectName: 'myapp', version: '3.0', frontend: 'ios', providers: ['awscloudformation'], ios: { config: {} } };

const meta: AmplifyMeta = {
  providers: { awscloudformation: { Region: 'us-east-1' } },
  auth: {
    myauth: {
      service: 'Cognito',
      providerPlugin: 'awscloudformation',
      lastPushTimeStamp: '2026-01-01T00:00:00.000Z',
      output: { UserPoolId: 'us-east-1_pool', AppClientID: 'native', AppClientIDWeb: 'web', GoogleWebClient: 'gweb', GoogleIOSClient: 'gios' },
    },
  },
  api: {
    myapi: {
      service: 'AppSync',
      providerPlugin: 'awscloudformation',
      lastPushTimeStamp: '2026-01-01T00:00:00.000Z',
      output: { securityType: 'AMAZON_COGNITO_USER_POOLS', GraphQLAPIEndpointOutput: 'https://api/graphql' },
    },
  },
};

describe('scanProject', () => {
  it('scores 100 for an Xcode project or a Podfile, 0 otherwise', () => {
    expect(scanProject(fixture('xcode'))).toBe(100);
    expect(scanProject(fixture('cocoapods'))).toBe(100);
    expect(scanProject(fixture('swift-package'))).toBe(0);
    expect(scanProject(fixture('does-not-exist'))).toBe(0);
  });
});

describe('ios frontend plugin', () => {
  let root: string;
  beforeEach(() => {
    root = makeTempDir('amplify-ios-');
  });
  afterEach(() => removeDir(root));

  const readRoot = (name: string) => JSON.parse(fs.readFileSync(path.join(root, name), 'utf8'));

  it('init asks nothing and records an empty block', async () => {
    const exeInfo: ExeInfo = { inputParams: {}, projectConfig: { projectName: 'myapp', version: '3.0', frontend: 'ios', providers: [] } };
    const { context } = testContext({ exeInfo });
    await init(context);
    expect(exeInfo.projectConfig?.ios).toEqual({ config: {} });
  });

  it('writes both config files at the project root, with the iOS Google client', async () => {
    writeProject(root, projectConfig, meta);
    const { context } = testContext({ exeInfo: { inputParams: {}, localEnvInfo: { projectPath: root, envName: 'dev' } } });
    await createFrontendConfigs(context, getResourceOutputs(meta).outputsForFrontend);
    const aws = readRoot('awsconfiguration.json');
    expect(aws).toEqual({
      UserAgent: 'aws-amplify-cli/0.1.0',
      Version: '0.1.0',
      IdentityManager: { Default: {} },
      CognitoUserPool: { Default: { PoolId: 'us-east-1_pool', AppClientId: 'native', Region: 'us-east-1' } },
      GoogleSignIn: { Permissions: 'email,profile,openid', 'ClientId-WebApp': 'gweb', 'ClientId-iOS': 'gios' },
      Auth: { Default: { authenticationFlowType: 'USER_SRP_AUTH' } },
      AppSync: {
        Default: {
          ApiUrl: 'https://api/graphql',
          Region: 'us-east-1',
          AuthMode: 'AMAZON_COGNITO_USER_POOLS',
          ClientDatabasePrefix: 'myapi_AMAZON_COGNITO_USER_POOLS',
        },
      },
    });
    expect(readRoot('amplifyconfiguration.json')).toEqual({
      UserAgent: 'aws-amplify-cli/2.0',
      Version: '1.0',
      api: {
        plugins: {
          awsAPIPlugin: {
            myapi: { endpointType: 'GraphQL', endpoint: 'https://api/graphql', region: 'us-east-1', authorizationType: 'AMAZON_COGNITO_USER_POOLS' },
          },
        },
      },
      auth: { plugins: { awsCognitoAuthPlugin: aws } },
    });
  });

  it('writes region-only files after init, removes them on delete, and refuses to publish', async () => {
    writeProject(root, projectConfig, { providers: { awscloudformation: { Region: 'ap-south-1' } } });
    const { context } = testContext({ exeInfo: { inputParams: {}, localEnvInfo: { projectPath: root, envName: 'dev' } } });
    await onInitSuccessful(context);
    expect(readRoot('amplifyconfiguration.json')).toEqual({ UserAgent: 'aws-amplify-cli/2.0', Version: '1.0' });
    await deleteConfig(context);
    expect(fs.existsSync(path.join(root, 'awsconfiguration.json'))).toBe(false);
    expect(fs.existsSync(path.join(root, 'amplifyconfiguration.json'))).toBe(false);
    await expect(publish()).rejects.toMatchObject({ code: 'PublishNotSupported' });
  });
});
