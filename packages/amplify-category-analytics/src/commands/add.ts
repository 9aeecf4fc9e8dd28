import { makeId, pathManager, type AmplifyContext } from 'amplify-cli-core';
import { ANALYTICS_SERVICES, type AnalyticsService } from '../service/analytics-config';
import { assertNoPinpoint, ensureAnalyticsAuth, saveAnalyticsResource } from '../service/analytics-resource';
import { PINPOINT_END_OF_LIFE } from '../service/messages';
import { runKinesisAddWalkthrough, runPinpointWalkthrough } from '../service/walkthrough';

/** `amplify add analytics`: the provider, its questions, then the auth requirement, as the original asks them. */
export async function run(context: AmplifyContext): Promise<void> {
  const resourceName = await addAnalytics(context);
  context.print.success(`Successfully added resource ${resourceName} locally`);
  context.print.info('Run "amplify push" to build and deploy it to the cloud.');
}

/** The add flow; returns the new resource's name (notifications creates its Pinpoint app through it). */
export async function addAnalytics(context: AmplifyContext, service?: AnalyticsService): Promise<string> {
  const projectRoot = pathManager.findProjectRoot();
  const prompter = context.amplify.prompter;
  context.print.warning(PINPOINT_END_OF_LIFE);
  const chosen =
    service ??
    (await prompter.pick<AnalyticsService>({
      message: 'Select an Analytics provider',
      choices: Object.entries(ANALYTICS_SERVICES).map(([value, info]) => ({ name: info.alias, value: value as AnalyticsService })),
      default: 'Pinpoint',
      flag: '--yes',
    }));
  const projectName = context.amplify.getProjectConfig().projectName;
  const shortId = makeId(8);
  if (chosen === 'Pinpoint') {
    assertNoPinpoint(projectRoot);
    const config = await runPinpointWalkthrough(prompter, { projectName, shortId });
    await ensureAnalyticsAuth(context, { headless: false });
    await saveAnalyticsResource(projectRoot, config, 'add');
    return config.resourceName;
  }
  const config = await runKinesisAddWalkthrough(prompter, { projectName, shortId });
  await ensureAnalyticsAuth(context, { headless: false });
  await saveAnalyticsResource(projectRoot, config, 'add');
  return config.resourceName;
}
