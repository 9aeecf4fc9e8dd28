import * as fs from 'fs';
import * as path from 'path';
import { isAmplifyError, type AmplifyContext } from 'amplify-cli-core';
import { buildAppSyncSchema, introspectionLayoutOf, introspectionText } from './appsync-schema';
import { buildCodegenProject, defaultCodegenProject } from './codegen-defaults';
import { generateForProject, openProjectSession, type CodegenPrinter, type ProjectSession } from './codegen-session';
import { readCodegenProjects, saveCodegenProject, type CodegenProject } from './graphql-config';
import { generateModels, MODEL_FRONTENDS } from './model-generation';
import { isDataStoreEnabled, readCompiledSchema } from './project-api';
import { askAddQuestions } from './walkthrough';

/** Whether the project's schema file already is what the compiled schema gives, i.e. codegen ran since it changed. */
function upToDate(session: ProjectSession, project: CodegenProject): boolean {
  if (!session.api || !project.schemaPath.endsWith('.json')) return false;
  const schemaFile = path.join(session.projectRoot, project.schemaPath);
  if (!fs.existsSync(schemaFile)) return false;
  const schema = buildAppSyncSchema(readCompiledSchema(session.projectRoot, session.api));
  return fs.readFileSync(schemaFile, 'utf8') === introspectionText(schema, introspectionLayoutOf(project.amplifyExtension.codeGenTarget));
}

const STATEMENTS_QUESTION =
  'Do you want to generate GraphQL statements (queries, mutations and subscription) based on your schema types?\nThis will overwrite your current graphql queries, mutations and subscriptions';

/**
 * After a push: when the project has a compiled AppSync API that changed since codegen last ran, configure codegen
 * for it if needed and regenerate statements, types and, for DataStore APIs, models. Without a person to ask (no
 * terminal, or `--yes`) every answer is the default; at a terminal the original's questions come first. A failure is
 * reported and never fails the push.
 */
export async function codegenAfterPush(context: AmplifyContext, print: CodegenPrinter): Promise<void> {
  try {
    const session = openProjectSession();
    const api = session.api;
    if (!api || !fs.existsSync(api.compiledSchemaPath) || session.app.frontend === 'flutter') return;
    const prompter = context.amplify.prompter;
    const ask = context.environment.isInteractive() && context.input.options?.yes !== true;
    const existing = readCodegenProjects(session.projectRoot);
    let project = existing.find((candidate) => candidate.projectName === api.name) ?? existing[0];
    let statements = true;
    let maxDepth: number | undefined;
    if (!project) {
      if (ask && !(await prompter.confirm({ message: 'Do you want to generate code for your newly created GraphQL API', default: true }))) return;
      // The add walkthrough without its last question; the depth answer serves this run only, as in the original.
      const answers = ask ? await askAddQuestions(prompter, session.app, { generateCode: true }) : undefined;
      project = answers ? buildCodegenProject(api.name, session.app, { ...answers, maxDepth: undefined }, {}) : defaultCodegenProject(api.name, session.app);
      saveCodegenProject(session.projectRoot, project);
      statements = answers?.generateDocs ?? true;
      maxDepth = answers?.maxDepth;
      print.info(`Added ${api.name} to .graphqlconfig.yml (target ${project.amplifyExtension.codeGenTarget || 'graphql'})`);
    } else {
      if (upToDate(session, project)) return;
      if (ask) {
        if (!(await prompter.confirm({ message: 'Do you want to update code for your updated GraphQL API', default: true }))) return;
        statements = await prompter.confirm({ message: STATEMENTS_QUESTION, default: true });
      }
    }
    generateForProject(session, project, { noDownload: false, statements, types: true, maxDepth }, print);
    if (MODEL_FRONTENDS.includes(session.app.frontend) && isDataStoreEnabled(api)) {
      const models = generateModels(session.projectRoot, api, session.app);
      print.success(`Successfully generated models. Generated models can be found in ${models.outputDir}`);
    }
  } catch (error) {
    const message = isAmplifyError(error) && error.resolution ? `${error.message} (${error.resolution})` : error instanceof Error ? error.message : String(error);
    print.warning(`Code generation failed with the following error \n${message}.`);
  }
}
