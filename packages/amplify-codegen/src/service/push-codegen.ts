import * as fs from 'fs';
import * as path from 'path';
import { isAmplifyError, type AmplifyContext } from 'amplify-cli-core';
import { buildAppSyncSchema, introspectionLayoutOf, introspectionText } from './appsync-schema';
import { defaultCodegenProject } from './codegen-defaults';
import { generateForProject, openProjectSession, type CodegenPrinter, type ProjectSession } from './codegen-session';
import { readCodegenProjects, saveCodegenProject, type CodegenProject } from './graphql-config';
import { generateModels, MODEL_FRONTENDS } from './model-generation';
import { isDataStoreEnabled, readCompiledSchema } from './project-api';

/** Whether the project's schema file already is what the compiled schema gives, i.e. codegen ran since it changed. */
function upToDate(session: ProjectSession, project: CodegenProject): boolean {
  if (!session.api || !project.schemaPath.endsWith('.json')) return false;
  const schemaFile = path.join(session.projectRoot, project.schemaPath);
  if (!fs.existsSync(schemaFile)) return false;
  const schema = buildAppSyncSchema(readCompiledSchema(session.projectRoot, session.api));
  return fs.readFileSync(schemaFile, 'utf8') === introspectionText(schema, introspectionLayoutOf(project.amplifyExtension.codeGenTarget));
}

/**
 * The project's codegen entry for its API: the configured one, or a new one with the frontend's defaults (without
 * region, apiId or maxDepth, as the original's push writes it).
 */
export function ensureCodegenProject(session: ProjectSession, apiName: string): { project: CodegenProject; added: boolean } | undefined {
  if (session.app.frontend === 'flutter') return undefined;
  const existing = readCodegenProjects(session.projectRoot);
  const found = existing.find((project) => project.projectName === apiName) ?? existing[0];
  if (found) return { project: found, added: false };
  const project = defaultCodegenProject(apiName, session.app);
  saveCodegenProject(session.projectRoot, project);
  return { project, added: true };
}

/**
 * After a push: when the project has a compiled AppSync API that changed since codegen last ran, configure codegen
 * for it if needed (defaults; a person at a terminal is asked first) and regenerate statements, types and, for
 * DataStore APIs, models. A failure is reported and never fails the push.
 */
export async function codegenAfterPush(context: AmplifyContext, print: CodegenPrinter): Promise<void> {
  try {
    const session = openProjectSession();
    if (!session.api || !fs.existsSync(session.api.compiledSchemaPath)) return;
    const configured = readCodegenProjects(session.projectRoot);
    const ask = context.environment.isInteractive() && context.input.options?.yes !== true;
    if (configured.length === 0 && ask && !(await context.amplify.prompter.confirm({ message: 'Do you want to generate code for your newly created GraphQL API', default: true }))) {
      return;
    }
    const ensured = ensureCodegenProject(session, session.api.name);
    if (!ensured) return;
    if (ensured.added) print.info(`Added ${session.api.name} to .graphqlconfig.yml (target ${ensured.project.amplifyExtension.codeGenTarget || 'graphql'})`);
    else if (upToDate(session, ensured.project)) return;
    else if (ask && !(await context.amplify.prompter.confirm({ message: 'Do you want to update code for your updated GraphQL API', default: true }))) return;
    generateForProject(session, ensured.project, { noDownload: false, statements: true, types: true }, print);
    if (MODEL_FRONTENDS.includes(session.app.frontend) && isDataStoreEnabled(session.api)) {
      const models = generateModels(session.projectRoot, session.api, session.app);
      print.success(`Successfully generated models. Generated models can be found in ${models.outputDir}`);
    }
  } catch (error) {
    const message = isAmplifyError(error) && error.resolution ? `${error.message} (${error.resolution})` : error instanceof Error ? error.message : String(error);
    print.warning(`Code generation failed with the following error \n${message}.`);
  }
}
