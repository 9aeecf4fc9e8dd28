import type { AmplifyContext } from 'amplify-cli-core';

/** `amplify storage push [name]`: the core push filtered to storage. */
export async function run(context: AmplifyContext): Promise<void> {
  await context.amplify.pushResources(context, 'storage', context.input.subCommands?.[0]);
}
