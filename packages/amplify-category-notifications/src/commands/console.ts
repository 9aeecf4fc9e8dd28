import { AmplifyError, getCategoryResources, pathManager, stateManager, type AmplifyContext } from 'amplify-cli-core';

/** `amplify notifications console`: the Pinpoint console page of the app's channel settings. */
export async function run(context: AmplifyContext): Promise<void> {
  const meta = stateManager.getMeta(pathManager.findProjectRoot());
  const [entry] = Object.values(getCategoryResources(meta, 'notifications'));
  const output = entry?.output;
  if (!output?.Id) throw new AmplifyError('ResourceNotDeployed', 'No notification channel has been pushed yet', { resolution: 'Run "amplify push" first' });
  const region = String(output.Region ?? meta.providers?.awscloudformation?.Region ?? 'us-east-1');
  context.print.info(`https://${region}.console.aws.amazon.com/pinpoint/home/?region=${region}#/apps/${String(output.Id)}/settings`);
}
