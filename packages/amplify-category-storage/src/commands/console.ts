import { AmplifyError, getCategoryResources, pathManager, stateManager, type AmplifyContext } from 'amplify-cli-core';

/** `amplify storage console`: the AWS console page of a deployed bucket or table. */
export async function run(context: AmplifyContext): Promise<void> {
  const meta = stateManager.getMeta(pathManager.findProjectRoot());
  const resources = getCategoryResources(meta, 'storage');
  const deployed = Object.keys(resources).filter((name) => resources[name].output);
  if (deployed.length === 0) {
    throw new AmplifyError('ResourceNotDeployed', 'No storage resource has been pushed yet', { resolution: 'Run "amplify push" first' });
  }
  const name = deployed.length === 1 ? deployed[0] : await context.amplify.prompter.pick<string>({ message: 'Select the resource', choices: deployed, flag: '--yes' });
  const region = String(meta.providers?.awscloudformation?.Region ?? 'us-east-1');
  const output = resources[name].output ?? {};
  const url =
    resources[name].service === 'S3'
      ? `https://s3.console.aws.amazon.com/s3/buckets/${String(output.BucketName)}?region=${region}`
      : `https://${region}.console.aws.amazon.com/dynamodbv2/home?region=${region}#table?name=${String(output.Name)}`;
  context.print.info(`${name}: ${url}`);
}
