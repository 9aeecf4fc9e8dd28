import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Amplify } from 'aws-amplify';
import { pushedResources } from 'amplify-test-support';
import { parseAwsExports, renderAwsExports } from '../aws-exports-file';
import { createAwsExportsObject } from '../aws-exports-object';
import { writeJavascriptConfigFiles } from '../javascript-config-files';
import { localResourcesConfig, localRestApiUrl } from '../local-resources-config';

const ENDPOINT = 'https://127.0.0.1:4581';

describe('localRestApiUrl', () => {
  it('maps an API Gateway root URL to the local cloud path of the same API and stage', () => {
    expect(localRestApiUrl('https://a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com/dev', ENDPOINT)).toBe(`${ENDPOINT}/_restapis/a1b2c3d4e5/dev`);
  });

  it('leaves other URLs (a custom domain) alone', () => {
    expect(localRestApiUrl('https://api.example.com/dev', ENDPOINT)).toBe('https://api.example.com/dev');
  });
});

describe('the config of an env on the local cloud', () => {
  const written = () => JSON.parse(JSON.stringify(localResourcesConfig({ ...createAwsExportsObject(pushedResources), myKey: 'kept' }, ENDPOINT)));

  it('holds no aws_* key, so aws-amplify reads it as a ResourcesConfig', () => {
    expect(Object.keys(written()).filter((key) => key.startsWith('aws_'))).toEqual([]);
    expect(written().myKey).toBe('kept');
  });

  it('gives aws-amplify 6 the local Cognito endpoints, the GraphQL endpoint and the local REST URL', () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    Amplify.configure(written());
    warn.mockRestore();
    const config = Amplify.getConfig();
    expect(config.Auth?.Cognito).toMatchObject({
      userPoolId: 'eu-west-1_AbCdEf123',
      userPoolClientId: 'webclient1234567890abcdef',
      userPoolEndpoint: ENDPOINT,
      identityPoolId: 'eu-west-1:11111111-2222-3333-4444-555555555555',
      identityPoolEndpoint: ENDPOINT,
      loginWith: { email: true, phone: false, username: false },
      mfa: { status: 'optional', smsEnabled: true, totpEnabled: true },
      passwordFormat: { minLength: 8, requireLowercase: true, requireUppercase: false },
    });
    expect(config.API?.GraphQL).toMatchObject({
      endpoint: 'https://abcdefghijklmnopqrstuvwxyz.appsync-api.eu-west-1.amazonaws.com/graphql',
      defaultAuthMode: 'apiKey',
      apiKey: 'da2-abcdefghijklmnopqrstuvwxyz',
    });
    expect(config.API?.REST?.myrest).toEqual({ endpoint: `${ENDPOINT}/_restapis/a1b2c3d4e5/dev`, region: 'eu-west-1' });
    expect(config.Analytics?.Pinpoint).toMatchObject({ region: 'eu-west-1' });
    expect(config.Storage?.S3).toMatchObject({ bucket: 'myapp-photos123-dev', region: 'eu-west-1' });
  });

  it('maps the Pinpoint push and in-app channels to the v6 keys', () => {
    const pinpoint = { appId: 'app1', region: 'eu-west-1' };
    const legacy = { aws_project_region: 'eu-west-1', Notifications: { Push: { AWSPinpoint: pinpoint }, InAppMessaging: { AWSPinpoint: pinpoint }, SMS: { AWSPinpoint: pinpoint } } };
    expect(localResourcesConfig(legacy, ENDPOINT).Notifications).toEqual({ InAppMessaging: { Pinpoint: pinpoint }, PushNotification: { Pinpoint: pinpoint } });
  });
});

describe('writeJavascriptConfigFiles', () => {
  let projectPath: string;
  beforeEach(() => {
    projectPath = fs.mkdtempSync(path.join(os.tmpdir(), 'local-config-'));
  });
  afterEach(() => fs.rmSync(projectPath, { recursive: true, force: true }));
  const frontend = { SourceDir: 'src', DistributionDir: 'dist', BuildCommand: 'npm run build', StartCommand: 'npm start' };

  it('writes the local shape when the outputs carry a local cloud endpoint, dropping keys of an earlier AWS-shaped file', () => {
    writeJavascriptConfigFiles(projectPath, frontend, pushedResources);
    writeJavascriptConfigFiles(projectPath, frontend, { ...pushedResources, localCloudEndpoint: ENDPOINT });
    const awsExports = parseAwsExports(fs.readFileSync(path.join(projectPath, 'src', 'aws-exports.js'), 'utf8'));
    expect(Object.keys(awsExports).filter((key) => key.startsWith('aws_'))).toEqual([]);
    expect(awsExports).toMatchObject({ Auth: { Cognito: { userPoolEndpoint: ENDPOINT } } });
    expect(JSON.parse(fs.readFileSync(path.join(projectPath, 'src', 'amplifyconfiguration.json'), 'utf8'))).toEqual(awsExports);
  });

  it('keeps the legacy shape for envs on AWS, with no storage route', () => {
    const { config } = writeJavascriptConfigFiles(projectPath, frontend, pushedResources);
    expect(config).toEqual(createAwsExportsObject(pushedResources));
    expect(fs.readFileSync(path.join(projectPath, 'src', 'aws-exports.js'), 'utf8')).toBe(renderAwsExports(config));
  });

  it("routes the project's bucket in aws-exports.js (not in the JSON twin), and reads the file back as data", () => {
    writeJavascriptConfigFiles(projectPath, frontend, { ...pushedResources, localCloudEndpoint: ENDPOINT });
    const text = fs.readFileSync(path.join(projectPath, 'src', 'aws-exports.js'), 'utf8');
    expect(text).toContain('(function installLocalCloudStorageRoute(');
    expect(text).toContain(`)(${JSON.stringify({ bucket: 'myapp-photos123-dev', region: 'eu-west-1', endpoint: ENDPOINT })});`);
    expect(text.trimEnd().endsWith('export default awsmobile;')).toBe(true);
    expect(fs.readFileSync(path.join(projectPath, 'src', 'amplifyconfiguration.json'), 'utf8')).not.toContain('installLocalCloudStorageRoute');
    // The next push reads the file (route and all) and writes it again unchanged.
    writeJavascriptConfigFiles(projectPath, frontend, { ...pushedResources, localCloudEndpoint: ENDPOINT });
    expect(fs.readFileSync(path.join(projectPath, 'src', 'aws-exports.js'), 'utf8')).toBe(text);
  });

  it('writes no route for a local env without storage', () => {
    const withoutStorage = { ...pushedResources, serviceResourceMapping: { ...pushedResources.serviceResourceMapping, S3: [] } };
    writeJavascriptConfigFiles(projectPath, frontend, { ...withoutStorage, localCloudEndpoint: ENDPOINT });
    expect(fs.readFileSync(path.join(projectPath, 'src', 'aws-exports.js'), 'utf8')).not.toContain('installLocalCloudStorageRoute');
  });
});
