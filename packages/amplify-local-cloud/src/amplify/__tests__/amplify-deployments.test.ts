import * as fs from 'fs';
import * as path from 'path';
import {
  AmplifyClient,
  AmplifyServiceException,
  CreateAppCommand,
  CreateBranchCommand,
  CreateDeploymentCommand,
  DeleteAppCommand,
  DeleteBranchCommand,
  GetAppCommand,
  GetBranchCommand,
  GetJobCommand,
  ListBranchesCommand,
  ListDomainAssociationsCommand,
  ListJobsCommand,
  StartDeploymentCommand,
  StopJobCommand,
  UpdateBranchCommand,
} from '@aws-sdk/client-amplify';
import { CreateBucketCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { CreateStackCommand, DeleteStackCommand } from '@aws-sdk/client-cloudformation';
import { zipSync } from 'fflate';
import { rawRequest, serviceErrorOf, startTestCloud, type TestCloud } from '../../__tests__/test-cloud';
import { startCfnTestCloud } from '../../cloudformation/__tests__/helpers/cfn-test-cloud';

let cloud: TestCloud;
let amplify: AmplifyClient;

beforeAll(async () => {
  cloud = await startTestCloud();
  amplify = new AmplifyClient(cloud.config);
});

afterAll(async () => {
  amplify.destroy();
  await cloud.dispose();
});

const errorOf = (promise: Promise<unknown>): Promise<AmplifyServiceException> => serviceErrorOf(promise, AmplifyServiceException);

const text = (value: string) => new TextEncoder().encode(value);
const siteZip = (title: string) => Buffer.from(zipSync({ 'index.html': text(`<h1>${title}</h1>`), 'static/app.js': text('console.log(1)') }));

async function newBranch(branchName = 'main', stage: 'PRODUCTION' | 'DEVELOPMENT' = 'PRODUCTION') {
  const { app } = await amplify.send(new CreateAppCommand({ name: `site-${branchName}` }));
  const { branch } = await amplify.send(new CreateBranchCommand({ appId: app!.appId, branchName, stage }));
  return { appId: app!.appId!, branch: branch! };
}

/** CreateDeployment, PUT the zip as the original CLI does (plain fetch), StartDeployment. */
async function deployZip(appId: string, branchName: string, zip: Buffer) {
  const { jobId, zipUploadUrl } = await amplify.send(new CreateDeploymentCommand({ appId, branchName }));
  const upload = await fetch(zipUploadUrl!, { method: 'PUT', body: zip });
  expect(upload.status).toBe(200);
  const { jobSummary } = await amplify.send(new StartDeploymentCommand({ appId, branchName, jobId }));
  return { jobId: jobId!, jobSummary: jobSummary!, zipUploadUrl: zipUploadUrl! };
}

const siteUrlOf = (appId: string, displayName: string) => `${cloud.cloud.endpoint}/_amplifyapp/${appId}/${displayName}/`;

test('branches: create with AWS defaults, get, list, update, duplicate refused, delete', async () => {
  const { appId, branch } = await newBranch('feature/login', 'DEVELOPMENT');
  expect(branch).toMatchObject({
    branchArn: `arn:aws:amplify:us-east-1:123456789012:apps/${appId}/branches/feature/login`,
    branchName: 'feature/login',
    displayName: 'feature-login',
    stage: 'DEVELOPMENT',
    enableAutoBuild: true,
    totalNumberOfJobs: '0',
    activeJobId: '0',
    ttl: '5',
  });
  expect(branch.customDomains).toEqual([siteUrlOf(appId, 'feature-login').replace('http://', '').replace(/\/$/, '')]);
  expect((await amplify.send(new GetBranchCommand({ appId, branchName: 'feature/login' }))).branch).toEqual(branch);
  const { branch: updated } = await amplify.send(new UpdateBranchCommand({ appId, branchName: 'feature/login', description: 'login work', framework: 'React' }));
  expect(updated).toMatchObject({ description: 'login work', framework: 'React', stage: 'DEVELOPMENT' });
  expect((await errorOf(amplify.send(new CreateBranchCommand({ appId, branchName: 'feature/login' })))).name).toBe('BadRequestException');
  expect((await amplify.send(new ListBranchesCommand({ appId }))).branches!.map((entry) => entry.branchName)).toEqual(['feature/login']);
  expect((await amplify.send(new ListDomainAssociationsCommand({ appId }))).domainAssociations).toEqual([]);
  await amplify.send(new DeleteBranchCommand({ appId, branchName: 'feature/login' }));
  expect((await errorOf(amplify.send(new GetBranchCommand({ appId, branchName: 'feature/login' })))).name).toBe('NotFoundException');
  expect((await errorOf(amplify.send(new CreateBranchCommand({ appId: 'dnothere000000', branchName: 'main' })))).name).toBe('NotFoundException');
});

test('a manual deployment is served at the branch URL, with the default SPA rule; a redeploy replaces it', async () => {
  const { appId } = await newBranch('main');
  const { jobId, jobSummary } = await deployZip(appId, 'main', siteZip('first'));
  expect(jobId).toBe('1');
  expect(jobSummary).toMatchObject({ jobId: '1', jobType: 'MANUAL', status: 'SUCCEED' });
  expect(jobSummary.jobArn).toBe(`arn:aws:amplify:us-east-1:123456789012:apps/${appId}/branches/main/jobs/0000000001`);
  const { job } = await amplify.send(new GetJobCommand({ appId, branchName: 'main', jobId }));
  expect(job!.steps).toEqual([expect.objectContaining({ stepName: 'DEPLOY', status: 'SUCCEED' })]);

  const site = siteUrlOf(appId, 'main');
  const page = await fetch(site);
  expect(page.status).toBe(200);
  expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
  expect(await page.text()).toBe('<h1>first</h1>');
  expect(await (await fetch(`${site}static/app.js`)).text()).toBe('console.log(1)');
  const route = await fetch(`${site}users/42`);
  expect(route.status).toBe(200);
  expect(await route.text()).toBe('<h1>first</h1>');

  await deployZip(appId, 'main', siteZip('second'));
  expect(await (await fetch(site)).text()).toBe('<h1>second</h1>');
  const { branch } = await amplify.send(new GetBranchCommand({ appId, branchName: 'main' }));
  expect(branch).toMatchObject({ activeJobId: '2', totalNumberOfJobs: '2' });
  const { app } = await amplify.send(new GetAppCommand({ appId }));
  expect(app!.productionBranch).toMatchObject({ branchName: 'main', status: 'SUCCEED' });
  const { jobSummaries } = await amplify.send(new ListJobsCommand({ appId, branchName: 'main' }));
  expect(jobSummaries!.map((summary) => summary.jobId)).toEqual(['2', '1']);
});

test('the upload URL takes its own token only, once', async () => {
  const { appId } = await newBranch('main');
  const { jobId, zipUploadUrl } = await amplify.send(new CreateDeploymentCommand({ appId, branchName: 'main' }));
  const url = new URL(zipUploadUrl!);
  const forged = new URL(url);
  forged.searchParams.set('token', 'A'.repeat(43));
  expect((await fetch(forged, { method: 'PUT', body: siteZip('x') })).status).toBe(403);
  expect((await fetch(`${url.origin}${url.pathname}`, { method: 'PUT', body: siteZip('x') })).status).toBe(403);
  // Nothing was uploaded: the deployment cannot start.
  const early = await errorOf(amplify.send(new StartDeploymentCommand({ appId, branchName: 'main', jobId })));
  expect(early.name).toBe('BadRequestException');
  expect((await fetch(url, { method: 'PUT', body: siteZip('x') })).status).toBe(200);
  expect((await fetch(url, { method: 'PUT', body: siteZip('y') })).status).toBe(403);
});

test('a zip that would escape its folder fails the job, writes nothing outside and serves nothing', async () => {
  const { appId } = await newBranch('main');
  const evil = Buffer.from(zipSync({ 'index.html': text('ok'), '../../escaped.txt': text('evil') }));
  const { jobId, jobSummary } = await deployZip(appId, 'main', evil);
  expect(jobSummary.status).toBe('FAILED');
  const { job } = await amplify.send(new GetJobCommand({ appId, branchName: 'main', jobId }));
  expect(job!.steps![0].statusReason).toContain("leaves the archive root with '..'");
  expect(fs.existsSync(path.join(cloud.dataDir, 'amplify', 'escaped.txt'))).toBe(false);
  expect(fs.existsSync(path.join(cloud.dataDir, 'escaped.txt'))).toBe(false);
  expect((await fetch(siteUrlOf(appId, 'main'))).status).toBe(404);
});

test('StartDeployment from a zip in the local S3, StopJob of a pending job, unknown jobs and branches', async () => {
  const { appId } = await newBranch('main');
  await cloud.s3.send(new CreateBucketCommand({ Bucket: 'site-artifacts' }));
  await cloud.s3.send(new PutObjectCommand({ Bucket: 'site-artifacts', Key: 'builds/site.zip', Body: siteZip('from s3') }));
  const { jobSummary } = await amplify.send(new StartDeploymentCommand({ appId, branchName: 'main', sourceUrl: 's3://site-artifacts/builds/site.zip', sourceUrlType: 'ZIP' }));
  expect(jobSummary).toMatchObject({ status: 'SUCCEED', sourceUrl: 's3://site-artifacts/builds/site.zip' });
  expect(await (await fetch(siteUrlOf(appId, 'main'))).text()).toBe('<h1>from s3</h1>');
  const missing = await errorOf(amplify.send(new StartDeploymentCommand({ appId, branchName: 'main', sourceUrl: 's3://site-artifacts/nothing.zip' })));
  expect(missing.name).toBe('BadRequestException');

  const { jobId } = await amplify.send(new CreateDeploymentCommand({ appId, branchName: 'main' }));
  const { jobSummary: stopped } = await amplify.send(new StopJobCommand({ appId, branchName: 'main', jobId }));
  expect(stopped!.status).toBe('CANCELLED');
  expect((await errorOf(amplify.send(new StopJobCommand({ appId, branchName: 'main', jobId })))).name).toBe('BadRequestException');
  expect((await errorOf(amplify.send(new GetJobCommand({ appId, branchName: 'main', jobId: '99' })))).name).toBe('NotFoundException');
  expect((await errorOf(amplify.send(new ListJobsCommand({ appId, branchName: 'nope' })))).name).toBe('NotFoundException');
});

test('served sites survive a restart, leftovers of a crash are swept; deleting the app removes its sites', async () => {
  const { appId } = await newBranch('main');
  await deployZip(appId, 'main', siteZip('kept'));
  amplify.destroy();
  await cloud.stop();
  // What a crash could leave: a half-unpacked site, a site and an upload no record names.
  const amplifyDir = path.join(cloud.dataDir, 'amplify');
  const orphanId = 'f'.repeat(32);
  fs.mkdirSync(path.join(amplifyDir, 'staging', orphanId), { recursive: true });
  fs.mkdirSync(path.join(amplifyDir, 'sites', orphanId), { recursive: true });
  fs.mkdirSync(path.join(amplifyDir, 'uploads'), { recursive: true });
  fs.writeFileSync(path.join(amplifyDir, 'uploads', `${orphanId}.zip`), 'partial');
  cloud = await startTestCloud(cloud.dataDir);
  amplify = new AmplifyClient(cloud.config);
  expect(await (await fetch(siteUrlOf(appId, 'main'))).text()).toBe('<h1>kept</h1>');
  expect(fs.existsSync(path.join(amplifyDir, 'staging'))).toBe(false);
  expect(fs.existsSync(path.join(amplifyDir, 'sites', orphanId))).toBe(false);
  expect(fs.existsSync(path.join(amplifyDir, 'uploads', `${orphanId}.zip`))).toBe(false);
  const sitesBefore = fs.readdirSync(path.join(cloud.dataDir, 'amplify', 'sites')).length;
  await amplify.send(new DeleteAppCommand({ appId }));
  expect(fs.readdirSync(path.join(cloud.dataDir, 'amplify', 'sites')).length).toBe(sitesBefore - 1);
  expect((await fetch(siteUrlOf(appId, 'main'))).status).toBe(404);
});

test('the Amplify API needs a signature; the site and upload paths do not reach it', async () => {
  const unsigned = await rawRequest(`${cloud.cloud.endpoint}/apps`);
  expect(unsigned.status).toBe(403);
  expect((await fetch(`${cloud.cloud.endpoint}/_amplifyapp/dnothere000000/main/`)).status).toBe(404);
  expect((await fetch(`${cloud.cloud.endpoint}/_amplifyupload/${'0'.repeat(32)}?token=x`, { method: 'PUT', body: 'x' })).status).toBe(403);
});

test('AWS::Amplify::Branch resources of a stack are branches of the app (the original CLI hosting template)', async () => {
  const cfnCloud = await startCfnTestCloud();
  const client = new AmplifyClient(cfnCloud.config);
  try {
    const { app } = await client.send(new CreateAppCommand({ name: 'hosted' }));
    const template = {
      Parameters: { env: { Type: 'String' }, appId: { Type: 'String' } },
      Resources: { AmplifyBranch: { Type: 'AWS::Amplify::Branch', Properties: { BranchName: { Ref: 'env' }, AppId: { Ref: 'appId' } } } },
      Outputs: { Arn: { Value: { Ref: 'AmplifyBranch' } }, Name: { Value: { 'Fn::GetAtt': ['AmplifyBranch', 'BranchName'] } } },
    };
    await cfnCloud.cfn.send(
      new CreateStackCommand({
        StackName: 'hosting',
        TemplateBody: JSON.stringify(template),
        Parameters: [
          { ParameterKey: 'env', ParameterValue: 'dev' },
          { ParameterKey: 'appId', ParameterValue: app!.appId },
        ],
      }),
    );
    const stack = await cfnCloud.waitForStack('hosting');
    expect(stack.StackStatus).toBe('CREATE_COMPLETE');
    const { branch } = await client.send(new GetBranchCommand({ appId: app!.appId, branchName: 'dev' }));
    expect(stack.Outputs).toEqual(expect.arrayContaining([expect.objectContaining({ OutputKey: 'Arn', OutputValue: branch!.branchArn })]));
    await cfnCloud.cfn.send(new DeleteStackCommand({ StackName: 'hosting' }));
    await cfnCloud.waitForStack('hosting').catch(() => undefined);
    expect((await errorOf(client.send(new GetBranchCommand({ appId: app!.appId, branchName: 'dev' })))).name).toBe('NotFoundException');
  } finally {
    client.destroy();
    await cfnCloud.dispose();
  }
});
