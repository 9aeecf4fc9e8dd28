import type { AmplifyContext } from 'amplify-cli-core';

/** `amplify remove storage [name]`: the S3 bucket is retained in the cloud, as the original does. */
export async function run(context: AmplifyContext): Promise<void> {
  const removed = await context.amplify.removeResource(context, 'storage', context.input.subCommands?.[0]);
  context.print.success(`Successfully removed resource ${removed.resourceName} locally`);
}
