import { pathManager, type AmplifyContext } from 'amplify-cli-core';
import { rejectSubcommands, requireCodegenProjects, promptsOf } from '../service/codegen-session';
import { writeCodegenProjects } from '../service/graphql-config';

/** `amplify codegen remove`: drops a project from .graphqlconfig.yml (generated files stay). */
export async function run(context: AmplifyContext): Promise<void> {
  rejectSubcommands(context, 'amplify codegen remove');
  const projectRoot = pathManager.findProjectRoot();
  const projects = requireCodegenProjects(projectRoot);
  const names = projects.map((project) => project.projectName);
  const removed =
    names.length === 1
      ? names[0]
      : await promptsOf(context).pick({ message: 'Choose the AppSync API that you want to remove from codegen', choices: names, default: names[0] });
  writeCodegenProjects(projectRoot, projects.filter((project) => project.projectName !== removed));
  context.print.success(`Removed ${removed} from codegen; the generated files were left in place`);
}
