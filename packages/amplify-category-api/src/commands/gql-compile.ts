import { AmplifyError, type AmplifyContext, pathManager } from 'amplify-cli-core';
import { apiResources } from '../service/api-resource';
import { compileApi, compiledLines, touchSchema, writeApiBuild } from '../service/compile';

/**
 * `amplify api gql-compile [--force] [--allow-destructive-graphql-schema-updates]`: compiles the GraphQL API into
 * `build/`. A refused schema exits non-zero with one line and leaves `build/` as it was. `--force` marks the API as
 * changed (a space appended to its schema) and allows destructive updates, as the original does.
 */
export async function run(context: AmplifyContext): Promise<void> {
  const projectRoot = pathManager.findProjectRoot();
  const [apiName] = apiResources(projectRoot, 'AppSync');
  if (!apiName) throw new AmplifyError('ResourceNotFound', 'This project has no GraphQL API to compile', { resolution: 'Run "amplify add api" first' });
  const options = context.input.options ?? {};
  const force = options.force === true;
  const compiled = compileApi({ projectRoot, apiName, allowDestructive: force || options['allow-destructive-graphql-schema-updates'] === true });
  if (force) touchSchema(projectRoot, apiName);
  writeApiBuild(compiled);
  for (const warning of compiled.warnings) context.print.warning(warning);
  for (const line of compiledLines(projectRoot, apiName)) context.print.info(line);
}
