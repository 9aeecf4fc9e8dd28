/**
 * The frontends through the built `amplify` binary against a local cloud started by the test (build first:
 * `npx tsc -b packages/amplify-cli packages/amplify-local-cloud packages/amplify-frontend-javascript packages/amplify-frontend-ios`):
 * a React app is initialised headless, auth + storage + GraphQL and REST APIs + analytics + a function are pushed,
 * and the generated aws-exports.js is loaded into Amplify JS v6 and checked against the deployed outputs in
 * amplify-meta.json. Android and iOS apps get their files in the right places.
 */
import { execFile, execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { startLocalCloud, type LocalCloud } from 'amplify-local-cloud';

jest.setTimeout(180000);

const bin = path.join(path.dirname(require.resolve('amplify-cli/package.json')), 'bin', 'amplify');

let tmp: string;
let cloud: LocalCloud;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  tmp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'amplify-frontends-e2e-')));
  cloud = await startLocalCloud({ port: 0, dataDir: path.join(tmp, 'cloud') });
  env = {
    ...process.env,
    AMPLIFY_HOME: path.join(tmp, 'home'),
    AWS_ENDPOINT_URL: cloud.endpoint,
    AWS_ACCESS_KEY_ID: cloud.credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: cloud.credentials.secretAccessKey,
    AWS_REGION: 'us-east-1',
    NO_COLOR: '1',
  };
});

afterAll(async () => {
  await cloud?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

/** Runs the binary asynchronously: the local cloud serves from this very process, so blocking it would deadlock. */
function amplify(cwd: string, ...args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [bin, ...args], { cwd, env, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) {
        reject(new Error(`amplify ${args.join(' ')} failed (${error.message})\n${stdout}\n${stderr}`));
      } else {
        resolve(stdout);
      }
    });
  });
}

function writeText(file: string, text: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
}

function writeJson(file: string, value: unknown): void {
  writeText(file, JSON.stringify(value, null, 2));
}

function readJson<T>(file: string): T {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
}

function init(dir: string, frontend: object): Promise<string> {
  return amplify(
    dir,
    'init',
    '--yes',
    '--amplify',
    JSON.stringify({ projectName: path.basename(dir), envName: 'dev', defaultEditor: 'code' }),
    '--frontend',
    JSON.stringify(frontend),
    '--providers',
    JSON.stringify({ awscloudformation: { configLevel: 'general' } }),
  );
}

const template = (resources: object, outputs: object, parameters: object = {}) => ({
  AWSTemplateFormatVersion: '2010-09-09',
  Parameters: { env: { Type: 'String' }, ...parameters },
  Resources: resources,
  Outputs: Object.fromEntries(Object.entries(outputs).map(([name, value]) => [name, { Value: value }])),
});

const withEnv = (prefix: string, separator = '-') => ({ 'Fn::Join': [separator, [prefix, { Ref: 'env' }]] });

const OAUTH = {
  AllowedOAuthFlows: ['code'],
  AllowedOAuthScopes: ['email', 'openid', 'profile'],
  CallbackURLs: ['http://localhost:3000/'],
  LogoutURLs: ['http://localhost:3000/'],
};

/** What the categories' `add` commands leave behind: each resource's folder, plus its meta and backend-config entry. */
interface ResourceSpec {
  category: string;
  name: string;
  meta: Record<string, unknown>;
  /** The resource's CloudFormation template, or the sources its category compiles into one at push. */
  template: object | { sources: Record<string, string> };
}

function addResources(dir: string, resources: ResourceSpec[]): void {
  const metaFile = path.join(dir, 'amplify', 'backend', 'amplify-meta.json');
  const configFile = path.join(dir, 'amplify', 'backend', 'backend-config.json');
  const meta = readJson<Record<string, Record<string, unknown>>>(metaFile);
  const config = readJson<Record<string, Record<string, unknown>>>(configFile);
  for (const { category, name, meta: entry, template: body } of resources) {
    const resourceDir = path.join(dir, 'amplify', 'backend', category, name);
    if ('sources' in body) {
      for (const [file, text] of Object.entries(body.sources)) writeText(path.join(resourceDir, file), text);
    } else {
      writeJson(path.join(resourceDir, `${name}-cloudformation-template.json`), body);
    }
    writeJson(path.join(resourceDir, 'parameters.json'), {});
    meta[category] = { ...meta[category], [name]: { providerPlugin: 'awscloudformation', ...entry } };
    config[category] = { ...config[category], [name]: { providerPlugin: 'awscloudformation', ...entry } };
  }
  writeJson(metaFile, meta);
  writeJson(configFile, config);
}

