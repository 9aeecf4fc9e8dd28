import { AmplifyError, pathManager, type AmplifyContext } from 'amplify-cli-core';
import type { DynamoDBConfig } from '../service/dynamodb-config';
import { askDynamoDBTrigger, runDynamoDBUpdateWalkthrough } from '../service/dynamodb-walkthrough';
import type { S3Config } from '../service/s3-config';
import { runS3Walkthrough } from '../service/s3-walkthrough';
import { addDynamoDBTrigger, addTriggerFunction, ensureGuestAccess, projectFunctions, readDynamoDBConfig, readS3Config, saveDynamoDBResource, saveS3Resource, serviceOf, storageResources, userPoolGroups } from '../service/storage-resource';

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
      config: readS3Config(projectRoot, name),
      isUpdate: true,
      groups: userPoolGroups(projectRoot),
      functions: projectFunctions(projectRoot),
      createTriggerFunction: () => addTriggerFunction(context, { kind: 's3' }),
    });
    await ensureGuestAccess(context, config);
    await saveS3Resource(projectRoot, config, 'update');
  } else {
    const config = await runDynamoDBUpdateWalkthrough(prompter, readDynamoDBConfig(projectRoot, name));
    // Functions the table does not list yet can become its triggers.
    const unlisted = async (): Promise<string[]> => projectFunctions(projectRoot).filter((fn) => !(config.triggerFunctions ?? []).includes(fn));
    const trigger = await askDynamoDBTrigger(prompter, unlisted);
    // The table is in the meta already: adding a trigger saves it, after creating or checking the function.
    if (trigger.mode !== 'none') context.print.success(`Added trigger function ${await addDynamoDBTrigger(context, projectRoot, config, trigger)} locally`);
    else await saveDynamoDBResource(projectRoot, config, 'update');
  }
  context.print.success(`Successfully updated resource ${name} locally`);
}
