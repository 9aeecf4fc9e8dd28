import { AmplifyError, getCategoryResources, pathManager, stateManager, type AmplifyContext } from 'amplify-cli-core';

/** `amplify analytics console`: the AWS console page of the deployed Pinpoint app or Kinesis stream. */
export async function run(context: AmplifyContext): Promise<void> {
  const meta = stateManager.getMeta(pathManager.findProjectRoot());
  const resources = getCategoryResources(meta, 'analytics');
  const deployed = Object.keys(resources).filter((name) => resources[name].output);
  if (deployed.length === 0) {
    throw new AmplifyError('ResourceNotDeployed', 'No analytics resource has been pushed yet', { resolution: 'Run "amplify push" first' });
  }
  const name = deployed.length === 1 ? deployed[0] : await context.amplify.prompter.pick<string>({ message: 'Select the resource', choices: deployed, flag: '--yes' });
  const output = resources[name].output ?? {};
  const region = String(output.Region ?? meta.providers?.awscloudformation?.Region ?? 'us-east-1');
  const url =
    resources[name].service === 'Pinpoint'
      ? `https://${region}.console.aws.amazon.com/pinpoint/home/?region=${region}#/apps/${String(output.Id)}/analytics/overview`
      : `https://${region}.console.aws.amazon.com/kinesis/home?region=${region}#/streams/details/${String(output.kinesisStreamId)}/monitoring`;
  context.print.info(`${name}: ${url}`);
}
