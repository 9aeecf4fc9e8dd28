import type { AmplifyClient } from '@aws-sdk/client-amplify';
import { loadAmplifySdk } from '../aws/sdk-modules';

export interface BackendEnvironmentRegistration {
  /** The project's app, when another env already made it; else one is created, named after the project. */
  appId: string | undefined;
  projectName: string;
  envName: string;
  stackName: string;
  deploymentBucketName: string;
}

/**
 * Records a new env as a backend environment of the project's Amplify app, as the original CLI does at init, so
 * `amplify pull --appId <id> --envName <env>` finds its stack and deployment bucket (with either CLI). Answers the
 * app id.
 */
export async function registerBackendEnvironment(client: AmplifyClient, registration: BackendEnvironmentRegistration): Promise<string> {
  const { CreateAppCommand, CreateBackendEnvironmentCommand } = loadAmplifySdk();
  const appId = registration.appId ?? (await client.send(new CreateAppCommand({ name: registration.projectName }))).app?.appId;
  if (!appId) throw new Error(`The Amplify service answered no app id for the app ${registration.projectName}.`);
  await client.send(
    new CreateBackendEnvironmentCommand({
      appId,
      environmentName: registration.envName,
      stackName: registration.stackName,
      deploymentArtifacts: registration.deploymentBucketName,
    }),
  );
  return appId;
}

/**
 * Removes a deleted env from the app, and the app once no env is left (the original deletes it with the project).
 * An app or env already gone is not an error.
 */
export async function unregisterBackendEnvironment(client: AmplifyClient, appId: string, envName: string): Promise<void> {
  const { DeleteAppCommand, DeleteBackendEnvironmentCommand, ListBackendEnvironmentsCommand, NotFoundException } = loadAmplifySdk();
  try {
    await client.send(new DeleteBackendEnvironmentCommand({ appId, environmentName: envName }));
    const remaining = (await client.send(new ListBackendEnvironmentsCommand({ appId }))).backendEnvironments ?? [];
    if (remaining.length === 0) await client.send(new DeleteAppCommand({ appId }));
  } catch (error) {
    if (!(error instanceof NotFoundException)) throw error;
  }
}
