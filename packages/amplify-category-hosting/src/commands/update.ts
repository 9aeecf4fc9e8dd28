import { AmplifyError, pathManager, type AmplifyContext } from 'amplify-cli-core';
import { hostingEntry, readHostingConfig, saveHosting } from '../service/hosting-resource';
import { readHostingFlags, runConfigureWalkthrough } from '../service/hosting-walkthrough';
import { editPublishIgnore } from '../service/publish-ignore-walkthrough';

/** `amplify configure hosting` (alias `update`): flags, then the section menu (Website, CloudFront, Publish). */
export async function run(context: AmplifyContext): Promise<void> {
  const projectRoot = pathManager.findProjectRoot();
  const flags = readHostingFlags(context.input.options);
  const entry = hostingEntry(projectRoot);
  if (!entry) {
    throw new AmplifyError('ResourceNotFound', 'This project has no hosting', { resolution: 'Run "amplify add hosting" first' });
  }
  const prompter = context.amplify.prompter;
  const config = await runConfigureWalkthrough(prompter, readHostingConfig(projectRoot), flags, {
    deployed: entry.output !== undefined,
    editPublishIgnore: () => editPublishIgnore(prompter, projectRoot),
    print: (message) => context.print.info(message),
  });
  await saveHosting(projectRoot, config, 'update');
  context.print.success(`Hosting (${config.environment}) updated locally; run "amplify publish" to deploy it`);
}