const auth: ResourceSpec = {
  category: 'auth',
  name: 'feauth',
  meta: {
    service: 'Cognito',
    customAuth: false,
    frontendAuthConfig: {
      socialProviders: [],
      usernameAttributes: ['EMAIL'],
      signupAttributes: ['EMAIL'],
      passwordProtectionSettings: { passwordPolicyMinLength: 8, passwordPolicyCharacters: ['REQUIRES_NUMBERS'] },
      mfaConfiguration: 'OFF',
      mfaTypes: ['SMS'],
      verificationMechanisms: ['EMAIL'],
    },
  },
  template: template(
    {
      UserPool: {
        Type: 'AWS::Cognito::UserPool',
        Properties: { UserPoolName: withEnv('feauth_userpool'), UsernameAttributes: ['email'], AutoVerifiedAttributes: ['email'] },
      },
      UserPoolClientWeb: { Type: 'AWS::Cognito::UserPoolClient', Properties: { UserPoolId: { Ref: 'UserPool' }, ClientName: 'feauth_app_clientWeb' } },
      UserPoolClient: {
        Type: 'AWS::Cognito::UserPoolClient',
        Properties: { UserPoolId: { Ref: 'UserPool' }, ClientName: 'feauth_app_client', GenerateSecret: false },
      },
      IdentityPool: {
        Type: 'AWS::Cognito::IdentityPool',
        Properties: { IdentityPoolName: withEnv('feauth_identitypool', '__'), AllowUnauthenticatedIdentities: true },
      },
    },
    {
      UserPoolId: { Ref: 'UserPool' },
      AppClientIDWeb: { Ref: 'UserPoolClientWeb' },
      AppClientID: { Ref: 'UserPoolClient' },
      IdentityPoolId: { Ref: 'IdentityPool' },
      HostedUIDomain: withEnv('feauth'),
      OAuthMetadata: JSON.stringify(OAUTH),
    },
  ),
};

/** Bucket names are global: each app gets its own. */
const bucket = (app: string): ResourceSpec => ({
  category: 'storage',
  name: 'photos',
  meta: { service: 'S3' },
  template: template(
    { S3Bucket: { Type: 'AWS::S3::Bucket', Properties: { BucketName: withEnv(`${app}-photos`) } } },
    { BucketName: { Ref: 'S3Bucket' }, Region: { Ref: 'AWS::Region' } },
  ),
});

/** Compiled by the api category at push, as a GraphQL API it added would be. */
const graphql: ResourceSpec = {
  category: 'api',
  name: 'feapi',
  meta: {
    service: 'AppSync',
    output: { authConfig: { defaultAuthentication: { authenticationType: 'API_KEY', apiKeyConfig: { apiKeyExpirationDays: 7 } }, additionalAuthenticationProviders: [] } },
  },
  template: {
    sources: {
      'schema.graphql': 'type Todo @model @auth(rules: [{ allow: public }]) {\n  id: ID!\n  name: String!\n}\n',
      'cli-inputs.json': JSON.stringify({ version: 1, serviceConfiguration: { apiName: 'feapi', serviceName: 'AppSync', defaultAuthType: { mode: 'API_KEY', expirationTime: 7 } } }),
    },
  },
};

const rest: ResourceSpec = {
  category: 'api',
  name: 'ferest',
  meta: { service: 'API Gateway' },
  template: template(
    { RestApi: { Type: 'AWS::ApiGateway::RestApi', Properties: { Name: withEnv('ferest') } } },
    {
      RootUrl: { 'Fn::Join': ['', ['https://', { Ref: 'RestApi' }, '.execute-api.', { Ref: 'AWS::Region' }, '.amazonaws.com/', { Ref: 'env' }]] },
      ApiName: 'ferest',
      ApiId: { Ref: 'RestApi' },
    },
  ),
};

const analytics: ResourceSpec = {
  category: 'analytics',
  name: 'feanalytics',
  meta: { service: 'Pinpoint' },
  template: template(
    { PinpointApp: { Type: 'AWS::Pinpoint::App', Properties: { Name: withEnv('feanalytics') } } },
    { Id: { Ref: 'PinpointApp' }, Region: { Ref: 'AWS::Region' }, appName: withEnv('feanalytics') },
  ),
};

