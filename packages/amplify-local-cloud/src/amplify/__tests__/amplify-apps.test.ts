import {
  AmplifyClient,
  AmplifyServiceException,
  CreateAppCommand,
  CreateBackendEnvironmentCommand,
  DeleteAppCommand,
  DeleteBackendEnvironmentCommand,
  GetAppCommand,
  GetBackendEnvironmentCommand,
  ListAppsCommand,
  ListBackendEnvironmentsCommand,
  ListTagsForResourceCommand,
  TagResourceCommand,
  UntagResourceCommand,
  UpdateAppCommand,
} from '@aws-sdk/client-amplify';
import { signedRequest, serviceErrorOf, startTestCloud, type TestCloud } from '../../__tests__/test-cloud';

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

test('CreateApp answers an app shaped as AWS shapes it, and GetApp reads it back', async () => {
  const before = Date.now();
  const { app } = await amplify.send(new CreateAppCommand({ name: 'notes', environmentVariables: { _LIVE_PACKAGE_UPDATES: '[]' }, tags: { team: 'web' } }));
  expect(app!.appId).toMatch(/^d[a-z0-9]{13}$/);
  expect(app).toMatchObject({
    appArn: `arn:aws:amplify:us-east-1:123456789012:apps/${app!.appId}`,
    name: 'notes',
    platform: 'WEB',
    defaultDomain: `${app!.appId}.amplifyapp.com`,
    environmentVariables: { _LIVE_PACKAGE_UPDATES: '[]' },
    enableBasicAuth: false,
    enableBranchAutoBuild: false,
    tags: { team: 'web' },
    customRules: [{ source: '/<*>', target: '/index.html', status: '404-200' }],
  });
  expect(app!.createTime).toBeInstanceOf(Date);
  expect(app!.createTime!.getTime()).toBeGreaterThanOrEqual(before - 1000);
  const got = await amplify.send(new GetAppCommand({ appId: app!.appId }));
  expect(got.app).toEqual(app);
});

test('an unknown app is NotFoundException; a malformed id or a missing name is BadRequestException', async () => {
  const missing = await errorOf(amplify.send(new GetAppCommand({ appId: 'dnothere000000' })));
  expect(missing.name).toBe('NotFoundException');
  expect(missing.$metadata.httpStatusCode).toBe(404);
  expect(missing.message).toContain('dnothere000000');
  const malformed = await errorOf(amplify.send(new GetAppCommand({ appId: 'NOT-AN-ID' })));
  expect(malformed.name).toBe('BadRequestException');
  const unnamed = await errorOf(amplify.send(new CreateAppCommand({ name: '' })));
  expect(unnamed.name).toBe('BadRequestException');
  expect(unnamed.message).toContain("'name'");
  const badPlatform = await errorOf(amplify.send(new CreateAppCommand({ name: 'x', platform: 'MAINFRAME' as never })));
  expect(badPlatform.name).toBe('BadRequestException');
});

test('the wire error carries x-amzn-ErrorType and a JSON message', async () => {
  const response = await signedRequest(`${cloud.cloud.endpoint}/apps/dmissing0000000`, {}, { credentials: cloud.config.credentials, service: 'amplify' });
  expect(response.status).toBe(404);
  expect(response.headers['x-amzn-errortype']).toBe('NotFoundException');
  expect(JSON.parse(response.body)).toEqual({ message: 'App dmissing0000000 not found.' });
  const body = await signedRequest(`${cloud.cloud.endpoint}/apps`, { method: 'POST', body: '{not json' }, { credentials: cloud.config.credentials, service: 'amplify' });
  expect(body.status).toBe(400);
  expect(body.headers['x-amzn-errortype']).toBe('BadRequestException');
});

test('ListApps pages with nextToken and maxResults, and keeps apps of another region apart', async () => {
  const created: string[] = [];
  for (let index = 0; index < 5; index += 1) {
    const { app } = await amplify.send(new CreateAppCommand({ name: `paged-${index}` }));
    created.push(app!.appId!);
  }
  const seen: string[] = [];
  let nextToken: string | undefined;
  let pages = 0;
  do {
    const page = await amplify.send(new ListAppsCommand({ maxResults: 2, nextToken }));
    expect(page.apps!.length).toBeLessThanOrEqual(2);
    seen.push(...page.apps!.map((app) => app.appId!));
    nextToken = page.nextToken;
    pages += 1;
  } while (nextToken !== undefined);
  expect(seen).toEqual(expect.arrayContaining(created));
  expect(new Set(seen).size).toBe(seen.length);
  expect(pages).toBe(Math.ceil(seen.length / 2));
  const other = new AmplifyClient({ ...cloud.config, region: 'eu-west-1' });
  expect((await other.send(new ListAppsCommand({}))).apps).toEqual([]);
  expect((await errorOf(other.send(new GetAppCommand({ appId: created[0] })))).name).toBe('NotFoundException');
  other.destroy();
  expect((await errorOf(amplify.send(new ListAppsCommand({ nextToken: 'garbage' })))).name).toBe('BadRequestException');
  expect((await errorOf(amplify.send(new ListAppsCommand({ maxResults: 101 })))).name).toBe('BadRequestException');
});

