import { AmplifyError, pathManager, type AmplifyContext } from 'amplify-cli-core';
import type { DynamoDBConfig } from '../service/dynamodb-config';
import { runDynamoDBUpdateWalkthrough } from '../service/dynamodb-walkthrough';
import type { S3Config } from '../service/s3-config';
import { runS3Walkthrough } from '../service/s3-walkthrough';
import { ensureGuestAccess, projectFunctions, readStorageConfig, saveDynamoDBResource, saveS3Resource, serviceOf, storageResources, userPoolGroups } from '../service/storage-resource';

/** `amplify update storage [name]`: the resource's walkthrough with its current answers as defaults. */
export async function run(context: AmplifyContext): Promise<void> {
  const projectRoot = pathManager.findProjectRoot();
  const prompter = context.amplify.prompter;
  const names = storageResources(projectRoot);
  if (names.length === 0) {
    throw new AmplifyError('ResourceNotFound', 'No storage resource in this project', { resolution: 'Run "amplify add storage" first' });
  }
  const name =
    context.input.subCommands?.[0] ??
    (names.length === 1 ? names[0] : await prompter.pick<string>({ message: 'Select the resource that you would want to update', choices: names, flag: 'the resource name (amplify update storage <name>)' }));
  if (serviceOf(projectRoot, name) === 'S3') {
    const config = await runS3Walkthrough(prompter, {
      config: readStorageConfig<S3Config>(projectRoot, name),
      isUpdate: true,
      groups: userPoolGroups(projectRoot),
      functions: projectFunctions(projectRoot),
    });
    await ensureGuestAccess(context, config);
    await saveS3Resource(projectRoot, config, 'update');
  } else {
    const config = await runDynamoDBUpdateWalkthrough(prompter, readStorageConfig<DynamoDBConfig>(projectRoot, name));
    await saveDynamoDBResource(projectRoot, config, 'update');
  }
  context.print.success(`Successfully updated resource ${name} locally`);
}
