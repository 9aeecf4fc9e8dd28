import type { AmplifyContext } from 'amplify-cli-core';

/** `amplify auth push [name]`: the core push filtered to auth. */
export async function run(context: AmplifyContext): Promise<void> {
  await context.amplify.pushResources(context, 'auth', context.input.subCommands?.[0]);
}
