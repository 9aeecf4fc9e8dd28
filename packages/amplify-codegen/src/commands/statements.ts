import type { AmplifyContext } from 'amplify-cli-core';
import { generateForProject, openProjectSession, readCodegenFlags, rejectSubcommands, requireCodegenProjects } from '../service/codegen-session';

/** `amplify codegen statements [--nodownload] [--maxDepth N]`: queries, mutations and subscriptions only. */
export async function run(context: AmplifyContext): Promise<void> {
  rejectSubcommands(context, 'amplify codegen statements [--nodownload] [--maxDepth <number>]');
  const flags = readCodegenFlags(context);
  const session = openProjectSession();
  for (const project of requireCodegenProjects(session.projectRoot)) {
    generateForProject(session, project, { ...flags, statements: true, types: false }, context.print);
  }
}
