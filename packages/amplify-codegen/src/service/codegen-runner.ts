import * as fs from 'fs';
import * as path from 'path';
import { AmplifyError, writeFileAtomic } from 'amplify-cli-core';
import type { GraphQLSchema } from 'graphql';
import { buildAppSyncSchema, introspectionLayoutOf, introspectionText, schemaFromText } from './appsync-schema';
import { DEFAULT_MAX_DEPTH, type CodegenProject } from './graphql-config';
import { findIncludedFiles, loadOperations } from './operation-documents';
import { readCompiledSchema, type ProjectApi } from './project-api';
import { renderStatementFile, STATEMENT_FILE_KINDS, statementExtension, statementLanguageOf } from './statement-files';
import { generateOperations } from './statements';
import { collectTypeShapes } from './type-shapes';
import { renderFlowTypes, renderTypeScriptTypes } from './types-writers';
import { renderAngularService } from './angular-service';

export interface SchemaOptions {
  /** Use the `schema.json` already at schemaPath instead of regenerating it from the compiled schema. */
  noDownload?: boolean;
}

/**
 * The schema codegen works from. An SDL schemaPath is read as it is. An introspection schemaPath is (re)written
 * from the API's compiled schema first, which is what the original downloads from AppSync: the compiled schema is
 * what AppSync serves, so no network call is needed. With `noDownload` an existing file is used instead.
 */
export function loadProjectSchema(projectRoot: string, project: CodegenProject, api: ProjectApi | undefined, options: SchemaOptions = {}): GraphQLSchema {
  const schemaFile = path.join(projectRoot, project.schemaPath);
  if (!project.schemaPath.endsWith('.json')) {
    if (!fs.existsSync(schemaFile)) {
      throw new AmplifyError('SchemaNotFound', `The schema ${project.schemaPath} does not exist`, {
        resolution: 'Run "amplify api gql-compile" to compile the API, or fix schemaPath in .graphqlconfig.yml',
      });
    }
    return buildAppSyncSchema(fs.readFileSync(schemaFile, 'utf8'), project.schemaPath);
  }
  if (api && !(options.noDownload && fs.existsSync(schemaFile))) {
    const schema = buildAppSyncSchema(readCompiledSchema(projectRoot, api), path.relative(projectRoot, api.compiledSchemaPath));
    writeFileAtomic(schemaFile, introspectionText(schema, introspectionLayoutOf(project.amplifyExtension.codeGenTarget)));
    return schema;
  }
  if (!fs.existsSync(schemaFile)) {
    throw new AmplifyError('SchemaNotFound', `The introspection schema ${project.schemaPath} does not exist and the project has no GraphQL API to build it from`, {
      resolution: 'Add an API with "amplify add api", or place the schema at schemaPath',
    });
  }
  return schemaFromText(fs.readFileSync(schemaFile, 'utf8'), project.schemaPath);
}

export interface StatementsResult {
  /** Files written, project-relative. */
  files: string[];
  operationCount: number;
}

/** Writes `queries`/`mutations`/`subscriptions` for every root field into docsFilePath. */
export function writeStatements(projectRoot: string, project: CodegenProject, schema: GraphQLSchema, maxDepthOverride?: number): StatementsResult {
  const extension = project.amplifyExtension;
  const operations = generateOperations(schema, {
    maxDepth: maxDepthOverride ?? extension.maxDepth ?? DEFAULT_MAX_DEPTH,
    typenameIntrospection: extension.typenameIntrospection ?? true,
  });
  const language = statementLanguageOf(extension.codeGenTarget);
  const docsDir = path.join(projectRoot, extension.docsFilePath);
  const typesFile = extension.generatedFileName || path.join(extension.docsFilePath, '..', 'API.ts');
  const typesModule = path.relative(docsDir, path.join(projectRoot, typesFile)).split(path.sep).join('/').replace(/\.tsx?$/, '');
  const files: string[] = [];
  for (const kind of STATEMENT_FILE_KINDS) {
    if (operations[kind].length === 0) continue;
    const file = path.join(docsDir, `${kind}.${statementExtension(language)}`);
    writeFileAtomic(file, renderStatementFile(language, kind, operations[kind], { typesModule: typesModule.startsWith('.') ? typesModule : `./${typesModule}` }));
    files.push(path.relative(projectRoot, file));
  }
  return { files, operationCount: STATEMENT_FILE_KINDS.reduce((sum, kind) => sum + operations[kind].length, 0) };
}

export type TypesResult = { type: 'written'; file: string } | { type: 'skipped'; reason: string };

/**
 * Writes the types file (`generatedFileName`) from the operations in the included files. `generated` names the
 * statement files this run just wrote from the same schema (their validation is skipped).
 */
export function writeTypes(projectRoot: string, project: CodegenProject, schema: GraphQLSchema, generated: readonly string[] = []): TypesResult {
  const { codeGenTarget: target, generatedFileName } = project.amplifyExtension;
  if (target === 'javascript' || target === 'android' || target === '' || generatedFileName === '' || project.includes.length === 0) {
    return { type: 'skipped', reason: `the ${target || 'android'} target has no types file` };
  }
  if (target === 'swift') {
    return { type: 'skipped', reason: 'Swift types (API.swift) are not generated by this version; the statements in .graphql files are' };
  }
  const files = findIncludedFiles(projectRoot, project.includes, [...project.excludes, generatedFileName]);
  const operations = loadOperations(projectRoot, files, schema, new Set(generated.map((file) => file.split(path.sep).join('/'))));
  if (operations.length === 0) {
    throw new AmplifyError('NoQueriesFound', "No queries found to generate types for, you may need to run 'codegen statements' first", {
      resolution: `Run "amplify codegen statements", or check includes in .graphqlconfig.yml (${project.includes.join(', ')})`,
    });
  }
  const shapes = collectTypeShapes(schema, operations);
  const text = target === 'flow' ? renderFlowTypes(shapes) : target === 'angular' ? renderAngularService(shapes) : renderTypeScriptTypes(shapes);
  writeFileAtomic(path.join(projectRoot, generatedFileName), text);
  return { type: 'written', file: generatedFileName };
}
