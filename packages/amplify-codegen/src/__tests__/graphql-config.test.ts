import * as fs from 'fs';
import * as path from 'path';
import { stateManager } from 'amplify-cli-core';
import { cleanupTempDirs, thrownAmplifyError } from 'amplify-test-support';
import { parse as parseYaml } from 'yaml';
import { loadProjectSchema, writeStatements, writeTypes } from '../service/codegen-runner';
import { defaultCodegenProject, describeAppFrontend } from '../service/codegen-defaults';
import { GRAPHQL_CONFIG_FILENAME, readCodegenProjects, saveCodegenProject, writeCodegenProjects } from '../service/graphql-config';
import { findProjectApi } from '../service/project-api';
import { createCodegenProject } from './helpers';

afterAll(() => cleanupTempDirs());

const configPath = (root: string): string => path.join(root, GRAPHQL_CONFIG_FILENAME);
const readYaml = (root: string): Record<string, any> => parseYaml(fs.readFileSync(configPath(root), 'utf8'));

function configuredProject(options: Parameters<typeof createCodegenProject>[0] = {}) {
  const root = createCodegenProject(options);
  const app = describeAppFrontend(root, stateManager.getProjectConfig(root));
  saveCodegenProject(root, defaultCodegenProject(`${options.fixture ?? 'blog'}api`, app));
  return root;
}