const table: ResourceSpec = {
  category: 'storage',
  name: 'notes',
  meta: { service: 'DynamoDB' },
  template: template(
    {
      Table: {
        Type: 'AWS::DynamoDB::Table',
        Properties: {
          TableName: withEnv('notes'),
          AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
          KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
          BillingMode: 'PAY_PER_REQUEST',
        },
      },
    },
    { Name: { Ref: 'Table' }, Arn: { 'Fn::GetAtt': ['Table', 'Arn'] }, Region: { Ref: 'AWS::Region' } },
  ),
};

type Outputs = Record<string, string>;

function deployedOutputs(dir: string): Record<string, Record<string, Outputs>> {
  const meta = readJson<Record<string, Record<string, { output?: Outputs }>>>(path.join(dir, 'amplify', 'backend', 'amplify-meta.json'));
  const result: Record<string, Record<string, Outputs>> = {};
  for (const [category, resources] of Object.entries(meta)) {
    if (category === 'providers') continue;
    result[category] = Object.fromEntries(Object.entries(resources).map(([name, entry]) => [name, entry.output ?? {}]));
  }
  return result;
}

/** Loads the app's aws-exports.js as an ES module in Node (its package.json says "type": "module") into Amplify JS v6. */
function amplifyJsConfig(app: string): { Auth: unknown; Storage: unknown; API: unknown; Analytics: unknown } {
  const amplifyEntry = path.join(path.dirname(require.resolve('aws-amplify/package.json')), 'dist', 'esm', 'index.mjs');
  const script = path.join(app, 'configure-amplify.mjs');
  fs.writeFileSync(
    script,
    [
      `import config from ${JSON.stringify(pathToFileURL(path.join(app, 'src', 'aws-exports.js')).href)};`,
      `import { Amplify } from ${JSON.stringify(pathToFileURL(amplifyEntry).href)};`,
      'Amplify.configure(config);',
      'process.stdout.write(JSON.stringify(Amplify.getConfig()));',
    ].join('\n'),
  );
  return JSON.parse(execFileSync(process.execPath, [script], { cwd: app, encoding: 'utf8' }));
}

test('a pushed React app configures Amplify JS v6 with the deployed outputs; hand-added keys survive, configure and delete reach the frontend', async () => {
  const app = path.join(tmp, 'reactapp');
  writeJson(path.join(app, 'package.json'), { name: 'reactapp', type: 'module', dependencies: { react: '18.3.1' } });
  await init(app, { frontend: 'javascript', framework: 'react' });
  expect(readJson(path.join(app, 'amplify', '.config', 'project-config.json'))).toMatchObject({
    frontend: 'javascript',
    javascript: { framework: 'react', config: { SourceDir: 'src', DistributionDir: 'build' } },
  });

  addResources(app, [auth, bucket('reactapp'), graphql, rest, analytics]);
  await amplify(app, 'push', '--yes');

  const deployed = deployedOutputs(app);
  const cognito = deployed.auth.feauth;
  const region = 'us-east-1';
  const config = amplifyJsConfig(app);
  expect(config.Auth).toEqual({
    Cognito: {
      userPoolId: cognito.UserPoolId,
      userPoolClientId: cognito.AppClientIDWeb,
      identityPoolId: cognito.IdentityPoolId,
      allowGuestAccess: true,
      userAttributes: { email: { required: true } },
      mfa: { status: 'off', totpEnabled: false, smsEnabled: true },
      passwordFormat: { minLength: 8, requireLowercase: false, requireUppercase: false, requireNumbers: true, requireSpecialCharacters: false },
      loginWith: {
        username: false,
        email: true,
        phone: false,
        oauth: {
          domain: `${cognito.HostedUIDomain}.auth.${region}.amazoncognito.com`,
          scopes: OAUTH.AllowedOAuthScopes,
          redirectSignIn: OAUTH.CallbackURLs,
          redirectSignOut: OAUTH.LogoutURLs,
          responseType: 'code',
        },
      },
    },
  });
  expect(config.Storage).toEqual({ S3: { bucket: deployed.storage.photos.BucketName, region: deployed.storage.photos.Region } });
  expect(config.API).toEqual({
    GraphQL: {
      endpoint: deployed.api.feapi.GraphQLAPIEndpointOutput,
      region,
      apiKey: deployed.api.feapi.GraphQLAPIKeyOutput,
      defaultAuthMode: 'apiKey',
    },
    REST: { ferest: { endpoint: deployed.api.ferest.RootUrl, region } },
  });
  expect(config.Analytics).toEqual({ Pinpoint: { appId: deployed.analytics.feanalytics.Id, region: deployed.analytics.feanalytics.Region } });
  expect(readJson(path.join(app, 'src', 'amplifyconfiguration.json'))).toMatchObject({ aws_user_pools_id: cognito.UserPoolId });

  // A key the developer adds by hand survives the next push's regeneration.
  const exportsFile = path.join(app, 'src', 'aws-exports.js');
  fs.writeFileSync(exportsFile, fs.readFileSync(exportsFile, 'utf8').replace('const awsmobile = {', 'const awsmobile = {\n    "my_custom_endpoint": "https://example.com",'));
  addResources(app, [table]);
  await amplify(app, 'push', '--yes');
  const regenerated = fs.readFileSync(exportsFile, 'utf8');
  expect(regenerated).toContain('"my_custom_endpoint": "https://example.com"');
  expect(regenerated).toContain(`"tableName": "${deployedOutputs(app).storage.notes.Name}"`);

  // `amplify configure project` reaches the frontend's questions through --frontend; then delete removes its files.
  await amplify(app, 'configure', 'project', '--yes', '--frontend', JSON.stringify({ frontend: 'javascript', framework: 'vue' }));
  expect(readJson(path.join(app, 'amplify', '.config', 'project-config.json'))).toMatchObject({
    javascript: { framework: 'vue', config: { SourceDir: 'src', DistributionDir: 'dist', StartCommand: 'npm run-script serve' } },
  });
  await amplify(app, 'delete', '--force');
  expect(fs.existsSync(exportsFile)).toBe(false);
  expect(fs.existsSync(path.join(app, 'src', 'amplifyconfiguration.json'))).toBe(false);
});

