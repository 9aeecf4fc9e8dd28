import {
  AmplifyClient,
  CreateAppCommand,
  CreateBackendEnvironmentCommand,
  DeleteAppCommand,
  DeleteBackendEnvironmentCommand,
  ListBackendEnvironmentsCommand,
  NotFoundException,
} from '@aws-sdk/client-amplify';
import { mockClient } from 'aws-sdk-client-mock';
import { registerBackendEnvironment, unregisterBackendEnvironment } from '../amplify-app';

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
