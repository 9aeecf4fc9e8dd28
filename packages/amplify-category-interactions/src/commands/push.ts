import type { AmplifyContext } from 'amplify-cli-core';

/** `amplify interactions push [name]`: the core push filtered to interactions. */
export async function run(context: AmplifyContext): Promise<void> {
  await context.amplify.pushResources(context, 'interactions', context.input.subCommands?.[0]);
}
