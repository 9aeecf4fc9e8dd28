import * as fs from 'fs';
import * as path from 'path';
import { DescribeStackResourcesCommand } from '@aws-sdk/client-cloudformation';
import { GetRoleCommand } from '@aws-sdk/client-iam';
import { readProjectFile, writeProjectFile } from 'amplify-test-support';
import { pushResources } from '../deploy/push-resources';
import { ignoreProgress } from '../deploy/progress-event';
import type { RootStackOutputs } from '../project/project-types';
import { initLocalProject, type LocalCloudWorkspace, startLocalCloudWorkspace } from './helpers/local-cloud-workspace';

/**
 * What the root stack gives the category stacks, against a real local cloud: parameter values that the root
 * stack resolves (`Ref`/`Fn::GetAtt` of its roles), the code location of a packaged function whose template takes
 * it as parameters (as the function category writes it), and the custom resource that makes the identity roles
 * trust the project's identity pool, removed again with auth.
 */

let workspace: LocalCloudWorkspace;
let rootStack: RootStackOutputs;

const write = (relative: string, data: unknown) => writeProjectFile(workspace.projectRoot, relative, data);
const read = <T>(relative: string) => readProjectFile<T>(workspace.projectRoot, relative);

interface Meta {
  auth?: Record<string, { output: Record<string, string> }>;
  function: Record<string, { output: Record<string, string>; s3Bucket: unknown; distZipFilename: string }>;
}

const push = (resources: Array<{ category: string; resourceName: string }>) =>
  pushResources({ projectRoot: workspace.projectRoot, envName: 'dev', resources, factory: workspace.factory, onProgress: ignoreProgress, maxPollIntervalMs: 20 });

/** An auth resource as the auth category writes it: the root roles come in as intrinsics in parameters.json. */
function addAuth(): void {
  write('amplify/backend/auth/users/users-cloudformation-template.json', {
    AWSTemplateFormatVersion: '2010-09-09',
    Parameters: { authRoleArn: { Type: 'String' }, unauthRoleArn: { Type: 'String' }, unauthRoleName: { Type: 'String' }, env: { Type: 'String' } },
    Resources: {
      UserPool: { Type: 'AWS::Cognito::UserPool', Properties: { UserPoolName: { 'Fn::Join': ['-', ['users', { Ref: 'env' }]] } } },
      UserPoolClient: { Type: 'AWS::Cognito::UserPoolClient', Properties: { UserPoolId: { Ref: 'UserPool' } } },
      IdentityPool: {
        Type: 'AWS::Cognito::IdentityPool',
        Properties: {
          AllowUnauthenticatedIdentities: true,
          CognitoIdentityProviders: [{ ClientId: { Ref: 'UserPoolClient' }, ProviderName: { 'Fn::GetAtt': ['UserPool', 'ProviderName'] } }],
        },
      },
      IdentityPoolRoleMap: {
        Type: 'AWS::Cognito::IdentityPoolRoleAttachment',
        Properties: { IdentityPoolId: { Ref: 'IdentityPool' }, Roles: { authenticated: { Ref: 'authRoleArn' }, unauthenticated: { Ref: 'unauthRoleArn' } } },
      },
    },
    Outputs: {
      IdentityPoolId: { Value: { Ref: 'IdentityPool' } },
      UserPoolId: { Value: { Ref: 'UserPool' } },
      AuthRoleArnSeen: { Value: { Ref: 'authRoleArn' } },
      UnauthRoleNameSeen: { Value: { Ref: 'unauthRoleName' } },
    },
  });
  write('amplify/backend/auth/users/parameters.json', {
    authRoleArn: { 'Fn::GetAtt': ['AuthRole', 'Arn'] },
    unauthRoleArn: { 'Fn::GetAtt': ['UnauthRole', 'Arn'] },
    unauthRoleName: { Ref: 'UnauthRoleName' },
  });
  const meta = read<Record<string, unknown>>('amplify/backend/amplify-meta.json');
  write('amplify/backend/amplify-meta.json', { ...meta, auth: { users: { service: 'Cognito', providerPlugin: 'awscloudformation' } } });
}

/** A function as the function category writes it: Code refers to the deploymentBucketName and s3Key parameters. */
function addFunction(): void {
  write('amplify/backend/function/hello/hello-cloudformation-template.json', {
    AWSTemplateFormatVersion: '2010-09-09',
    Parameters: { deploymentBucketName: { Type: 'String' }, s3Key: { Type: 'String' }, env: { Type: 'String' } },
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
          Code: { S3Bucket: { Ref: 'deploymentBucketName' }, S3Key: { Ref: 's3Key' } },
        },
      },
    },
    Outputs: { Name: { Value: { Ref: 'LambdaFunction' } } },
  });
  write('amplify/backend/function/hello/parameters.json', {});
  write('amplify/backend/function/hello/src/index.js', 'exports.handler = async () => "hello";\n');
  const meta = read<Record<string, unknown>>('amplify/backend/amplify-meta.json');
  write('amplify/backend/amplify-meta.json', { ...meta, function: { hello: { service: 'Lambda', providerPlugin: 'awscloudformation', build: true } } });
}

