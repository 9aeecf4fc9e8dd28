import { AmplifyError, type AmplifyContext } from 'amplify-cli-core';
import { assertCodegenSupported, buildCodegenProject } from '../service/codegen-defaults';
import { generateForProject, openProjectSession, rejectSubcommands, promptsOf } from '../service/codegen-session';
import { readCodegenProjects, saveCodegenProject } from '../service/graphql-config';
import { requireProjectApi } from '../service/project-api';
import { askAddQuestions, readPresetAnswers } from '../service/walkthrough';

const ADD_OPTIONS = new Set(['apiId', 'region', 'yes', 'codegen', 'headless', 'debug']);

/** `amplify codegen add [--apiId <id>] [--region <r>]`: configures codegen for the project's API and generates. */
export async function run(context: AmplifyContext): Promise<void> {
  rejectSubcommands(context, 'amplify codegen add [--apiId <API_ID>] [--region <region>]');
  const unknown = Object.keys(context.input.options ?? {}).filter((option) => !ADD_OPTIONS.has(option));
  if (unknown.length > 0) {
    throw new AmplifyError('InvalidOptions', `amplify codegen add takes only apiId and region as parameters (got --${unknown.join(', --')})`, {
      resolution: 'Run "amplify codegen add [--apiId <API_ID>] [--region <region>]"',
    });
  }
  const session = openProjectSession();
  assertCodegenSupported(session.app);
  const api = requireProjectApi(session.projectRoot);
  const apiIdOption = context.input.options?.apiId;
  if (typeof apiIdOption === 'string' && api.apiId !== undefined && apiIdOption !== api.apiId) {
    throw new AmplifyError('RemoteApiNotSupported', `--apiId ${apiIdOption} is not this project's API (${api.apiId})`, {
      resolution: 'This version generates code for the project\'s own API only; run "amplify codegen add" without --apiId',
    });
  }
  if (readCodegenProjects(session.projectRoot).length > 0) {
    throw new AmplifyError('CodegenAlreadyConfigured', 'Codegen support only one GraphQL API per project', {
      resolution: 'Run "amplify codegen configure" to change it, or "amplify codegen remove" first',
    });
  }
  const answers = await askAddQuestions(promptsOf(context), session.app, readPresetAnswers(context.input.options));
  const region = typeof context.input.options?.region === 'string' ? context.input.options.region : api.region;
  const project = buildCodegenProject(api.name, session.app, answers, { region, apiId: api.apiId });
  saveCodegenProject(session.projectRoot, project);
  context.print.success(`Added ${api.name} to .graphqlconfig.yml`);
  if (answers.generateDocs || answers.generateCode) {
    generateForProject(session, project, { noDownload: false, statements: answers.generateDocs, types: answers.generateCode && answers.generateDocs }, context.print);
  }
}
