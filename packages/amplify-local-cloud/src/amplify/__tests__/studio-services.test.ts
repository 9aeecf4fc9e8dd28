import { AmplifyBackendClient, AmplifyBackendServiceException, GetBackendAPIModelsCommand, GetBackendCommand } from '@aws-sdk/client-amplifybackend';
import { AmplifyClient, CreateAppCommand } from '@aws-sdk/client-amplify';
import {
  AmplifyUIBuilderClient,
  AmplifyUIBuilderServiceException,
  ExportComponentsCommand,
  ExportFormsCommand,
  ExportThemesCommand,
  GetMetadataCommand,
  ListComponentsCommand,
  ListThemesCommand,
} from '@aws-sdk/client-amplifyuibuilder';
import { serviceErrorOf, startTestCloud, type TestCloud } from '../../__tests__/test-cloud';

let cloud: TestCloud;
let appId: string;
let uiBuilder: AmplifyUIBuilderClient;
let backend: AmplifyBackendClient;

beforeAll(async () => {
  cloud = await startTestCloud();
  const amplify = new AmplifyClient(cloud.config);
  appId = (await amplify.send(new CreateAppCommand({ name: 'studio-less' }))).app!.appId!;
  amplify.destroy();
  uiBuilder = new AmplifyUIBuilderClient(cloud.config);
  backend = new AmplifyBackendClient(cloud.config);
});

afterAll(async () => {
  uiBuilder.destroy();
  backend.destroy();
  await cloud.dispose();
});

test('UI Builder answers an app without Studio: no features, no components, themes or forms', async () => {
  const environmentName = 'dev';
  expect((await uiBuilder.send(new GetMetadataCommand({ appId, environmentName }))).features).toEqual({});
  expect((await uiBuilder.send(new ExportComponentsCommand({ appId, environmentName }))).entities).toEqual([]);
  expect((await uiBuilder.send(new ExportThemesCommand({ appId, environmentName }))).entities).toEqual([]);
  expect((await uiBuilder.send(new ExportFormsCommand({ appId, environmentName }))).entities).toEqual([]);
  expect((await uiBuilder.send(new ListComponentsCommand({ appId, environmentName }))).entities).toEqual([]);
  expect((await uiBuilder.send(new ListThemesCommand({ appId, environmentName }))).entities).toEqual([]);
  const unknown = await serviceErrorOf(uiBuilder.send(new GetMetadataCommand({ appId: 'dnothere000000', environmentName })), AmplifyUIBuilderServiceException);
  expect(unknown.name).toBe('ResourceNotFoundException');
});

test('Amplify Backend finds no Studio backend for an app, and no app that does not exist', async () => {
  const missing = await serviceErrorOf(backend.send(new GetBackendCommand({ AppId: appId })), AmplifyBackendServiceException);
  expect(missing.name).toBe('NotFoundException');
  expect(missing.$metadata.httpStatusCode).toBe(404);
  expect((missing as AmplifyBackendServiceException & { ResourceType?: string }).ResourceType).toBe('Backend');
  const models = await serviceErrorOf(backend.send(new GetBackendAPIModelsCommand({ AppId: appId, BackendEnvironmentName: 'dev', ResourceName: 'api' })), AmplifyBackendServiceException);
  expect(models.name).toBe('NotFoundException');
  const noApp = await serviceErrorOf(backend.send(new GetBackendCommand({ AppId: 'dnothere000000' })), AmplifyBackendServiceException);
  expect(noApp.name).toBe('NotFoundException');
  expect(noApp.message).toContain('dnothere000000');
});

test('the Studio app state the original CLI fetches names no admin app', async () => {
  const response = await fetch(`${cloud.cloud.endpoint}/_amplifyappstate/AppState/?appId=${appId}`);
  expect(response.status).toBe(200);
  const state = (await response.json()) as Record<string, unknown>;
  expect(Boolean(state.appId)).toBe(false);
});
