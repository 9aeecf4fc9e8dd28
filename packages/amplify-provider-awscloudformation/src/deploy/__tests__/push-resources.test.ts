import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import {
  DescribeStackEventsCommand,
  DescribeStackResourcesCommand,
  DescribeStacksCommand,
  UpdateStackCommand,
} from '@aws-sdk/client-cloudformation';
import { HeadObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { useMockedAws } from '../../__tests__/helpers/mocked-aws';
import { pushResources } from '../push-resources';
import { BUCKET, STACK_NAME, createFixtureProject } from './fixture-project';

const aws = useMockedAws();
const { cfnMock, s3Mock } = aws;
const NESTED = {
  storageimages: 'arn:aws:cloudformation:us-east-1:123456789012:stack/nested-images/1',
  storagenotes: 'arn:aws:cloudformation:us-east-1:123456789012:stack/nested-notes/1',
};

let projectRoot: string;
const resources = [
  { category: 'storage', resourceName: 'images' },
  { category: 'storage', resourceName: 'notes' },
];

function metaText(): string {
  return fs.readFileSync(path.join(projectRoot, 'amplify/backend/amplify-meta.json'), 'utf8');
}

/** A deployed root stack whose nested stacks report outputs. */
function cloudThatDeploys(): void {
  let rootDescribes = 0;
  cfnMock.on(DescribeStacksCommand, { StackName: STACK_NAME }).callsFake(() => {
    rootDescribes++;
    return { Stacks: [{ StackName: STACK_NAME, CreationTime: new Date(), StackStatus: rootDescribes === 1 ? 'CREATE_COMPLETE' : 'UPDATE_COMPLETE' }] };
  });
  cfnMock.on(DescribeStacksCommand, { StackName: NESTED.storageimages }).resolves({
    Stacks: [{ StackName: 'nested-images', CreationTime: new Date(), StackStatus: 'CREATE_COMPLETE', Outputs: [{ OutputKey: 'BucketName', OutputValue: 'fixture-images-dev' }] }],
  });
  cfnMock.on(DescribeStacksCommand, { StackName: NESTED.storagenotes }).resolves({
    Stacks: [{ StackName: 'nested-notes', CreationTime: new Date(), StackStatus: 'CREATE_COMPLETE', Outputs: [{ OutputKey: 'Name', OutputValue: 'notes' }] }],
  });
  cfnMock.on(DescribeStackEventsCommand).resolves({ StackEvents: [] });
  cfnMock.on(UpdateStackCommand).resolves({ StackId: STACK_NAME });
  cfnMock.on(DescribeStackResourcesCommand).resolves({
    StackResources: [
      { LogicalResourceId: 'DeploymentBucket', ResourceType: 'AWS::S3::Bucket', PhysicalResourceId: BUCKET, ResourceStatus: 'CREATE_COMPLETE', Timestamp: new Date() },
      ...Object.entries(NESTED).map(([id, arn]) => ({ LogicalResourceId: id, ResourceType: 'AWS::CloudFormation::Stack', PhysicalResourceId: arn, ResourceStatus: 'CREATE_COMPLETE' as const, Timestamp: new Date() })),
    ],
  });
}

beforeEach(() => {
  projectRoot = createFixtureProject();
  s3Mock.on(HeadObjectCommand).rejects(Object.assign(new Error('NotFound'), { name: 'NotFound', $metadata: { httpStatusCode: 404 } }));
  s3Mock.on(PutObjectCommand).resolves({});
});

afterEach(() => {
  fs.rmSync(projectRoot, { recursive: true, force: true });
});

describe('pushResources', () => {
  it('uploads templates and the root template, updates the root stack and records outputs in meta', async () => {
    cloudThatDeploys();
    fs.writeFileSync(path.join(projectRoot, 'amplify/backend/tags.json'), JSON.stringify([{ Key: 'user:Stack', Value: '{project-env}' }]));
    const result = await pushResources({ projectRoot, envName: 'dev', resources, factory: aws.factory, onProgress: () => undefined });
    expect(result.type).toBe('deployed');
    expect(result.outputs).toEqual({ storage: { images: { BucketName: 'fixture-images-dev' }, notes: { Name: 'notes' } } });

    const keys = s3Mock.commandCalls(PutObjectCommand).map((c) => c.args[0].input.Key).sort();
    expect(keys).toEqual([
      'amplify-cfn-templates/storage/images-cloudformation-template.json',
      'amplify-cfn-templates/storage/notes-cloudformation-template.json',
      'nested-cloudformation-stack.yml',
    ]);
    const update = cfnMock.commandCalls(UpdateStackCommand)[0].args[0].input;
    expect(update.TemplateURL).toBe(`https://s3.amazonaws.com/${BUCKET}/nested-cloudformation-stack.yml`);
    expect(update.Capabilities).toEqual(['CAPABILITY_NAMED_IAM', 'CAPABILITY_AUTO_EXPAND']);
    expect(update.Tags).toEqual([{ Key: 'user:Stack', Value: 'dev' }]);

    const rootTemplate = JSON.parse(fs.readFileSync(path.join(projectRoot, 'amplify/backend/awscloudformation/nested-cloudformation-stack.yml'), 'utf8'));
    // The env-specific value from team-provider-info wins over parameters.json.
    expect(rootTemplate.Resources.storageimages.Properties.Parameters).toEqual({ bucketName: 'fixture-images', env: 'dev' });
    expect(rootTemplate.Resources.storagenotes.Properties.Parameters).toEqual({
      tableName: 'notes',
      storageimagesBucketName: { 'Fn::GetAtt': ['storageimages', 'Outputs.BucketName'] },
      env: 'dev',
    });

    const meta = JSON.parse(metaText());
    expect(meta.storage.images.output).toEqual({ BucketName: 'fixture-images-dev' });
    expect(meta.storage.images.providerMetadata).toEqual({
      s3TemplateURL: `https://s3.amazonaws.com/${BUCKET}/amplify-cfn-templates/storage/images-cloudformation-template.json`,
      logicalId: 'storageimages',
    });
  });

  it('skips uploads whose content the bucket already holds', async () => {
    cloudThatDeploys();
    const imagesTemplate = fs.readFileSync(path.join(projectRoot, 'amplify/backend/storage/images/images-cloudformation-template.json'));
    s3Mock
      .on(HeadObjectCommand, { Key: 'amplify-cfn-templates/storage/images-cloudformation-template.json' })
      .resolves({ ETag: `"${crypto.createHash('md5').update(imagesTemplate).digest('hex')}"` });
    const result = await pushResources({ projectRoot, envName: 'dev', resources, factory: aws.factory, onProgress: () => undefined });
    const keys = s3Mock.commandCalls(PutObjectCommand).map((c) => c.args[0].input.Key);
    expect(keys).not.toContain('amplify-cfn-templates/storage/images-cloudformation-template.json');
    expect(keys).toContain('amplify-cfn-templates/storage/notes-cloudformation-template.json');
    expect(result.type === 'deployed' && result.uploaded).toEqual(['amplify-cfn-templates/storage/notes-cloudformation-template.json', 'nested-cloudformation-stack.yml']);
  });

  it('reports no changes when CloudFormation has nothing to update', async () => {
    cloudThatDeploys();
    cfnMock.on(UpdateStackCommand).rejects(Object.assign(new Error('No updates are to be performed.'), { name: 'ValidationError' }));
    s3Mock.on(HeadObjectCommand).callsFake(() => ({ ETag: 'will-not-match' }));
    const result = await pushResources({ projectRoot, envName: 'dev', resources: [], factory: aws.factory, onProgress: () => undefined });
    expect(result.type).toBe('no-changes');
  });

  it('rejects an invalid template before anything is uploaded, naming file, resource and property, and leaves meta alone', async () => {
    const templateFile = path.join(projectRoot, 'amplify/backend/storage/notes/notes-cloudformation-template.json');
    const template = JSON.parse(fs.readFileSync(templateFile, 'utf8'));
    template.Resources.Table.Properties.BillingModee = 'PAY_PER_REQUEST';
    fs.writeFileSync(templateFile, JSON.stringify(template));
    const before = metaText();
    const error = await pushResources({ projectRoot, envName: 'dev', resources, factory: aws.factory, onProgress: () => undefined }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'InvalidTemplate' });
    const message = (error as Error).message;
    expect(message).toContain(path.join('amplify', 'backend', 'storage', 'notes', 'notes-cloudformation-template.json'));
    expect(message).toContain('resource Table');
    expect(message).toContain('BillingModee');
    expect(s3Mock.commandCalls(PutObjectCommand)).toHaveLength(0);
    expect(cfnMock.commandCalls(UpdateStackCommand)).toHaveLength(0);
    expect(metaText()).toBe(before);
  });

  it('refuses a storage template that makes its bucket public: only hosting may have a public bucket', async () => {
    const templateFile = path.join(projectRoot, 'amplify/backend/storage/images/images-cloudformation-template.json');
    const template = JSON.parse(fs.readFileSync(templateFile, 'utf8'));
    const bucketId = Object.keys(template.Resources).find((id) => template.Resources[id].Type === 'AWS::S3::Bucket')!;
    template.Resources[bucketId].Properties = { ...template.Resources[bucketId].Properties, WebsiteConfiguration: { IndexDocument: 'index.html' } };
    fs.writeFileSync(templateFile, JSON.stringify(template));
    const error = await pushResources({ projectRoot, envName: 'dev', resources, factory: aws.factory, onProgress: () => undefined }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'InvalidTemplate' });
    expect((error as Error).message).toContain(`resource ${bucketId}: makes a bucket public (WebsiteConfiguration`);
    expect(s3Mock.commandCalls(PutObjectCommand)).toHaveLength(0);
  });

  it('builds no function while any template is invalid', async () => {
    const fnDir = path.join(projectRoot, 'amplify/backend/function/worker');
    fs.mkdirSync(path.join(fnDir, 'src'), { recursive: true });
    fs.writeFileSync(path.join(fnDir, 'src', 'package.json'), '{"name":"worker"}');
    fs.writeFileSync(path.join(fnDir, 'worker-cloudformation-template.json'), JSON.stringify({ Resources: { LambdaFunction: { Type: 'AWS::Lambda::Function', Properties: { Handler: 'index.handler', Runtime: 'nodejs20.x', Role: 'arn:aws:iam::1:role/r', Code: { ZipFile: 'x' } } } } }));
    const meta = JSON.parse(metaText());
    meta.function = { worker: { service: 'Lambda', providerPlugin: 'awscloudformation', build: true } };
    fs.writeFileSync(path.join(projectRoot, 'amplify/backend/amplify-meta.json'), JSON.stringify(meta));
    fs.writeFileSync(path.join(projectRoot, 'amplify/backend/storage/notes/notes-cloudformation-template.json'), JSON.stringify({ Resources: { Table: { Type: 'AWS::DynamoDB::Tabel' } } }));
    const installs: string[] = [];
    await expect(
      pushResources({
        projectRoot,
        envName: 'dev',
        resources: [...resources, { category: 'function', resourceName: 'worker' }],
        factory: aws.factory,
        onProgress: () => undefined,
        installDependencies: async (dir) => void installs.push(dir),
      }),
    ).rejects.toMatchObject({ code: 'InvalidTemplate', message: expect.stringContaining('AWS::DynamoDB::Tabel') });
    expect(installs).toEqual([]);
    expect(fs.existsSync(path.join(fnDir, 'dist'))).toBe(false);
  });

  it('passes a packaged function its code location as parameters and records it in team-provider-info and meta', async () => {
    cloudThatDeploys();
    const fnDir = path.join(projectRoot, 'amplify/backend/function/worker');
    fs.mkdirSync(path.join(fnDir, 'src'), { recursive: true });
    fs.writeFileSync(path.join(fnDir, 'src', 'index.js'), 'exports.handler = async () => "ok";');
    const templateText = JSON.stringify({
      AWSTemplateFormatVersion: '2010-09-09',
      Parameters: { deploymentBucketName: { Type: 'String' }, s3Key: { Type: 'String' }, env: { Type: 'String' } },
      Resources: {
        LambdaFunction: {
          Type: 'AWS::Lambda::Function',
          Properties: { Handler: 'index.handler', Runtime: 'nodejs20.x', Role: 'arn:aws:iam::1:role/r', Code: { S3Bucket: { Ref: 'deploymentBucketName' }, S3Key: { Ref: 's3Key' } } },
        },
      },
    });
    fs.writeFileSync(path.join(fnDir, 'worker-cloudformation-template.json'), templateText);
    const meta = JSON.parse(metaText());
    meta.function = { worker: { service: 'Lambda', providerPlugin: 'awscloudformation', build: true } };
    fs.writeFileSync(path.join(projectRoot, 'amplify/backend/amplify-meta.json'), JSON.stringify(meta));
    const teamProviderInfo = () => JSON.parse(fs.readFileSync(path.join(projectRoot, 'amplify/team-provider-info.json'), 'utf8'));
    const rootParameters = () =>
      JSON.parse(fs.readFileSync(path.join(projectRoot, 'amplify/backend/awscloudformation/nested-cloudformation-stack.yml'), 'utf8')).Resources.functionworker.Properties.Parameters;

    await pushResources({ projectRoot, envName: 'dev', resources: [{ category: 'function', resourceName: 'worker' }], factory: aws.factory, onProgress: () => undefined });
    const zipName: string = JSON.parse(metaText()).function.worker.distZipFilename;
    const code = { deploymentBucketName: BUCKET, s3Key: `amplify-builds/${zipName}` };
    expect(rootParameters()).toEqual({ ...code, env: 'dev' });
    // The template already takes the location as parameters, so it is uploaded as written.
    const uploadedTemplate = s3Mock.commandCalls(PutObjectCommand).find((c) => c.args[0].input.Key === 'amplify-cfn-templates/function/worker-cloudformation-template.json');
    expect(uploadedTemplate?.args[0].input.Body).toBe(templateText);
    expect(teamProviderInfo().dev.categories.function.worker).toEqual(code);
    expect(teamProviderInfo().dev.categories.storage.images).toEqual({ bucketName: 'fixture-images' });
    expect(JSON.parse(metaText()).function.worker.s3Bucket).toEqual(code);

    // A later push that does not package the function still gives its nested stack the location: from
    // team-provider-info, else (records from before it was kept there) from meta.
    s3Mock.resetHistory();
    await pushResources({ projectRoot, envName: 'dev', resources: [], factory: aws.factory, onProgress: () => undefined });
    expect(rootParameters()).toEqual({ ...code, env: 'dev' });
    const withoutRecord = teamProviderInfo();
    delete withoutRecord.dev.categories.function;
    fs.writeFileSync(path.join(projectRoot, 'amplify/team-provider-info.json'), JSON.stringify(withoutRecord));
    await pushResources({ projectRoot, envName: 'dev', resources: [], factory: aws.factory, onProgress: () => undefined });
    expect(rootParameters()).toEqual({ ...code, env: 'dev' });
    // A meta record naming another env's bucket is not this env's code: the package name in this bucket is.
    const otherEnvMeta = JSON.parse(metaText());
    otherEnvMeta.function.worker.s3Bucket = { deploymentBucketName: 'other-env-deployment', s3Key: 'amplify-builds/worker-other-build.zip' };
    fs.writeFileSync(path.join(projectRoot, 'amplify/backend/amplify-meta.json'), JSON.stringify(otherEnvMeta));
    fs.writeFileSync(path.join(projectRoot, 'amplify/team-provider-info.json'), JSON.stringify(withoutRecord));
    await pushResources({ projectRoot, envName: 'dev', resources: [], factory: aws.factory, onProgress: () => undefined });
    expect(rootParameters()).toEqual({ ...code, env: 'dev' });
  });

  it('points a function template that does not take the location as parameters at the uploaded zip', async () => {
    cloudThatDeploys();
    const fnDir = path.join(projectRoot, 'amplify/backend/function/legacy');
    fs.mkdirSync(path.join(fnDir, 'src'), { recursive: true });
    fs.writeFileSync(path.join(fnDir, 'src', 'index.js'), 'exports.handler = async () => "ok";');
    fs.writeFileSync(
      path.join(fnDir, 'legacy-cloudformation-template.json'),
      JSON.stringify({ Resources: { LambdaFunction: { Type: 'AWS::Lambda::Function', Properties: { Handler: 'index.handler', Runtime: 'nodejs20.x', Role: 'arn:aws:iam::1:role/r', Code: { ZipFile: 'x' } } } } }),
    );
    const meta = JSON.parse(metaText());
    meta.function = { legacy: { service: 'Lambda', providerPlugin: 'awscloudformation', build: true } };
    fs.writeFileSync(path.join(projectRoot, 'amplify/backend/amplify-meta.json'), JSON.stringify(meta));
    await pushResources({ projectRoot, envName: 'dev', resources: [{ category: 'function', resourceName: 'legacy' }], factory: aws.factory, onProgress: () => undefined });
    const zipName: string = JSON.parse(metaText()).function.legacy.distZipFilename;
    const uploaded = s3Mock.commandCalls(PutObjectCommand).find((c) => c.args[0].input.Key === 'amplify-cfn-templates/function/legacy-cloudformation-template.json');
    expect(JSON.parse(String(uploaded?.args[0].input.Body)).Resources.LambdaFunction.Properties.Code).toEqual({ S3Bucket: BUCKET, S3Key: `amplify-builds/${zipName}` });
  });

  it('adds the identity pool trust custom resource while a Cognito auth resource with an identity pool is deployed', async () => {
    cloudThatDeploys();
    const authTemplate = (withIdentityPool: boolean) => ({
      AWSTemplateFormatVersion: '2010-09-09',
      Parameters: { authRoleArn: { Type: 'String' }, env: { Type: 'String' } },
      Resources: {
        UserPool: { Type: 'AWS::Cognito::UserPool', Properties: {} },
        ...(withIdentityPool ? { IdentityPool: { Type: 'AWS::Cognito::IdentityPool', Properties: { AllowUnauthenticatedIdentities: false } } } : {}),
      },
      Outputs: { UserPoolId: { Value: { Ref: 'UserPool' } }, ...(withIdentityPool ? { IdentityPoolId: { Value: { Ref: 'IdentityPool' } } } : {}) },
    });
    const authDir = path.join(projectRoot, 'amplify/backend/auth/users');
    fs.mkdirSync(authDir, { recursive: true });
    fs.writeFileSync(path.join(authDir, 'users-cloudformation-template.json'), JSON.stringify(authTemplate(true)));
    fs.writeFileSync(path.join(authDir, 'parameters.json'), JSON.stringify({ authRoleArn: { 'Fn::GetAtt': ['AuthRole', 'Arn'] } }));
    const meta = JSON.parse(metaText());
    meta.auth = { users: { service: 'Cognito', providerPlugin: 'awscloudformation' } };
    fs.writeFileSync(path.join(projectRoot, 'amplify/backend/amplify-meta.json'), JSON.stringify(meta));
    const rootTemplate = () => JSON.parse(fs.readFileSync(path.join(projectRoot, 'amplify/backend/awscloudformation/nested-cloudformation-stack.yml'), 'utf8'));
    const users = [{ category: 'auth', resourceName: 'users' }];

    await pushResources({ projectRoot, envName: 'dev', resources: users, factory: aws.factory, onProgress: () => undefined });
    expect(rootTemplate().Resources.authusers.Properties.Parameters).toEqual({ authRoleArn: { 'Fn::GetAtt': ['AuthRole', 'Arn'] }, env: 'dev' });
    expect(rootTemplate().Resources.UpdateRolesWithIDPFunctionOutputs.Properties.idpId).toEqual({ 'Fn::GetAtt': ['authusers', 'Outputs.IdentityPoolId'] });
    // Still there when a later push does not include auth (the template on disk says it has an identity pool).
    await pushResources({ projectRoot, envName: 'dev', resources: [], factory: aws.factory, onProgress: () => undefined });
    expect(rootTemplate().Resources.UpdateRolesWithIDPFunctionOutputs).toBeDefined();
    // A user pool without identity pool needs no trust policy.
    fs.writeFileSync(path.join(authDir, 'users-cloudformation-template.json'), JSON.stringify(authTemplate(false)));
    await pushResources({ projectRoot, envName: 'dev', resources: users, factory: aws.factory, onProgress: () => undefined });
    expect(Object.keys(rootTemplate().Resources).filter((id) => id.startsWith('UpdateRoles'))).toEqual([]);
  });

  it('fails without touching meta when the deploy fails', async () => {
    cloudThatDeploys();
    let describes = 0;
    cfnMock.on(DescribeStacksCommand, { StackName: STACK_NAME }).callsFake(() => {
      describes++;
      return { Stacks: [{ StackName: STACK_NAME, CreationTime: new Date(), StackStatus: describes === 1 ? 'UPDATE_COMPLETE' : 'UPDATE_ROLLBACK_COMPLETE' }] };
    });
    // The failure is an event of this update: it appears once UpdateStack has been called.
    let updated = false;
    cfnMock.on(UpdateStackCommand).callsFake(() => {
      updated = true;
      return { StackId: STACK_NAME };
    });
    cfnMock.on(DescribeStackEventsCommand).callsFake(() => ({
      StackEvents: updated
        ? [
            { EventId: 'e1', StackId: STACK_NAME, StackName: STACK_NAME, LogicalResourceId: 'storagenotes', ResourceType: 'AWS::CloudFormation::Stack', ResourceStatus: 'CREATE_FAILED', ResourceStatusReason: 'Table already exists', Timestamp: new Date() },
          ]
        : [],
    }));
    const before = metaText();
    await expect(pushResources({ projectRoot, envName: 'dev', resources, factory: aws.factory, onProgress: () => undefined, maxPollIntervalMs: 5 })).rejects.toMatchObject({
      code: 'StackDeployFailed',
      message: expect.stringContaining('storagenotes (AWS::CloudFormation::Stack) failed: Table already exists'),
    });
    expect(metaText()).toBe(before);
    expect(fs.existsSync(path.join(projectRoot, 'amplify/backend/awscloudformation/nested-cloudformation-stack.yml'))).toBe(false);
  });

  it('asks for init when the env has no root stack', async () => {
    fs.rmSync(projectRoot, { recursive: true, force: true });
    projectRoot = createFixtureProject({});
    fs.writeFileSync(path.join(projectRoot, 'amplify/team-provider-info.json'), '{}');
    await expect(pushResources({ projectRoot, envName: 'dev', resources, factory: aws.factory, onProgress: () => undefined })).rejects.toMatchObject({ code: 'RootStackNotCreated' });
  });
});
