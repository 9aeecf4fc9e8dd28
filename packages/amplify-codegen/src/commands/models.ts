import type { AmplifyContext } from 'amplify-cli-core';
import { openProjectSession, rejectSubcommands } from '../service/codegen-session';
import { generateModels } from '../service/model-generation';
import { requireProjectApi } from '../service/project-api';

/** `amplify codegen models [--output-dir <dir>]`: DataStore models from the annotated API schema. */
export async function run(context: AmplifyContext): Promise<void> {
  rejectSubcommands(context, 'amplify codegen models [--output-dir <dir>]');
  const session = openProjectSession();
  const outputDir = context.input.options?.['output-dir'] ?? context.input.options?.outputDir;
  const result = generateModels(session.projectRoot, requireProjectApi(session.projectRoot), session.app, typeof outputDir === 'string' ? outputDir : undefined);
  context.print.success(`Successfully generated models. Generated models can be found in ${result.outputDir}`);
}
