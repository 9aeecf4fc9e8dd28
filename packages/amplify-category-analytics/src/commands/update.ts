import { AmplifyError, pathManager, type AmplifyContext } from 'amplify-cli-core';
import type { KinesisConfig } from '../service/analytics-config';
import { analyticsResources, readAnalyticsConfig, saveAnalyticsResource, serviceOf } from '../service/analytics-resource';
import { runKinesisUpdateWalkthrough } from '../service/walkthrough';

/** `amplify update analytics [name]`: a Kinesis stream's shard count; a Pinpoint app has nothing to change. */
export async function run(context: AmplifyContext): Promise<void> {
  const projectRoot = pathManager.findProjectRoot();
  const names = analyticsResources(projectRoot);
  if (names.length === 0) {
    throw new AmplifyError('ResourceNotFound', 'No analytics resource in this project', { resolution: 'Run "amplify add analytics" first' });
  }
  const name =
    context.input.subCommands?.[0] ??
    (names.length === 1
      ? names[0]
      : await context.amplify.prompter.pick<string>({ message: 'Select the Analytics resource to update', choices: names, flag: 'the resource name (amplify update analytics <name>)' }));
  if (serviceOf(projectRoot, name) === 'Pinpoint') {
    context.print.info(`The Pinpoint app ${name} has no settings to update; its channels are configured with "amplify update notifications".`);
    return;
  }
  const config = await runKinesisUpdateWalkthrough(context.amplify.prompter, readAnalyticsConfig<KinesisConfig>(projectRoot, name));
  await saveAnalyticsResource(projectRoot, config, 'update');
  context.print.success(`Successfully updated resource ${name} locally`);
}
