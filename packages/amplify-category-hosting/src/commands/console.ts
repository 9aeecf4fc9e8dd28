import { AmplifyError, pathManager, stateManager, type AmplifyContext } from 'amplify-cli-core';
import { hostingEntry } from '../service/hosting-resource';

/** `amplify hosting console`: the bucket's console page and the site's URL. */
export async function run(context: AmplifyContext): Promise<void> {
  const projectRoot = pathManager.findProjectRoot();
  const output = hostingEntry(projectRoot)?.output;
  if (!output || typeof output.HostingBucketName !== 'string') {
    throw new AmplifyError('ResourceNotDeployed', 'Hosting has not been pushed yet', { resolution: 'Run "amplify push" or "amplify publish" first' });
  }
  const region = String(output.Region ?? stateManager.getMeta(projectRoot).providers?.awscloudformation?.Region ?? 'us-east-1');
  context.print.info(`Bucket: https://s3.console.aws.amazon.com/s3/buckets/${output.HostingBucketName}/?region=${region}&tab=overview`);
  const site = output.CloudFrontSecureURL ?? output.WebsiteURL;
  if (typeof site === 'string') context.print.info(`Site: ${site}`);
}
