import type { AmplifyContext } from 'amplify-cli-core';

/** `amplify api push [name]`: the core push filtered to the api category (GraphQL APIs are compiled by the provider first). */
export async function run(context: AmplifyContext): Promise<void> {
  await context.amplify.pushResources(context, 'api', context.input.subCommands?.[0]);
}
