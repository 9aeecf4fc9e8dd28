import { AmplifyError, createPrompter, pathManager, stateManager, type AmplifyContext, type Prompter } from 'amplify-cli-core';
import { assertCodegenSupported, describeAppFrontend, type AppFrontend } from './codegen-defaults';
import { loadProjectSchema, writeStatements, writeTypes } from './codegen-runner';
import { maxDepthProblem, readCodegenProjects, type CodegenProject } from './graphql-config';
import { findProjectApi, type ProjectApi } from './project-api';

/** The part of gluegun's print codegen uses. */
export interface CodegenPrinter {
  info(message: string): void;
  success(message: string): void;
  warning(message: string): void;
}

export interface CodegenFlags {
  /** `--maxDepth N` (also `--max-depth`), overriding the configured depth for this run. */
  maxDepth?: number;
  noDownload: boolean;
}

/** `--maxDepth` and `--nodownload`, checked. */
export function readCodegenFlags(context: AmplifyContext): CodegenFlags {
  const options = context.input.options ?? {};
  const depth = options.maxDepth ?? options['max-depth'] ?? options.maxdepth;
  if (depth !== undefined) {
    const problem = maxDepthProblem(depth);
    if (problem) throw new AmplifyError('InvalidMaxDepth', problem, { resolution: 'Pass a whole number of levels, e.g. --maxDepth 3' });
  }
  return { maxDepth: depth === undefined ? undefined : Number(depth), noDownload: options.nodownload === true || options.noDownload === true };
}

/** Under `--headless` (answers as JSON on stdin) nothing is asked: unanswered questions take their defaults. */
export function promptsOf(context: AmplifyContext): Prompter {
  return context.input.options?.headless === true ? createPrompter({ yes: true, isInteractive: () => false }) : context.amplify.prompter;
}

/** Codegen commands take no positional arguments ("amplify codegen statements extra" is a mistake). */
export function rejectSubcommands(context: AmplifyContext, usage: string): void {
  const extra = context.input.subCommands ?? [];
  if (extra.length > 0) {
    throw new AmplifyError('InvalidSubcommand', `"${extra.join(' ')}" is not a valid subcommand of amplify codegen${context.input.command && context.input.command !== 'codegen' ? ` ${context.input.command}` : ''}`, {
      resolution: `Usage: ${usage}; run "amplify codegen help" to list the subcommands`,
    });
  }
}

export interface ProjectSession {
  projectRoot: string;
  app: AppFrontend;
  api: ProjectApi | undefined;
}

export function openProjectSession(): ProjectSession {
  const projectRoot = pathManager.findProjectRoot();
  const app = describeAppFrontend(projectRoot, stateManager.getProjectConfig(projectRoot));
  return { projectRoot, app, api: findProjectApi(projectRoot) };
}

/** The configured projects; none is an error telling how to add one. */
export function requireCodegenProjects(projectRoot: string): CodegenProject[] {
  const projects = readCodegenProjects(projectRoot);
  if (projects.length === 0) {
    throw new AmplifyError('CodegenNotConfigured', 'code generation is not configured', { resolution: 'Configure it by running "amplify codegen add"' });
  }
  return projects;
}

export interface GenerateOptions extends CodegenFlags {
  statements: boolean;
  types: boolean;
}

/** Regenerates the introspection schema, then statements and/or types for one project, reporting each result. */
export function generateForProject(session: ProjectSession, project: CodegenProject, options: GenerateOptions, print: CodegenPrinter): void {
  assertCodegenSupported(session.app);
  if (!session.api && project.schemaPath.endsWith('.json') && !options.noDownload) {
    throw new AmplifyError('ApiMetadataNotFound', 'Cannot find API metadata.', {
      resolution: 'Please reset codegen by running $amplify codegen remove && amplify codegen add, or pass --nodownload to use the schema file as it is',
    });
  }
  const schema = loadProjectSchema(session.projectRoot, project, session.api, options);
  let generated: string[] = [];
  if (options.statements) {
    const result = writeStatements(session.projectRoot, project, schema, options.maxDepth);
    generated = result.files;
    if (result.operationCount === 0) {
      print.warning('No GraphQL statements are generated. Check if the introspection schema has GraphQL operations defined.');
    } else {
      print.success(`✔ Generated GraphQL operations successfully and saved at ${project.amplifyExtension.docsFilePath}`);
    }
  }
  if (options.types) {
    const result = writeTypes(session.projectRoot, project, schema, generated);
    if (result.type === 'written') print.success(`✔ Code generated successfully and saved in file ${result.file}`);
    else if (project.amplifyExtension.codeGenTarget === 'swift') print.warning(result.reason);
  }
}
