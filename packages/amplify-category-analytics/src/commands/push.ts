import type { AmplifyContext } from 'amplify-cli-core';

/** `amplify analytics push [name]`: the core push filtered to analytics. */
export async function run(context: AmplifyContext): Promise<void> {
  await context.amplify.pushResources(context, 'analytics', context.input.subCommands?.[0]);
}
