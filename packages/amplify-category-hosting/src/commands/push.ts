import type { AmplifyContext } from 'amplify-cli-core';

/** `amplify hosting push`: the core push filtered to hosting. */
export async function run(context: AmplifyContext): Promise<void> {
  await context.amplify.pushResources(context, 'hosting');
}
