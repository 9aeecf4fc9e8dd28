import type { AmplifyContext } from 'amplify-cli-core';
import { generateForProject, openProjectSession, readCodegenFlags, rejectSubcommands, requireCodegenProjects } from '../service/codegen-session';

/** `amplify codegen types [--nodownload]`: the types file from the statements the includes match. */
export async function run(context: AmplifyContext): Promise<void> {
  rejectSubcommands(context, 'amplify codegen types [--nodownload]');
  const flags = readCodegenFlags(context);
  const session = openProjectSession();
  for (const project of requireCodegenProjects(session.projectRoot)) {
    generateForProject(session, project, { ...flags, statements: false, types: true }, context.print);
  }
}
