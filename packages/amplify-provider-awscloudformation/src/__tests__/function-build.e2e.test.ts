import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { startLocalCloud, type LocalCloud } from 'amplify-local-cloud';
import { AwsClientFactory } from '../aws/client-factory';
import { resolveAwsTarget } from '../aws/credentials';
import { fixedLocalCloud } from '../aws/local-cloud-launcher';
import { createEnvironment } from '../env/create-env';
import { pushResources } from '../deploy/push-resources';
import { ignoreProgress } from '../deploy/progress-event';
import type { RootStackOutputs } from '../project/project-types';

/**
 * A function resource (`build: true`) pushed to a real local cloud: its src/ is zipped under a content-hash name,
 * uploaded to amplify-builds/, and the deployed function's code comes from that object; unchanged code is not
 * uploaded again, changed code gets a new key.
 */

let tmp: string;
let cloud: LocalCloud;
let factory: AwsClientFactory;
let projectRoot: string;
let rootStack: RootStackOutputs;
const savedHome = process.env.AMPLIFY_HOME;

function write(relative: string, data: unknown): void {
  const file = path.join(projectRoot, relative);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, typeof data === 'string' ? data : JSON.stringify(data, null, 2));
}

function meta(): { function: { hello: { distZipFilename: string; output: Record<string, string> } } } {
  return JSON.parse(fs.readFileSync(path.join(projectRoot, 'amplify/backend/amplify-meta.json'), 'utf8'));
}

const resources = [{ category: 'function', resourceName: 'hello' }];
const push = () => pushResources({ projectRoot, envName: 'dev', resources, factory, onProgress: ignoreProgress, maxPollIntervalMs: 50 });

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'provider-function-e2e-'));
  process.env.AMPLIFY_HOME = path.join(tmp, 'amplify-home');
  cloud = await startLocalCloud({ port: 0, dataDir: path.join(tmp, 'cloud') });
  factory = new AwsClientFactory(await resolveAwsTarget({ configLevel: 'local' }, { localCloud: fixedLocalCloud(cloud.endpoint) }));
  projectRoot = path.join(tmp, 'app');
  write('amplify/.config/project-config.json', { projectName: 'fnapp', version: '3.0', frontend: 'javascript', providers: ['awscloudformation'] });
  write('amplify/.config/local-env-info.json', { envName: 'dev' });
  rootStack = await createEnvironment({ projectRoot, projectName: 'fnapp', envName: 'dev', awsConfig: { configLevel: 'local' }, factory, onProgress: ignoreProgress, maxPollIntervalMs: 50 });
  write('amplify/backend/function/hello/hello-cloudformation-template.json', {
    AWSTemplateFormatVersion: '2010-09-09',
    Parameters: { env: { Type: 'String' } },
    Resources: {
      LambdaExecutionRole: {
        Type: 'AWS::IAM::Role',
        Properties: {
          AssumeRolePolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: ['lambda.amazonaws.com'] }, Action: ['sts:AssumeRole'] }] },
        },
      },
      LambdaFunction: {
        Type: 'AWS::Lambda::Function',
        Properties: {
          FunctionName: { 'Fn::Join': ['-', ['hello', { Ref: 'env' }]] },
          Handler: 'index.handler',
          Runtime: 'nodejs20.x',
          Role: { 'Fn::GetAtt': ['LambdaExecutionRole', 'Arn'] },
          Code: { ZipFile: 'replaced at push' },
        },
      },
    },
    Outputs: { Name: { Value: { Ref: 'LambdaFunction' } }, Arn: { Value: { 'Fn::GetAtt': ['LambdaFunction', 'Arn'] } } },
  });
  write('amplify/backend/function/hello/src/index.js', 'exports.handler = async () => "hello";\n');
  const current = JSON.parse(fs.readFileSync(path.join(projectRoot, 'amplify/backend/amplify-meta.json'), 'utf8'));
  write('amplify/backend/amplify-meta.json', { ...current, function: { hello: { service: 'Lambda', providerPlugin: 'awscloudformation', build: true } } });
});

afterAll(async () => {
  factory?.destroy();
  await cloud?.close();
  if (savedHome === undefined) delete process.env.AMPLIFY_HOME;
  else process.env.AMPLIFY_HOME = savedHome;
  fs.rmSync(tmp, { recursive: true, force: true });
});

it('uploads the zipped src/ to amplify-builds/ and deploys the function from it', async () => {
  const result = await push();
  expect(result.type).toBe('deployed');
  const zipName = meta().function.hello.distZipFilename;
  expect(zipName).toMatch(/^hello-[0-9a-f]{20}-build\.zip$/);
  expect(result.type === 'deployed' && result.uploaded).toContain(`amplify-builds/${zipName}`);
  expect(await factory.s3().getObject(rootStack.DeploymentBucketName!, `amplify-builds/${zipName}`)).toBeDefined();
  expect(meta().function.hello.output.Name).toBe('hello-dev');
  // The template on disk keeps its placeholder: the S3 location is filled in only in the uploaded copy.
  expect(fs.readFileSync(path.join(projectRoot, 'amplify/backend/function/hello/hello-cloudformation-template.json'), 'utf8')).toContain('replaced at push');
});

it('does not upload unchanged code again, and gives changed code a new key', async () => {
  const first = meta().function.hello.distZipFilename;
  const again = await push();
  expect(again.type).toBe('no-changes');
  write('amplify/backend/function/hello/src/index.js', 'exports.handler = async () => "hello again";\n');
  const changed = await push();
  expect(changed.type).toBe('deployed');
  const second = meta().function.hello.distZipFilename;
  expect(second).not.toBe(first);
  expect(changed.type === 'deployed' && changed.uploaded).toContain(`amplify-builds/${second}`);
});
