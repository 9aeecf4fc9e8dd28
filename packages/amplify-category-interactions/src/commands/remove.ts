import type { AmplifyContext } from 'amplify-cli-core';

/** `amplify remove interactions [name]`: the next push deletes the bot. */
export async function run(context: AmplifyContext): Promise<void> {
  const removed = await context.amplify.removeResource(context, 'interactions', context.input.subCommands?.[0]);
  context.print.success(`Successfully removed resource ${removed.resourceName} locally`);
}
