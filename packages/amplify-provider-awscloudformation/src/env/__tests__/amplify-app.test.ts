import {
  AmplifyClient,
  CreateAppCommand,
  CreateBackendEnvironmentCommand,
  DeleteAppCommand,
  DeleteBackendEnvironmentCommand,
  GetAppCommand,
  GetBackendEnvironmentCommand,
  ListBackendEnvironmentsCommand,
  NotFoundException,
} from '@aws-sdk/client-amplify';
import { mockClient } from 'aws-sdk-client-mock';
import { findAppBackendEnvironment, registerBackendEnvironment, unregisterBackendEnvironment } from '../amplify-app';

const amplifyMock = mockClient(AmplifyClient);
const client = new AmplifyClient({ region: 'us-east-1', credentials: { accessKeyId: 'AKIATEST', secretAccessKey: 'secret' } });

beforeEach(() => amplifyMock.reset());

describe('the Amplify app of a project', () => {
  it('adds a second env to the app the first one made, without a new app', async () => {
    amplifyMock.on(CreateBackendEnvironmentCommand).resolves({});
    const appId = await registerBackendEnvironment(client, { appId: 'd1app', projectName: 'shop', envName: 'prod', stackName: 'amplify-shop-prod-1', deploymentBucketName: 'amplify-shop-prod-1-deployment' });
    expect(appId).toBe('d1app');
    expect(amplifyMock.commandCalls(CreateAppCommand)).toHaveLength(0);
    expect(amplifyMock.commandCalls(CreateBackendEnvironmentCommand)[0].args[0].input).toMatchObject({ appId: 'd1app', environmentName: 'prod' });
  });

  it('deletes the app with its last env, keeps it while others remain, and ignores an app already gone', async () => {
    amplifyMock.on(DeleteBackendEnvironmentCommand).resolves({});
    amplifyMock.on(ListBackendEnvironmentsCommand).resolvesOnce({ backendEnvironments: [{ environmentName: 'dev' } as never] }).resolves({ backendEnvironments: [] });
    await unregisterBackendEnvironment(client, 'd1app', 'prod');
    expect(amplifyMock.commandCalls(DeleteAppCommand)).toHaveLength(0);
    await unregisterBackendEnvironment(client, 'd1app', 'dev');
    expect(amplifyMock.commandCalls(DeleteAppCommand)[0].args[0].input).toEqual({ appId: 'd1app' });

    amplifyMock.on(DeleteBackendEnvironmentCommand).rejects(new NotFoundException({ message: 'App d1gone not found.', $metadata: {} }));
    await expect(unregisterBackendEnvironment(client, 'd1gone', 'dev')).resolves.toBeUndefined();
  });
});

describe('finding an env of an Amplify app (pull --appId)', () => {
  const noPick = () => Promise.reject(new Error('no pick expected'));
  const registered = { environmentName: 'dev', stackName: 'amplify-shop-dev-1', deploymentArtifacts: 'amplify-shop-dev-1-deployment' };

  it('answers the named env\'s stack and deployment bucket, and the app\'s name as the project name', async () => {
    amplifyMock.on(GetAppCommand).resolves({ app: { appId: 'd1app', name: 'shop' } as never });
    amplifyMock.on(GetBackendEnvironmentCommand).resolves({ backendEnvironment: registered as never });
    await expect(findAppBackendEnvironment(client, 'd1app', 'dev', noPick)).resolves.toEqual({
      appId: 'd1app',
      appName: 'shop',
      envName: 'dev',
      stackName: 'amplify-shop-dev-1',
      deploymentBucketName: 'amplify-shop-dev-1-deployment',
    });
    expect(amplifyMock.commandCalls(GetBackendEnvironmentCommand)[0].args[0].input).toEqual({ appId: 'd1app', environmentName: 'dev' });
    expect(amplifyMock.commandCalls(ListBackendEnvironmentsCommand)).toHaveLength(0);
  });

  it('takes the only env without asking, and asks among several', async () => {
    amplifyMock.on(GetAppCommand).resolves({ app: { appId: 'd1app', name: 'shop' } as never });
    amplifyMock.on(GetBackendEnvironmentCommand).callsFake((input: { environmentName: string }) => ({ backendEnvironment: { ...registered, environmentName: input.environmentName } }));
    amplifyMock.on(ListBackendEnvironmentsCommand).resolvesOnce({ backendEnvironments: [registered as never] }).resolves({ backendEnvironments: [registered, { ...registered, environmentName: 'prod' }] as never });
    expect((await findAppBackendEnvironment(client, 'd1app', undefined, noPick)).envName).toBe('dev');
    const pickEnv = jest.fn(async (names: string[]) => names[1]);
    expect((await findAppBackendEnvironment(client, 'd1app', undefined, pickEnv)).envName).toBe('prod');
    expect(pickEnv).toHaveBeenCalledWith(['dev', 'prod']);
  });

  it('names an unknown app, an unknown env and an app without envs, with how to list them', async () => {
    amplifyMock.on(GetAppCommand).rejects(new NotFoundException({ message: 'App d1gone not found.', $metadata: {} }));
    await expect(findAppBackendEnvironment(client, 'd1gone', 'dev', noPick)).rejects.toMatchObject({
      code: 'AppNotFound',
      message: 'The Amplify app "d1gone" does not exist in this account and region.',
      resolution: expect.stringContaining('list-apps'),
    });

    amplifyMock.on(GetAppCommand).resolves({ app: { appId: 'd1app', name: 'shop' } as never });
    amplifyMock.on(GetBackendEnvironmentCommand).rejects(new NotFoundException({ message: 'Backend environment qa not found.', $metadata: {} }));
    await expect(findAppBackendEnvironment(client, 'd1app', 'qa', noPick)).rejects.toMatchObject({
      code: 'EnvironmentNotFound',
      message: 'The Amplify app "d1app" has no backend environment "qa".',
      resolution: expect.stringContaining('list-backend-environments --app-id d1app'),
    });

    amplifyMock.on(ListBackendEnvironmentsCommand).resolves({ backendEnvironments: [] });
    await expect(findAppBackendEnvironment(client, 'd1app', undefined, noPick)).rejects.toMatchObject({ code: 'EnvironmentNotFound', message: expect.stringContaining('has no backend environment to pull') });
  });

  it('refuses an env registered without its stack or deployment bucket', async () => {
    amplifyMock.on(GetAppCommand).resolves({ app: { appId: 'd1app', name: 'shop' } as never });
    amplifyMock.on(GetBackendEnvironmentCommand).resolves({ backendEnvironment: { environmentName: 'dev', stackName: 'amplify-shop-dev-1' } as never });
    await expect(findAppBackendEnvironment(client, 'd1app', 'dev', noPick)).rejects.toMatchObject({ code: 'EnvironmentNotFound', message: expect.stringContaining('names no stack or deployment bucket') });
  });
});
