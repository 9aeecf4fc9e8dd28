import type { AmplifyContext } from 'amplify-cli-core';

/** `amplify remove analytics [name]`: refused while notifications use the Pinpoint app (its dependsOn names it). */
export async function run(context: AmplifyContext): Promise<void> {
  const removed = await context.amplify.removeResource(context, 'analytics', context.input.subCommands?.[0]);
  context.print.success(`Successfully removed resource ${removed.resourceName} locally`);
}