async function trustPolicy(roleName: string): Promise<{ Statement: Array<{ Effect: string; Condition?: Record<string, Record<string, string>> }> }> {
  const { Role } = await workspace.factory.iamClient().send(new GetRoleCommand({ RoleName: roleName }));
  return JSON.parse(decodeURIComponent(Role!.AssumeRolePolicyDocument!));
}

async function rootResourceIds(): Promise<string[]> {
  const { StackResources } = await workspace.factory.cloudFormationClient().send(new DescribeStackResourcesCommand({ StackName: rootStack.StackName }));
  return (StackResources ?? []).map((r) => r.LogicalResourceId!).sort();
}

beforeAll(async () => {
  workspace = await startLocalCloudWorkspace('provider-wiring-e2e-');
  rootStack = await initLocalProject(workspace, 'wired', 20);
  addAuth();
  addFunction();
});

afterAll(async () => {
  await workspace?.dispose();
});

it('the root stack resolves intrinsic parameter values, and the identity roles trust the identity pool', async () => {
  expect((await trustPolicy(rootStack.AuthRoleName!)).Statement[0].Effect).toBe('Deny');
  const result = await push([
    { category: 'auth', resourceName: 'users' },
    { category: 'function', resourceName: 'hello' },
  ]);
  expect(result.type).toBe('deployed');
  const output = read<Meta>('amplify/backend/amplify-meta.json').auth!.users.output;
  expect(output.AuthRoleArnSeen).toBe(rootStack.AuthRoleArn);
  expect(output.UnauthRoleNameSeen).toBe(rootStack.UnauthRoleName);

  const auth = await trustPolicy(rootStack.AuthRoleName!);
  expect(auth.Statement[0].Effect).toBe('Allow');
  expect(auth.Statement[0].Condition).toEqual({
    StringEquals: { 'cognito-identity.amazonaws.com:aud': output.IdentityPoolId },
    'ForAnyValue:StringLike': { 'cognito-identity.amazonaws.com:amr': 'authenticated' },
  });
  expect((await trustPolicy(rootStack.UnauthRoleName!)).Statement[0].Condition?.['ForAnyValue:StringLike']).toEqual({ 'cognito-identity.amazonaws.com:amr': 'unauthenticated' });
  expect(await rootResourceIds()).toEqual(expect.arrayContaining(['UpdateRolesWithIDPFunction', 'UpdateRolesWithIDPFunctionOutputs', 'UpdateRolesWithIDPFunctionRole']));
});

it('a packaged function gets its code location as parameters, recorded in team-provider-info and meta', async () => {
  const meta = read<Meta>('amplify/backend/amplify-meta.json');
  const code = { deploymentBucketName: rootStack.DeploymentBucketName, s3Key: `amplify-builds/${meta.function.hello.distZipFilename}` };
  expect(meta.function.hello.output.Name).toBe('hello-dev');
  expect(meta.function.hello.s3Bucket).toEqual(code);
  expect(read<Record<string, { categories: unknown }>>('amplify/team-provider-info.json').dev.categories).toEqual({ function: { hello: code } });
  // Nothing changed: the recorded location gives the same root template, so there is nothing to deploy.
  expect((await push([])).type).toBe('no-changes');
});

it('removing auth removes the custom resource, which gives the roles their Deny trust policy back', async () => {
  fs.rmSync(path.join(workspace.projectRoot, 'amplify/backend/auth'), { recursive: true, force: true });
  const meta = read<Record<string, unknown>>('amplify/backend/amplify-meta.json');
  delete meta.auth;
  write('amplify/backend/amplify-meta.json', meta);
  expect((await push([])).type).toBe('deployed');
  expect((await rootResourceIds()).filter((id) => id.startsWith('UpdateRoles') || id === 'authusers')).toEqual([]);
  expect((await trustPolicy(rootStack.AuthRoleName!)).Statement).toEqual([
    { Sid: '', Effect: 'Deny', Principal: { Federated: 'cognito-identity.amazonaws.com' }, Action: 'sts:AssumeRoleWithWebIdentity' },
  ]);
  expect((await trustPolicy(rootStack.UnauthRoleName!)).Statement[0].Effect).toBe('Deny');
});
