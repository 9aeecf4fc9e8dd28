import type { AmplifyContext } from 'amplify-cli-core';
import { HOSTING_RESOURCE_NAME } from '../service/hosting-config';

/** `amplify remove hosting`: the next push deletes the stack; the bucket is retained (DeletionPolicy Retain). */
export async function run(context: AmplifyContext): Promise<void> {
  const removed = await context.amplify.removeResource(context, 'hosting', HOSTING_RESOURCE_NAME);
  context.print.success(`Successfully removed resource ${removed.resourceName} locally; the bucket and its files are retained after the push`);
}
