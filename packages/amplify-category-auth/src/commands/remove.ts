import type { AmplifyContext } from 'amplify-cli-core';

/** `amplify remove auth [name]`: refused while another resource (storage, groups, functions) depends on it. */
export async function run(context: AmplifyContext): Promise<void> {
  const removed = await context.amplify.removeResource(context, 'auth', context.input.subCommands?.[0]);
  context.print.success(`Successfully removed resource ${removed.resourceName} locally`);
}
