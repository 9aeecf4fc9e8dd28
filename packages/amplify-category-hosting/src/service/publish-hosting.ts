import { AmplifyError, type AmplifyContext } from 'amplify-cli-core';
import { connectHostingCloud } from './hosting-cloud';
import { HOSTING_SERVICE } from './hosting-config';
import { hostingEntry, readHostingConfig } from './hosting-resource';
import { publishIgnoreMatcher, readPublishIgnore } from './publish-ignore';
import { scanSite } from './site-files';
import { publishSite, type PublishResult } from './site-publisher';

/** `-c`, `--invalidateCloudFront` or the original's `--invalidateCache`. */
export function wantsInvalidation(options: Record<string, unknown> | undefined): boolean {
  return options?.c === true || options?.invalidateCloudFront === true || options?.invalidateCache === true;
}

/** The hosting plugin's `publish`: scan the folder, upload what changed, print the URL. */
export async function publishHosting(context: AmplifyContext, projectRoot: string, args: { service: string; distributionDirPath: string }): Promise<PublishResult> {
  if (args.service !== HOSTING_SERVICE) {
    throw new AmplifyError('ServiceNotAvailable', `This hosting plugin publishes to ${HOSTING_SERVICE}, not ${args.service}`, {
      resolution: 'Remove the other hosting service from amplify-meta.json with "amplify remove hosting", or publish it with its own tools',
    });
  }
  const entry = hostingEntry(projectRoot);
  if (!entry?.output) {
    throw new AmplifyError('HostingNotDeployed', 'Hosting has not been deployed yet', { resolution: 'Run "amplify push", then "amplify publish" again' });
  }
  const config = readHostingConfig(projectRoot);
  const site = scanSite(args.distributionDirPath, publishIgnoreMatcher(readPublishIgnore(projectRoot)));
  const cloud = await connectHostingCloud(context);
  let result: PublishResult;
  try {
    result = await publishSite({
      site,
      outputs: entry.output,
      indexDocument: config.environment === 'PROD' ? config.cloudFront.defaultRootObject : config.indexDocument,
      invalidate: wantsInvalidation(context.input.options),
      cloud,
    });
  } finally {
    cloud.close();
  }
  for (const warning of result.warnings) context.print.warning(warning);
  context.print.info(`Uploaded ${result.uploaded.length} file(s), removed ${result.deleted.length}, ${result.unchanged} unchanged`);
  if (result.invalidationId) context.print.info(`CloudFront invalidation ${result.invalidationId} created for /*`);
  context.print.success(`Your app is published successfully: ${result.url}`);
  return result;
}
