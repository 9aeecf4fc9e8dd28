import * as fs from 'fs';
import * as path from 'path';
import { readProjectFile, writeProjectFile } from 'amplify-test-support';
import { pushResources } from '../deploy/push-resources';
import { ignoreProgress } from '../deploy/progress-event';
import type { RootStackOutputs } from '../project/project-types';
import { initLocalProject, type LocalCloudWorkspace, startLocalCloudWorkspace } from './helpers/local-cloud-workspace';

/**
 * A function resource (`build: true`) pushed to a real local cloud: its src/ is zipped under a content-hash name,
 * uploaded to amplify-builds/, and the deployed function's code comes from that object; unchanged code is not
 * uploaded again, changed code gets a new key.
 */

let workspace: LocalCloudWorkspace;
let rootStack: RootStackOutputs;

const write = (relative: string, data: unknown) => writeProjectFile(workspace.projectRoot, relative, data);

function meta(): { function: { hello: { distZipFilename: string; output: Record<string, string> } } } {
  return readProjectFile(workspace.projectRoot, 'amplify/backend/amplify-meta.json');
}

const resources = [{ category: 'function', resourceName: 'hello' }];
const push = () =>
  pushResources({ projectRoot: workspace.projectRoot, envName: 'dev', resources, factory: workspace.factory, onProgress: ignoreProgress, maxPollIntervalMs: 50 });

beforeAll(async () => {
  workspace = await startLocalCloudWorkspace('provider-function-e2e-');
  rootStack = await initLocalProject(workspace, 'fnapp', 50);
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
  const current = readProjectFile<Record<string, unknown>>(workspace.projectRoot, 'amplify/backend/amplify-meta.json');
  write('amplify/backend/amplify-meta.json', { ...current, function: { hello: { service: 'Lambda', providerPlugin: 'awscloudformation', build: true } } });
});

afterAll(async () => {
  await workspace?.dispose();
});

it('uploads the zipped src/ to amplify-builds/ and deploys the function from it', async () => {
  const result = await push();
  expect(result.type).toBe('deployed');
  const zipName = meta().function.hello.distZipFilename;
  expect(zipName).toMatch(/^hello-[0-9a-f]{20}-build\.zip$/);
  expect(result.type === 'deployed' && result.uploaded).toContain(`amplify-builds/${zipName}`);
  expect(await workspace.factory.s3().getObject(rootStack.DeploymentBucketName!, `amplify-builds/${zipName}`)).toBeDefined();
  expect(meta().function.hello.output.Name).toBe('hello-dev');
  // The template on disk keeps its placeholder: the S3 location is filled in only in the uploaded copy.
  expect(fs.readFileSync(path.join(workspace.projectRoot, 'amplify/backend/function/hello/hello-cloudformation-template.json'), 'utf8')).toContain('replaced at push');
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
