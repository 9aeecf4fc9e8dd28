import { AmplifyError, pathManager, type AmplifyContext } from 'amplify-cli-core';
import { askDynamoDBTrigger, runDynamoDBAddWalkthrough } from '../service/dynamodb-walkthrough';
import { runS3Walkthrough, s3Defaults } from '../service/s3-walkthrough';
import { addDynamoDBTrigger, addTriggerFunction, ensureAuth, ensureGuestAccess, projectFunctions, saveDynamoDBResource, saveS3Resource, storageResources, userPoolGroups } from '../service/storage-resource';

const SERVICES = {
  S3: { alias: 'Content (Images, audio, video, etc.)', provider: 'awscloudformation' },
  DynamoDB: { alias: 'NoSQL Database', provider: 'awscloudformation' },
};

/** `amplify add storage`: pick the service, then its walkthrough. */
export async function run(context: AmplifyContext): Promise<void> {
  const projectRoot = pathManager.findProjectRoot();
  const prompter = context.amplify.prompter;
  const { service } = await context.amplify.serviceSelectionPrompt(context, 'storage', SERVICES);
  if (service === 'S3') {
    if (storageResources(projectRoot, 'S3').length > 0) {
      throw new AmplifyError('ResourceAlreadyExists', 'Amazon S3 storage was already added to your project', { resolution: 'Run "amplify update storage" to change it' });
    }
    await ensureAuth(context, projectRoot, false);
    const config = await runS3Walkthrough(prompter, {
      config: s3Defaults(context.amplify.getProjectConfig().projectName),
      isUpdate: false,
      groups: userPoolGroups(projectRoot),
      functions: projectFunctions(projectRoot),
      createTriggerFunction: () => addTriggerFunction(context, { kind: 's3' }),
    });
    await ensureGuestAccess(context, config);
    await saveS3Resource(projectRoot, config, 'add');
    context.print.success(`Successfully added resource ${config.resourceName} locally`);
  } else {
    context.print.info('Welcome to the NoSQL DynamoDB database wizard. This wizard asks you a series of questions to help determine how to set up your NoSQL database table.');
    const config = await runDynamoDBAddWalkthrough(prompter);
    const trigger = await askDynamoDBTrigger(prompter, async () => projectFunctions(projectRoot));
    await saveDynamoDBResource(projectRoot, config, 'add');
    if (trigger.mode !== 'none') context.print.success(`Added trigger function ${await addDynamoDBTrigger(context, projectRoot, config, trigger)} locally`);
    context.print.success(`Successfully added resource ${config.resourceName} locally`);
  }
  context.print.info('Run "amplify push" to build and deploy it to the cloud.');
}
