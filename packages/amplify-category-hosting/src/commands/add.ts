import { AmplifyError, pathManager, type AmplifyContext } from 'amplify-cli-core';
import { HOSTING_SERVICE, hostingDefaults } from '../service/hosting-config';
import { hostingEntry, saveHosting } from '../service/hosting-resource';
import { readHostingFlags, runAddWalkthrough } from '../service/hosting-walkthrough';

const AMPLIFY_CONSOLE = 'amplifyhosting';

/** `amplify add hosting` (alias `enable`): the hosting service, then the S3AndCloudFront walkthrough. */
export async function run(context: AmplifyContext): Promise<void> {
  const projectRoot = pathManager.findProjectRoot();
  const flags = readHostingFlags(context.input.options);
  if (hostingEntry(projectRoot)) {
    throw new AmplifyError('ResourceAlreadyExists', 'Hosting is already added to this project (S3AndCloudFront)', {
      resolution: 'Run "amplify configure hosting" to change it, or "amplify remove hosting" first',
    });
  }
  const service = await context.amplify.prompter.pick<string>({
    message: 'Select the plugin module to execute',
    choices: [
      { name: 'Amazon CloudFront and S3', value: HOSTING_SERVICE },
      { name: 'Hosting with Amplify Console (Managed hosting with custom domains, Continuous deployment)', value: AMPLIFY_CONSOLE },
    ],
    default: HOSTING_SERVICE,
    flag: '--yes',
  });
  if (service === AMPLIFY_CONSOLE) {
    throw new AmplifyError('ServiceNotAvailable', 'Hosting with Amplify Console needs the AWS Amplify Console service, which the local cloud does not have and this CLI does not drive', {
      resolution: 'Choose "Amazon CloudFront and S3" (PROD for HTTPS through CloudFront), or connect the repository in the Amplify Console on AWS',
    });
  }
  const config = await runAddWalkthrough(context.amplify.prompter, hostingDefaults(context.amplify.getProjectConfig().projectName), flags);
  await saveHosting(projectRoot, config, 'add');
  context.print.success(`Hosting (${config.environment === 'DEV' ? 'DEV: S3 website over HTTP' : 'PROD: CloudFront over HTTPS'}) added locally`);
  context.print.info('Run "amplify publish" to deploy it and upload the app, or "amplify push" to deploy only the bucket.');
}
