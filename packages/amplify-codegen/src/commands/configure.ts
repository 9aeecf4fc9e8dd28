import { type AmplifyContext } from 'amplify-cli-core';
import { assertCodegenSupported, buildCodegenProject } from '../service/codegen-defaults';
import { openProjectSession, rejectSubcommands, requireCodegenProjects, promptsOf } from '../service/codegen-session';
import { saveCodegenProject } from '../service/graphql-config';
import { askConfigureQuestions, readPresetAnswers } from '../service/walkthrough';

/** `amplify codegen configure` (alias `update`): asks the add questions again, the current answers as defaults. */
export async function run(context: AmplifyContext): Promise<void> {
  rejectSubcommands(context, 'amplify codegen configure');
  const session = openProjectSession();
  assertCodegenSupported(session.app);
  const projects = requireCodegenProjects(session.projectRoot);
  const prompter = promptsOf(context);
  const names = projects.map((project) => project.projectName);
  const name = names.length === 1 ? names[0] : await prompter.pick({ message: 'Choose the AppSync API', choices: names, default: names[0] });
  const current = projects.find((project) => project.projectName === name) ?? projects[0];
  const answers = await askConfigureQuestions(prompter, session.app, readPresetAnswers(context.input.options), current);
  const { region, apiId } = current.amplifyExtension;
  const updated = buildCodegenProject(current.projectName, session.app, answers, { region, apiId: apiId ?? undefined });
  // The schema location is kept: a user may have pointed it elsewhere.
  saveCodegenProject(session.projectRoot, { ...updated, schemaPath: current.schemaPath });
  context.print.success(`Updated the codegen configuration of ${name}; run "amplify codegen" to generate the code again`);
}