test('UpdateApp changes only what it is given and moves updateTime', async () => {
  const { app } = await amplify.send(new CreateAppCommand({ name: 'to-update', description: 'first' }));
  const { app: updated } = await amplify.send(
    new UpdateAppCommand({ appId: app!.appId, name: 'renamed', customRules: [{ source: '/old', target: '/new', status: '301' }] }),
  );
  expect(updated).toMatchObject({ name: 'renamed', description: 'first', customRules: [{ source: '/old', target: '/new', status: '301' }] });
  expect(updated!.updateTime!.getTime()).toBeGreaterThanOrEqual(app!.updateTime!.getTime());
  const badRule = await errorOf(amplify.send(new UpdateAppCommand({ appId: app!.appId, customRules: [{ source: '/a', target: '/b', status: '999' }] })));
  expect(badRule.name).toBe('BadRequestException');
});

test('backend environments: create, get, list with the environmentName filter, duplicate refused, delete', async () => {
  const { app } = await amplify.send(new CreateAppCommand({ name: 'with-envs' }));
  const appId = app!.appId!;
  const { backendEnvironment } = await amplify.send(
    new CreateBackendEnvironmentCommand({ appId, environmentName: 'dev', stackName: 'amplify-notes-dev-12345', deploymentArtifacts: 'amplify-notes-dev-12345-deployment' }),
  );
  expect(backendEnvironment).toMatchObject({
    backendEnvironmentArn: `arn:aws:amplify:us-east-1:123456789012:apps/${appId}/backendenvironments/dev`,
    environmentName: 'dev',
    stackName: 'amplify-notes-dev-12345',
    deploymentArtifacts: 'amplify-notes-dev-12345-deployment',
  });
  await amplify.send(new CreateBackendEnvironmentCommand({ appId, environmentName: 'prod' }));
  const duplicate = await errorOf(amplify.send(new CreateBackendEnvironmentCommand({ appId, environmentName: 'dev' })));
  expect(duplicate.name).toBe('BadRequestException');
  expect((await amplify.send(new GetBackendEnvironmentCommand({ appId, environmentName: 'dev' }))).backendEnvironment).toEqual(backendEnvironment);
  const all = await amplify.send(new ListBackendEnvironmentsCommand({ appId }));
  expect(all.backendEnvironments!.map((environment) => environment.environmentName)).toEqual(['dev', 'prod']);
  const filtered = await amplify.send(new ListBackendEnvironmentsCommand({ appId, environmentName: 'prod' }));
  expect(filtered.backendEnvironments!.map((environment) => environment.environmentName)).toEqual(['prod']);
  await amplify.send(new DeleteBackendEnvironmentCommand({ appId, environmentName: 'dev' }));
  const gone = await errorOf(amplify.send(new GetBackendEnvironmentCommand({ appId, environmentName: 'dev' })));
  expect(gone.name).toBe('NotFoundException');
  expect((await errorOf(amplify.send(new DeleteBackendEnvironmentCommand({ appId, environmentName: 'dev' })))).name).toBe('NotFoundException');
  expect((await errorOf(amplify.send(new CreateBackendEnvironmentCommand({ appId: 'dnothere000000', environmentName: 'dev' })))).name).toBe('NotFoundException');
});

test('tags: TagResource merges, UntagResource removes, an unknown ARN is ResourceNotFoundException', async () => {
  const { app } = await amplify.send(new CreateAppCommand({ name: 'tagged', tags: { a: '1' } }));
  const resourceArn = app!.appArn!;
  await amplify.send(new TagResourceCommand({ resourceArn, tags: { b: '2' } }));
  expect((await amplify.send(new ListTagsForResourceCommand({ resourceArn }))).tags).toEqual({ a: '1', b: '2' });
  await amplify.send(new UntagResourceCommand({ resourceArn, tagKeys: ['a'] }));
  expect((await amplify.send(new ListTagsForResourceCommand({ resourceArn }))).tags).toEqual({ b: '2' });
  expect((await amplify.send(new GetAppCommand({ appId: app!.appId }))).app!.tags).toEqual({ b: '2' });
  const unknown = await errorOf(amplify.send(new ListTagsForResourceCommand({ resourceArn: 'arn:aws:amplify:us-east-1:123456789012:apps/dnothere000000' })));
  expect(unknown.name).toBe('ResourceNotFoundException');
  const reserved = await errorOf(amplify.send(new TagResourceCommand({ resourceArn, tags: { 'aws:x': 'y' } })));
  expect(reserved.name).toBe('BadRequestException');
});

test('DeleteApp removes the app and its environments; apps survive a restart', async () => {
  const { app: kept } = await amplify.send(new CreateAppCommand({ name: 'kept' }));
  await amplify.send(new CreateBackendEnvironmentCommand({ appId: kept!.appId, environmentName: 'dev', stackName: 's' }));
  const { app: doomed } = await amplify.send(new CreateAppCommand({ name: 'doomed' }));
  await amplify.send(new CreateBackendEnvironmentCommand({ appId: doomed!.appId, environmentName: 'dev' }));
  const { app: deleted } = await amplify.send(new DeleteAppCommand({ appId: doomed!.appId }));
  expect(deleted!.appId).toBe(doomed!.appId);
  expect((await errorOf(amplify.send(new GetAppCommand({ appId: doomed!.appId })))).name).toBe('NotFoundException');

  amplify.destroy();
  await cloud.stop();
  cloud = await startTestCloud(cloud.dataDir);
  amplify = new AmplifyClient(cloud.config);
  expect((await amplify.send(new GetAppCommand({ appId: kept!.appId }))).app).toEqual(kept);
  const environment = await amplify.send(new GetBackendEnvironmentCommand({ appId: kept!.appId, environmentName: 'dev' }));
  expect(environment.backendEnvironment!.stackName).toBe('s');
});