test('android and iOS apps get their config files from the push and lose them on delete', async () => {
  const android = path.join(tmp, 'androidapp');
  fs.mkdirSync(android, { recursive: true });
  fs.writeFileSync(path.join(android, 'settings.gradle'), "rootProject.name = 'androidapp'\n");
  fs.writeFileSync(path.join(android, 'build.gradle'), '// top-level build file\n');
  await init(android, { frontend: 'android', config: { ResDir: 'app/src/main/res' } });
  addResources(android, [bucket('androidapp')]);
  await amplify(android, 'push', '--yes');
  const raw = path.join(android, 'app', 'src', 'main', 'res', 'raw');
  const photos = deployedOutputs(android).storage.photos;
  expect(readJson(path.join(raw, 'awsconfiguration.json'))).toMatchObject({ S3TransferUtility: { Default: { Bucket: photos.BucketName, Region: photos.Region } } });
  expect(readJson(path.join(raw, 'amplifyconfiguration.json'))).toMatchObject({
    storage: { plugins: { awsS3StoragePlugin: { bucket: photos.BucketName, region: photos.Region, defaultAccessLevel: 'guest' } } },
  });

  const ios = path.join(tmp, 'iosapp');
  fs.mkdirSync(path.join(ios, 'iosapp.xcodeproj'), { recursive: true });
  await init(ios, { frontend: 'ios' });
  addResources(ios, [auth]);
  await amplify(ios, 'push', '--yes');
  const cognito = deployedOutputs(ios).auth.feauth;
  expect(readJson(path.join(ios, 'awsconfiguration.json'))).toMatchObject({
    CognitoUserPool: { Default: { PoolId: cognito.UserPoolId, AppClientId: cognito.AppClientID, Region: 'us-east-1' } },
    CredentialsProvider: { CognitoIdentity: { Default: { PoolId: cognito.IdentityPoolId, Region: 'us-east-1' } } },
  });
  expect(readJson(path.join(ios, 'amplifyconfiguration.json'))).toHaveProperty('auth.plugins.awsCognitoAuthPlugin.CognitoUserPool');

  await amplify(android, 'delete', '--force');
  expect(fs.readdirSync(raw)).toEqual([]);
  await amplify(ios, 'delete', '--force');
  expect(fs.existsSync(path.join(ios, 'awsconfiguration.json'))).toBe(false);
});
