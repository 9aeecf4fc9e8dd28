import * as fs from 'fs';
import * as path from 'path';
import { DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { HeadBucketCommand, ListBucketsCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { readProjectFile, writeProjectFile } from 'amplify-test-support';
import type { AwsClientFactory } from '../aws/client-factory';
import { createEnvironment } from '../env/create-env';
import { syncEnvironment } from '../env/sync-env';
import { deleteEnvFromCloud } from '../env/delete-env';
import { storeCurrentCloudBackend } from '../env/current-cloud-backend';
import { pushResources } from '../deploy/push-resources';
import type { ProgressEvent } from '../deploy/progress-event';
import { ProjectFiles } from '../project/project-files';
import type { RootStackOutputs } from '../project/project-types';
import { type LocalCloudWorkspace, startLocalCloudWorkspace } from './helpers/local-cloud-workspace';

/**
 * The provider's lifecycle against a real local cloud started in-process: init creates the root stack, a push
 * deploys a bucket and a table as nested stacks, a no-op push, a broken template and a failed deploy leave the
 * project untouched and pushable, a fresh clone restores the backend, and deleting the env leaves nothing behind.
 */

let workspace: LocalCloudWorkspace;
let tmp: string;
let factory: AwsClientFactory;
let projectRoot: string;
let rootStack: RootStackOutputs;
const progress: ProgressEvent[] = [];
const onProgress = (event: ProgressEvent) => progress.push(event);

const bucketTemplate = (bucketName: unknown) => ({
  AWSTemplateFormatVersion: '2010-09-09',
  Parameters: { bucketName: { Type: 'String' }, env: { Type: 'String' } },
  Resources: { S3Bucket: { Type: 'AWS::S3::Bucket', Properties: { BucketName: bucketName } } },
  Outputs: { BucketName: { Value: { Ref: 'S3Bucket' } }, Region: { Value: { Ref: 'AWS::Region' } } },
});

const tableTemplate = {
  AWSTemplateFormatVersion: '2010-09-09',
  Parameters: { tableName: { Type: 'String' }, storageimagesBucketName: { Type: 'String' }, env: { Type: 'String' } },
  Resources: {
    Table: {
      Type: 'AWS::DynamoDB::Table',
      Properties: {
        TableName: { 'Fn::Join': ['-', [{ Ref: 'tableName' }, { Ref: 'env' }]] },
        AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
        KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
        BillingMode: 'PAY_PER_REQUEST',
        Tags: [{ Key: 'bucket', Value: { Ref: 'storageimagesBucketName' } }],
      },
    },
  },
  Outputs: { Name: { Value: { Ref: 'Table' } }, Arn: { Value: { 'Fn::GetAtt': ['Table', 'Arn'] } } },
};

/** What `amplify add storage` leaves behind, twice: the resource folders plus their meta and backend-config entries. */
function addStorageResources(root: string): void {
  const images = { service: 'S3', providerPlugin: 'awscloudformation' };
  const notes = { service: 'DynamoDB', providerPlugin: 'awscloudformation', dependsOn: [{ category: 'storage', resourceName: 'images', attributes: ['BucketName'] }] };
  writeProjectFile(root, 'amplify/backend/storage/images/images-cloudformation-template.json', bucketTemplate({ 'Fn::Join': ['-', [{ Ref: 'bucketName' }, { Ref: 'env' }]] }));
  writeProjectFile(root, 'amplify/backend/storage/images/parameters.json', { bucketName: 'e2e-images' });
  writeProjectFile(root, 'amplify/backend/storage/notes/notes-cloudformation-template.json', tableTemplate);
  writeProjectFile(root, 'amplify/backend/storage/notes/parameters.json', { tableName: 'notes' });
  const meta = readProjectFile<Record<string, unknown>>(root, 'amplify/backend/amplify-meta.json');
  writeProjectFile(root, 'amplify/backend/amplify-meta.json', { ...meta, storage: { images, notes } });
  writeProjectFile(root, 'amplify/backend/backend-config.json', { storage: { images, notes } });
}

/** The core's part after a successful push: copy the pushed resources and meta to #current-cloud-backend. */
function copyBackendToCurrentCloud(root: string): void {
  const backend = path.join(root, 'amplify', 'backend');
  const current = path.join(root, 'amplify', '#current-cloud-backend');
  for (const entry of ['storage', 'amplify-meta.json', 'backend-config.json']) {
    fs.rmSync(path.join(current, entry), { recursive: true, force: true });
    fs.cpSync(path.join(backend, entry), path.join(current, entry), { recursive: true });
  }
}

const resources = [
  { category: 'storage', resourceName: 'images' },
  { category: 'storage', resourceName: 'notes' },
];

beforeAll(async () => {
  workspace = await startLocalCloudWorkspace('provider-e2e-');
  ({ tmp, factory, projectRoot } = workspace);
  writeProjectFile(projectRoot, 'amplify/.config/project-config.json', { projectName: 'e2eapp', version: '3.0', frontend: 'javascript', providers: ['awscloudformation'] });
  writeProjectFile(projectRoot, 'amplify/.config/local-env-info.json', { envName: 'dev' });
  writeProjectFile(projectRoot, 'amplify/backend/backend-config.json', {});
  writeProjectFile(projectRoot, 'amplify/backend/amplify-meta.json', {});
  writeProjectFile(projectRoot, 'amplify/#current-cloud-backend/amplify-meta.json', {});
});

afterAll(async () => {
  await workspace?.dispose();
});

it('init creates the root stack and records it everywhere', async () => {
  rootStack = await createEnvironment({ projectRoot, projectName: 'e2eapp', envName: 'dev', awsConfig: { configLevel: 'local' }, factory, onProgress, maxPollIntervalMs: 50 });
  expect(rootStack.StackName).toMatch(/^amplify-e2eapp-dev-\d{5,6}$/);
  expect(rootStack.DeploymentBucketName).toBe(`${rootStack.StackName}-deployment`);
  expect(rootStack.AuthRoleArn).toMatch(/^arn:aws:iam::\d{12}:role\//);
  const stacks = await factory.cloudFormationClient().send(new DescribeStacksCommand({ StackName: rootStack.StackName }));
  expect(stacks.Stacks?.[0].StackStatus).toBe('CREATE_COMPLETE');
  expect(readProjectFile<{ providers: unknown }>(projectRoot, 'amplify/backend/amplify-meta.json').providers).toEqual({ awscloudformation: rootStack });
  expect(readProjectFile<{ providers: unknown }>(projectRoot, 'amplify/#current-cloud-backend/amplify-meta.json').providers).toEqual({ awscloudformation: rootStack });
  expect(readProjectFile<Record<string, unknown>>(projectRoot, 'amplify/team-provider-info.json')).toEqual({ dev: { awscloudformation: rootStack } });
  expect(readProjectFile<Record<string, unknown>>(projectRoot, 'amplify/.config/local-aws-info.json')).toEqual({ dev: { configLevel: 'local' } });
  expect(await factory.s3().getObject(rootStack.DeploymentBucketName!, '#current-cloud-backend.zip')).toBeDefined();
  expect(progress.some((e) => e.type === 'stack-event' && e.logicalId === 'DeploymentBucket' && e.status === 'CREATE_COMPLETE')).toBe(true);
});

it('push deploys each resource as a nested stack and writes its outputs to meta', async () => {
  addStorageResources(projectRoot);
  const result = await pushResources({ projectRoot, envName: 'dev', resources, factory, onProgress, maxPollIntervalMs: 50 });
  expect(result.type).toBe('deployed');
  const meta = readProjectFile<{ storage: Record<string, { output: Record<string, string>; providerMetadata: Record<string, string> }> }>(projectRoot, 'amplify/backend/amplify-meta.json');
  expect(meta.storage.images.output).toEqual({ BucketName: 'e2e-images-dev', Region: 'us-east-1' });
  expect(meta.storage.notes.output.Name).toBe('notes-dev');
  expect(meta.storage.images.providerMetadata.logicalId).toBe('storageimages');
  expect(meta.storage.images.providerMetadata.s3TemplateURL).toContain(`/${rootStack.DeploymentBucketName}/amplify-cfn-templates/storage/images-cloudformation-template.json`);
  await factory.s3Client().send(new HeadBucketCommand({ Bucket: 'e2e-images-dev' }));
  copyBackendToCurrentCloud(projectRoot);
  await storeCurrentCloudBackend(new ProjectFiles(projectRoot), factory.s3(), rootStack.DeploymentBucketName!);
});

it('a push with nothing changed reports no changes', async () => {
  const result = await pushResources({ projectRoot, envName: 'dev', resources, factory, onProgress, maxPollIntervalMs: 50 });
  expect(result.type).toBe('no-changes');
});

it('a template the specification rejects fails before any upload and changes nothing', async () => {
  const file = 'amplify/backend/storage/images/images-cloudformation-template.json';
  const good = fs.readFileSync(path.join(projectRoot, file), 'utf8');
  const broken = JSON.parse(good);
  broken.Resources.S3Bucket.Properties.VersioningConfig = { Status: 'Enabled' };
  writeProjectFile(projectRoot, file, broken);
  const metaBefore = fs.readFileSync(path.join(projectRoot, 'amplify/backend/amplify-meta.json'), 'utf8');
  await expect(pushResources({ projectRoot, envName: 'dev', resources, factory, onProgress })).rejects.toMatchObject({
    code: 'InvalidTemplate',
    message: expect.stringMatching(/images-cloudformation-template\.json: resource S3Bucket: .*VersioningConfig/),
  });
  expect(fs.readFileSync(path.join(projectRoot, 'amplify/backend/amplify-meta.json'), 'utf8')).toBe(metaBefore);
  writeProjectFile(projectRoot, file, good);
});

it('a failed deploy names the resource and the reason, changes nothing locally, and the next push works', async () => {
  const file = 'amplify/backend/storage/images/images-cloudformation-template.json';
  const good = fs.readFileSync(path.join(projectRoot, file), 'utf8');
  // Built by an intrinsic, so only the cloud sees the name: a literal one is refused before upload (next test).
  writeProjectFile(projectRoot, file, bucketTemplate({ 'Fn::Join': ['_', ['Not_A_Valid', 'Bucket_Name']] }));
  const metaBefore = fs.readFileSync(path.join(projectRoot, 'amplify/backend/amplify-meta.json'), 'utf8');
  const error = await pushResources({ projectRoot, envName: 'dev', resources, factory, onProgress, maxPollIntervalMs: 50 }).catch((e: unknown) => e);
  expect(error).toMatchObject({ code: 'StackDeployFailed' });
  expect((error as Error).message).toMatch(/S3Bucket \(AWS::S3::Bucket\) in nested stack storageimages failed: .+/);
  expect(fs.readFileSync(path.join(projectRoot, 'amplify/backend/amplify-meta.json'), 'utf8')).toBe(metaBefore);
  writeProjectFile(projectRoot, file, good);
  const retry = await pushResources({ projectRoot, envName: 'dev', resources, factory, onProgress, maxPollIntervalMs: 50 });
  expect(retry.outputs.storage.images.BucketName).toBe('e2e-images-dev');
});

it('a literal bucket name S3 would refuse fails before anything is uploaded, naming resource, property, value and rule', async () => {
  const file = 'amplify/backend/storage/images/images-cloudformation-template.json';
  const good = fs.readFileSync(path.join(projectRoot, file), 'utf8');
  writeProjectFile(projectRoot, file, bucketTemplate('Not_A_Valid_Bucket_Name'));
  const metaBefore = fs.readFileSync(path.join(projectRoot, 'amplify/backend/amplify-meta.json'), 'utf8');
  await expect(pushResources({ projectRoot, envName: 'dev', resources, factory, onProgress })).rejects.toMatchObject({
    code: 'InvalidTemplate',
    message: expect.stringContaining('resource S3Bucket: Properties.BucketName: BucketName "Not_A_Valid_Bucket_Name" has a character other than'),
  });
  expect(fs.readFileSync(path.join(projectRoot, 'amplify/backend/amplify-meta.json'), 'utf8')).toBe(metaBefore);
  writeProjectFile(projectRoot, file, good);
});

it('a fresh clone restores the deployed backend and its outputs from the deployment bucket', async () => {
  const clone = path.join(tmp, 'clone');
  for (const committed of ['amplify/.config/project-config.json', 'amplify/team-provider-info.json']) {
    writeProjectFile(clone, committed, fs.readFileSync(path.join(projectRoot, committed), 'utf8'));
  }
  writeProjectFile(clone, 'amplify/.config/local-env-info.json', { envName: 'dev' });
  writeProjectFile(clone, 'amplify/.config/local-aws-info.json', { dev: { configLevel: 'local' } });
  const result = await syncEnvironment({ projectRoot: clone, envName: 'dev', factory, restoreBackend: true });
  expect(result.downloaded).toBe(true);
  expect(fs.existsSync(path.join(clone, 'amplify/backend/storage/notes/notes-cloudformation-template.json'))).toBe(true);
  expect(fs.existsSync(path.join(clone, 'amplify/#current-cloud-backend/storage/images/parameters.json'))).toBe(true);
  const meta = readProjectFile<{ providers: unknown; storage: Record<string, { output: Record<string, string> }> }>(clone, 'amplify/backend/amplify-meta.json');
  expect(meta.providers).toEqual({ awscloudformation: rootStack });
  expect(meta.storage.images.output.BucketName).toBe('e2e-images-dev');
});

it('deleting the env removes its stacks and buckets', async () => {
  await factory.s3Client().send(new PutObjectCommand({ Bucket: 'e2e-images-dev', Key: 'photo.txt', Body: 'x' }));
  const result = await deleteEnvFromCloud({ envName: 'dev', rootStack, factory, deleteS3: true, onProgress, maxPollIntervalMs: 50 });
  expect(result.stack).toBe('deleted');
  expect(result.bucketsDeleted.sort()).toEqual([rootStack.DeploymentBucketName, 'e2e-images-dev'].sort());
  const buckets = await factory.s3Client().send(new ListBucketsCommand({}));
  expect(buckets.Buckets ?? []).toEqual([]);
  // Deleted stacks are gone by name (AWS answers "does not exist"); some endpoints still list them as deleted.
  expect([undefined, 'DELETE_COMPLETE']).toContain(await factory.cloudFormation().describeStack(rootStack.StackName!).then((s) => s?.StackStatus));
});
