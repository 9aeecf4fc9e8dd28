import type { AmplifyContext } from 'amplify-cli-core';

/** `amplify notifications push [name]`: the core push filtered to notifications. */
export async function run(context: AmplifyContext): Promise<void> {
  await context.amplify.pushResources(context, 'notifications', context.input.subCommands?.[0]);
}
