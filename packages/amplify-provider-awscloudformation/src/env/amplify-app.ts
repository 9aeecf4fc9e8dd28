import type { AmplifyClient } from '@aws-sdk/client-amplify';
import { AmplifyError } from 'amplify-cli-core';
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

export interface AppBackendEnvironment {
  appId: string;
  /** The app's name, which is the project's name (the app was created after it). */
  appName: string;
  envName: string;
  stackName: string;
  deploymentBucketName: string;
}

/**
 * `amplify pull --appId <id> [--envName <env>]`: the backend environment of an Amplify app, as init registered it.
 * Without an env name the app's only env is taken, else `pickEnv` chooses among them.
 */
export async function findAppBackendEnvironment(
  client: AmplifyClient,
  appId: string,
  envName: string | undefined,
  pickEnv: (envNames: string[]) => Promise<string>,
): Promise<AppBackendEnvironment> {
  const { GetAppCommand, GetBackendEnvironmentCommand, ListBackendEnvironmentsCommand, NotFoundException } = loadAmplifySdk();
  const listHint = 'List your apps with "aws amplify list-apps" (or the Amplify console), then pass one with --appId';
  let appName: string | undefined;
  try {
    appName = (await client.send(new GetAppCommand({ appId }))).app?.name;
  } catch (error) {
    if (!(error instanceof NotFoundException)) throw error;
    throw new AmplifyError('AppNotFound', `The Amplify app "${appId}" does not exist in this account and region.`, { resolution: listHint });
  }
  if (!appName) throw new Error(`The Amplify service answered no name for the app ${appId}.`);
  const envsHint = `List its envs with "aws amplify list-backend-environments --app-id ${appId}", then pass one with --envName`;
  let chosen = envName;
  if (chosen === undefined) {
    const envNames = ((await client.send(new ListBackendEnvironmentsCommand({ appId }))).backendEnvironments ?? []).map((env) => env.environmentName!);
    if (envNames.length === 0) {
      throw new AmplifyError('EnvironmentNotFound', `The Amplify app "${appId}" has no backend environment to pull.`, {
        resolution: 'Run "amplify init" (or "amplify env add") in the project to create one, then pull it',
      });
    }
    chosen = envNames.length === 1 ? envNames[0] : await pickEnv(envNames);
  }
  try {
    const { backendEnvironment } = await client.send(new GetBackendEnvironmentCommand({ appId, environmentName: chosen }));
    if (!backendEnvironment?.stackName || !backendEnvironment.deploymentArtifacts) {
      throw new AmplifyError('EnvironmentNotFound', `The env "${chosen}" of the Amplify app "${appId}" names no stack or deployment bucket.`, {
        resolution: 'Pull an env that "amplify init" or "amplify env add" created (they record both)',
      });
    }
    return { appId, appName, envName: chosen, stackName: backendEnvironment.stackName, deploymentBucketName: backendEnvironment.deploymentArtifacts };
  } catch (error) {
    if (!(error instanceof NotFoundException)) throw error;
    throw new AmplifyError('EnvironmentNotFound', `The Amplify app "${appId}" has no backend environment "${chosen}".`, { resolution: envsHint });
  }
}