describe('.graphqlconfig.yml', () => {
  test('is written in the original shape and read back', () => {
    const root = configuredProject();
    expect(readYaml(root)).toEqual({
      projects: {
        blogapi: {
          schemaPath: 'src/graphql/schema.json',
          includes: ['src/graphql/**/*.js'],
          excludes: ['./amplify/**'],
          extensions: { amplify: { codeGenTarget: 'javascript', generatedFileName: '', docsFilePath: 'src/graphql' } },
        },
      },
      extensions: { amplify: { version: 3 } },
    });
    expect(readCodegenProjects(root)).toEqual([
      {
        projectName: 'blogapi',
        schemaPath: 'src/graphql/schema.json',
        includes: ['src/graphql/**/*.js'],
        excludes: ['./amplify/**'],
        amplifyExtension: { codeGenTarget: 'javascript', generatedFileName: '', docsFilePath: 'src/graphql' },
      },
    ]);
  });

  test('the text reads as the original\'s file', () => {
    const root = configuredProject();
    expect(fs.readFileSync(configPath(root), 'utf8')).toBe(`projects:
  blogapi:
    schemaPath: src/graphql/schema.json
    includes:
      - src/graphql/**/*.js
    excludes:
      - ./amplify/**
    extensions:
      amplify:
        codeGenTarget: javascript
        generatedFileName: ''
        docsFilePath: src/graphql
extensions:
  amplify:
    version: 3
`);
  });

  test('a missing file means no projects; removing the last project leaves an empty list', () => {
    const root = createCodegenProject();
    expect(readCodegenProjects(root)).toEqual([]);
    saveCodegenProject(root, defaultCodegenProject('blogapi', describeAppFrontend(root, stateManager.getProjectConfig(root))));
    writeCodegenProjects(root, []);
    expect(readCodegenProjects(root)).toEqual([]);
    expect(readYaml(root).projects).toEqual({});
  });

  test('keys a user added are kept when codegen rewrites the file', () => {
    const root = configuredProject();
    const edited = readYaml(root);
    edited.projects.blogapi.extensions.amplify.myTool = 'keep';
    edited.projects.blogapi.extensions.other = { x: 1 };
    edited.extensions.custom = true;
    fs.writeFileSync(configPath(root), JSON.stringify(edited));
    const [project] = readCodegenProjects(root);
    saveCodegenProject(root, { ...project, amplifyExtension: { ...project.amplifyExtension, maxDepth: 4 } });
    const rewritten = readYaml(root);
    expect(rewritten.projects.blogapi.extensions.amplify).toMatchObject({ myTool: 'keep', maxDepth: 4, codeGenTarget: 'javascript' });
    expect(rewritten.projects.blogapi.extensions.other).toEqual({ x: 1 });
    expect(rewritten.extensions).toEqual({ amplify: { version: 3 }, custom: true });
  });

  test('a user\'s edits are honoured: target, docsFilePath, generatedFileName, maxDepth, typenameIntrospection', () => {
    const root = configuredProject();
    fs.writeFileSync(
      configPath(root),
      `projects:
  blogapi:
    schemaPath: schema/api.json
    includes:
      - app/gql/**/*.ts
    excludes:
      - ./amplify/**
    extensions:
      amplify:
        codeGenTarget: typescript
        generatedFileName: app/types/API.ts
        docsFilePath: app/gql
        maxDepth: 1
        typenameIntrospection: false
`,
    );
    const [project] = readCodegenProjects(root);
    const schema = loadProjectSchema(root, project, findProjectApi(root));
    expect(JSON.parse(fs.readFileSync(path.join(root, 'schema', 'api.json'), 'utf8')).data.__schema.queryType).toEqual({ name: 'Query', kind: 'OBJECT' });
    expect(writeStatements(root, project, schema).files.sort()).toEqual(['app/gql/mutations.ts', 'app/gql/queries.ts', 'app/gql/subscriptions.ts']);
    const queries = fs.readFileSync(path.join(root, 'app', 'gql', 'queries.ts'), 'utf8');
    expect(queries).toContain('import * as APITypes from "../types/API";');
    expect(queries).not.toContain('__typename');
    expect(queries).not.toContain('blog {');
    expect(writeTypes(root, project, schema)).toEqual({ type: 'written', file: 'app/types/API.ts' });
    expect(fs.readFileSync(path.join(root, 'app', 'types', 'API.ts'), 'utf8')).toContain('export type GetPostQuery = {');
  });

  test('includes and excludes decide which documents the types come from', () => {
    const root = configuredProject({ fixture: 'todo' });
    fs.mkdirSync(path.join(root, 'src', 'ops'), { recursive: true });
    fs.writeFileSync(path.join(root, 'src', 'ops', 'mine.graphql'), 'query OnlyNames { listTodos { items { name } } }\n');
    fs.writeFileSync(path.join(root, 'src', 'ops', 'skipped.graphql'), 'query Skipped { getTodo(id: "1") { id } }\n');
    const [project] = readCodegenProjects(root);
    const custom = {
      ...project,
      includes: ['src/ops/*.graphql'],
      excludes: ['./amplify/**', 'src/ops/skipped.graphql'],
      amplifyExtension: { ...project.amplifyExtension, codeGenTarget: 'typescript' as const, generatedFileName: 'src/API.ts' },
    };
    saveCodegenProject(root, custom);
    const [reread] = readCodegenProjects(root);
    writeTypes(root, reread, loadProjectSchema(root, reread, findProjectApi(root)));
    const api = fs.readFileSync(path.join(root, 'src', 'API.ts'), 'utf8');
    expect(api).toContain('export type OnlyNamesQuery = {');
    expect(api).not.toContain('SkippedQuery');
  });

  test.each([
    ['maxDepth: 0', 'maxDepth: Depth should be a integer greater than 0'],
    ['maxDepth: two', 'maxDepth: Depth should be a integer greater than 0'],
    ['codeGenTarget: cobol', 'codeGenTarget "cobol" is not one of javascript, typescript, flow, angular, swift, android'],
    ['docsFilePath: ../outside', 'docsFilePath'],
    ['typenameIntrospection: maybe', 'typenameIntrospection must be true or false'],
  ])('a bad value (%s) is an error naming the key and the fix', (line, expected) => {
    const root = configuredProject();
    const [key] = line.split(':');
    const text = fs.readFileSync(configPath(root), 'utf8');
    const edited = text.includes(`${key}:`) ? text.replace(new RegExp(`${key}: .*`), line) : text.replace('docsFilePath: src/graphql', `docsFilePath: src/graphql\n        ${line}`);
    fs.writeFileSync(configPath(root), edited);
    const error = thrownAmplifyError(() => readCodegenProjects(root));
    expect(error.code).toBe('InvalidGraphqlConfig');
    expect(error.message).toContain(expected);
    expect(error.resolution).toContain('amplify codegen configure');
  });

  test('invalid YAML is an error naming the file', () => {
    const root = createCodegenProject();
    fs.writeFileSync(configPath(root), 'projects: [unclosed\n');
    expect(thrownAmplifyError(() => readCodegenProjects(root)).message).toContain(`${GRAPHQL_CONFIG_FILENAME}: not valid YAML`);
  });

  test('the JS frontend\'s reader finds the statement files where the config says they are', () => {
    // amplify delete reads docsFilePath and codeGenTarget of every project (amplify-frontend-javascript).
    const root = configuredProject();
    const [project] = readCodegenProjects(root);
    writeStatements(root, project, loadProjectSchema(root, project, findProjectApi(root)));
    const raw = readYaml(root).projects.blogapi.extensions.amplify;
    expect(['queries', 'mutations', 'subscriptions'].every((name) => fs.existsSync(path.join(root, raw.docsFilePath, `${name}.js`)))).toBe(true);
    expect(raw.codeGenTarget).toBe('javascript');
  });
});
