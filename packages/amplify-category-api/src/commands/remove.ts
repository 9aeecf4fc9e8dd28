import type { AmplifyContext } from 'amplify-cli-core';

/** `amplify remove api [name]`: the core's removal (confirmation, dependants check); the next push deletes the stack. */
export async function run(context: AmplifyContext): Promise<void> {
  const removed = await context.amplify.removeResource(context, 'api', context.input.subCommands?.[0]);
  context.print.success(`Successfully removed resource ${removed.resourceName} locally`);
}
