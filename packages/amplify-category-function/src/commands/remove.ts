import type { AmplifyContext } from 'amplify-cli-core';
import { CATEGORY } from '../constants';

/** `amplify function remove [name]`: the core's removal (refused while another resource depends on the function). */
export async function run(context: AmplifyContext): Promise<void> {
  const removed = await context.amplify.removeResource(context, CATEGORY, context.parameters.first);
  context.print.success(`Successfully removed resource ${removed.resourceName} locally.`);
  context.print.info('"amplify push" deletes it from the cloud');
}
