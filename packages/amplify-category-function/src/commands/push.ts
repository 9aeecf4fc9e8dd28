import type { AmplifyContext } from 'amplify-cli-core';
import { CATEGORY } from '../constants';

/** `amplify function push [name]`: the core push, filtered to functions (or to the one named). */
export async function run(context: AmplifyContext): Promise<void> {
  await context.amplify.pushResources(context, CATEGORY, context.parameters.first);
}
