import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { getResourceOutputs } from 'amplify-cli-core';
import type { ProjectConfig } from 'amplify-cli-core';
import { makeTempDir, metaOf, pushedResources, removeDir, testContext, writeProject } from 'amplify-test-support';
import { createFrontendConfigs } from '../index';

/** The parts of `Amplify.getConfig()` this test checks. */
interface ResolvedConfig {
  Auth: { Cognito: unknown };
  Storage: unknown;
  API: unknown;
  Analytics: unknown;
}

/**
 * The generated aws-exports.js loaded the way an app loads it: as an ES module, by Node itself (in a child process,
 * since jest's own module system cannot import ESM), handed to the real Amplify JS v6 library.
 */
function configureAmplifyWith(projectRoot: string, awsExportsPath: string): ResolvedConfig {
  const amplifyEntry = path.join(path.dirname(require.resolve('aws-amplify/package.json')), 'dist', 'esm', 'index.mjs');
  const script = [
    `import config from ${JSON.stringify(pathToFileURL(awsExportsPath).href)};`,
    `import { Amplify } from ${JSON.stringify(pathToFileURL(amplifyEntry).href)};`,
    'Amplify.configure(config);',
    'process.stdout.write(JSON.stringify(Amplify.getConfig()));',
  ].join('\n');
  const scriptPath = path.join(projectRoot, 'check-config.mjs');
  fs.writeFileSync(scriptPath, script);
  return JSON.parse(execFileSync(process.execPath, [scriptPath], { cwd: projectRoot, encoding: 'utf8' }));
}

describe('aws-exports.js in Amplify JS v6', () => {
  let root: string;
  beforeAll(() => {
    root = makeTempDir('amplify-js-v6-');
  });
  afterAll(() => removeDir(root));

  it('configures every auth, storage, api and analytics field from the pushed outputs', async () => {
    const projectConfig: ProjectConfig = {
      projectName: 'myapp',
      version: '3.0',
      frontend: 'javascript',
      providers: ['awscloudformation'],
      javascript: {
        framework: 'react',
        config: { SourceDir: 'src', DistributionDir: 'build', BuildCommand: 'npm run-script build', StartCommand: 'npm run-script start' },
      },
    };
    const meta = metaOf();
    writeProject(root, projectConfig, meta);
    // An app created by a bundler template: its package.json makes .js files ES modules, as aws-exports.js is.
    fs.writeFileSync(path.join(root, 'package.json'), JSON.stringify({ name: 'myapp', type: 'module' }));
    const { context } = testContext({ exeInfo: { inputParams: {}, localEnvInfo: { projectPath: root, envName: 'dev' } } });
    await createFrontendConfigs(context, getResourceOutputs(meta).outputsForFrontend);

    const config = configureAmplifyWith(root, path.join(root, 'src', 'aws-exports.js'));

    const [auth] = pushedResources.serviceResourceMapping.Cognito;
    const [bucket] = pushedResources.serviceResourceMapping.S3;
    const [graphql] = pushedResources.serviceResourceMapping.AppSync;
    const [rest] = pushedResources.serviceResourceMapping['API Gateway'];
    const [pinpoint] = pushedResources.serviceResourceMapping.Pinpoint;
    const region = pushedResources.metadata.Region;
    const oauth = JSON.parse(auth.output.OAuthMetadata as string);

    expect(config.Auth.Cognito).toEqual({
      userPoolId: auth.output.UserPoolId,
      userPoolClientId: auth.output.AppClientIDWeb,
      identityPoolId: auth.output.IdentityPoolId,
      allowGuestAccess: true,
      userAttributes: { email: { required: true } },
      mfa: { status: 'optional', totpEnabled: true, smsEnabled: true },
      passwordFormat: { minLength: 8, requireLowercase: true, requireUppercase: false, requireNumbers: false, requireSpecialCharacters: false },
      loginWith: {
        username: false,
        email: true,
        phone: false,
        oauth: {
          domain: `${auth.output.HostedUIDomain}.auth.${region}.amazoncognito.com`,
          scopes: oauth.AllowedOAuthScopes,
          redirectSignIn: oauth.CallbackURLs,
          redirectSignOut: oauth.LogoutURLs,
          responseType: 'code',
          providers: ['Google'],
        },
      },
    });
    expect(config.Storage).toEqual({ S3: { bucket: bucket.output.BucketName, region: bucket.output.Region } });
    expect(config.API).toEqual({
      GraphQL: {
        endpoint: graphql.output.GraphQLAPIEndpointOutput,
        region,
        apiKey: graphql.output.GraphQLAPIKeyOutput,
        defaultAuthMode: 'apiKey',
      },
      REST: { [rest.output.ApiName as string]: { endpoint: rest.output.RootUrl, region } },
    });
    expect(config.Analytics).toEqual({ Pinpoint: { appId: pinpoint.output.Id, region: pinpoint.output.Region } });
  });
});
