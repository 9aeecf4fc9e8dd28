import { execFile } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import {
  AmplifyClient,
  AmplifyServiceException,
  CreateAppCommand,
  CreateBackendEnvironmentCommand,
  CreateBranchCommand,
  CreateDeploymentCommand,
  GetAppCommand,
  GetBackendEnvironmentCommand,
  GetJobCommand,
  ListAppsCommand,
  ListJobsCommand,
  StartDeploymentCommand,
  StopJobCommand,
} from '@aws-sdk/client-amplify';
import { zipSync } from 'fflate';
import { readInstanceCredentials, stopInstance } from '../src';

const BIN = path.resolve(__dirname, '..', 'bin', 'amplify-local-cloud');

jest.setTimeout(60000);

function bin(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { timeout: 60000 }, (error, stdout, stderr) => {
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

async function start(dataDir: string): Promise<{ endpoint: string; client: AmplifyClient }> {
  const started = await bin('start', '--detach', '--port', '0', '--data-dir', dataDir);
  expect(started).toMatchObject({ code: 0, stderr: '' });
  const { endpoint } = JSON.parse(fs.readFileSync(path.join(dataDir, 'server.json'), 'utf8')) as { endpoint: string };
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  return { endpoint, client: new AmplifyClient({ endpoint, region: 'us-east-1', credentials: readInstanceCredentials(dataDir)! }) };
}

async function errorOf(promise: Promise<unknown>): Promise<AmplifyServiceException> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AmplifyServiceException) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

const text = (value: string) => new TextEncoder().encode(value);

let root: string;
beforeAll(() => {
  if (!fs.existsSync(path.resolve(__dirname, '..', 'lib', 'amplify', 'index.js'))) {
    throw new Error('Build the package first: npx tsc -b packages/amplify-local-cloud');
  }
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'amplify-service-e2e-'));
});
afterAll(async () => {
  await stopInstance({ dataDir: path.join(root, 'data') });
  fs.rmSync(root, { recursive: true, force: true });
});

test('the Amplify service of a detached local cloud: the init calls of the original CLI, errors, a manual deployment served, a restart', async () => {
  const dataDir = path.join(root, 'data');
  let { endpoint, client } = await start(dataDir);

  // What the original CLI's init does: find apps, create one, then its backend environment.
  expect((await client.send(new ListAppsCommand({ maxResults: 25 }))).apps).toEqual([]);
  const { app } = await client.send(
    new CreateAppCommand({ name: 'e2eproj', environmentVariables: { _LIVE_PACKAGE_UPDATES: '[{"pkg":"@aws-amplify/cli","type":"npm","version":"latest"}]' } }),
  );
  const appId = app!.appId!;
  expect(appId).toMatch(/^d[a-z0-9]{13}$/);
  expect((await errorOf(client.send(new GetBackendEnvironmentCommand({ appId, environmentName: 'dev' })))).name).toBe('NotFoundException');
  await client.send(new CreateBackendEnvironmentCommand({ appId, environmentName: 'dev', stackName: 'amplify-e2eproj-dev-12345', deploymentArtifacts: 'amplify-e2eproj-dev-12345-deployment' }));
  expect((await errorOf(client.send(new GetAppCommand({ appId: 'dzzzzzzzzzzzzz' })))).name).toBe('NotFoundException');
  expect((await errorOf(client.send(new CreateAppCommand({ name: '' })))).name).toBe('BadRequestException');

  // The hosting plugin's publish: cancel pending jobs, create a deployment, PUT the zip, start it, poll the job.
  await client.send(new CreateBranchCommand({ appId, branchName: 'dev', stage: 'PRODUCTION' }));
  const stale = await client.send(new CreateDeploymentCommand({ appId, branchName: 'dev' }));
  for (const summary of (await client.send(new ListJobsCommand({ appId, branchName: 'dev' }))).jobSummaries ?? []) {
    if (summary.status === 'PENDING' || summary.status === 'RUNNING') await client.send(new StopJobCommand({ appId, branchName: 'dev', jobId: summary.jobId }));
  }
  expect((await client.send(new GetJobCommand({ appId, branchName: 'dev', jobId: stale.jobId }))).job!.summary!.status).toBe('CANCELLED');
  const { jobId, zipUploadUrl } = await client.send(new CreateDeploymentCommand({ appId, branchName: 'dev' }));
  const zip = zipSync({ 'index.html': text('<h1>e2e</h1>'), 'css/site.css': text('h1{}') });
  expect((await fetch(zipUploadUrl!, { method: 'PUT', body: zip })).status).toBe(200);
  await client.send(new StartDeploymentCommand({ appId, branchName: 'dev', jobId }));
  expect((await client.send(new GetJobCommand({ appId, branchName: 'dev', jobId }))).job!.summary!.status).toBe('SUCCEED');
  const site = `${endpoint}/_amplifyapp/${appId}/dev/`;
  expect(await (await fetch(site)).text()).toBe('<h1>e2e</h1>');
  expect((await fetch(`${site}css/site.css`)).headers.get('content-type')).toBe('text/css; charset=utf-8');

  // A zip whose entry climbs out of the site is refused: the job fails and the site stays as it was.
  const evil = await client.send(new CreateDeploymentCommand({ appId, branchName: 'dev' }));
  await fetch(evil.zipUploadUrl!, { method: 'PUT', body: zipSync({ '../../../outside.html': text('evil') }) });
  const { jobSummary } = await client.send(new StartDeploymentCommand({ appId, branchName: 'dev', jobId: evil.jobId }));
  expect(jobSummary!.status).toBe('FAILED');
  expect(await (await fetch(site)).text()).toBe('<h1>e2e</h1>');

  const status = JSON.parse((await bin('status', '--json', '--data-dir', dataDir)).stdout) as { amplifyApps: { appId: string; branches: { url: string }[] }[] };
  expect(status.amplifyApps).toEqual([expect.objectContaining({ appId, environments: ['dev'], branches: [expect.objectContaining({ name: 'dev', url: site, deployed: true })] })]);

  client.destroy();
  expect((await bin('stop', '--data-dir', dataDir)).code).toBe(0);
  ({ endpoint, client } = await start(dataDir));
  try {
    const environment = await client.send(new GetBackendEnvironmentCommand({ appId, environmentName: 'dev' }));
    expect(environment.backendEnvironment!.stackName).toBe('amplify-e2eproj-dev-12345');
    expect((await client.send(new GetAppCommand({ appId }))).app!.productionBranch!.branchName).toBe('dev');
    expect(await (await fetch(`${endpoint}/_amplifyapp/${appId}/dev/`)).text()).toBe('<h1>e2e</h1>');
  } finally {
    client.destroy();
  }
});
