import * as fs from 'fs';
import * as path from 'path';
import { isAmplifyError } from 'amplify-cli-core';
import { cleanupTempDirs, scriptedPrompter } from 'amplify-test-support';
import { parse as parseYaml } from 'yaml';
import { executeAmplifyCommand, executeAmplifyHeadlessCommand } from '..';
import { commandContext, createCodegenProject, inDirectory, type Printed } from './helpers';

afterAll(() => cleanupTempDirs());

type Options = Parameters<typeof commandContext>[0];

async function run(root: string, options: Options): Promise<Printed> {
  const { context, printed } = commandContext(options);
  await inDirectory(root, () => executeAmplifyCommand(context));
  return printed;
}

async function failure(root: string, options: Options): Promise<{ code: string; message: string; resolution?: string }> {
  try {
    await run(root, options);
  } catch (error) {
    if (isAmplifyError(error)) return { code: error.code, message: error.message, resolution: error.resolution };
    throw error;
  }
  throw new Error('expected the command to fail');
}

const config = (root: string): Record<string, any> => parseYaml(fs.readFileSync(path.join(root, '.graphqlconfig.yml'), 'utf8'));
const exists = (root: string, file: string): boolean => fs.existsSync(path.join(root, file));
const read = (root: string, file: string): string => fs.readFileSync(path.join(root, file), 'utf8');

describe('amplify codegen add', () => {
  test('--yes in a JavaScript app: defaults from the frontend, schema.json, statements', async () => {
    const root = createCodegenProject();
    const printed = await run(root, { command: 'add', options: { yes: true } });
    expect(config(root).projects.blogapi).toEqual({
      schemaPath: 'src/graphql/schema.json',
      includes: ['src/graphql/**/*.js'],
      excludes: ['./amplify/**'],
      extensions: { amplify: { codeGenTarget: 'javascript', generatedFileName: '', docsFilePath: 'src/graphql', region: 'us-east-1', apiId: 'abc123', maxDepth: 2 } },
    });
    expect(['schema.json', 'queries.js', 'mutations.js', 'subscriptions.js'].every((file) => exists(root, `src/graphql/${file}`))).toBe(true);
    expect(JSON.parse(read(root, 'src/graphql/schema.json')).data.__schema.types.map((t: { name: string }) => t.name)).toContain('AWSDateTime');
    expect(printed.success).toContain('✔ Generated GraphQL operations successfully and saved at src/graphql');
    expect(exists(root, 'src/API.ts')).toBe(false);
  });

  test('--yes in a TypeScript app (tsconfig.json) picks typescript and writes API.ts', async () => {
    const root = createCodegenProject({ fixture: 'todo', files: { 'tsconfig.json': '{}' } });
    const printed = await run(root, { command: 'add', options: { yes: true } });
    expect(config(root).projects.todoapi.extensions.amplify).toMatchObject({ codeGenTarget: 'typescript', generatedFileName: 'src/API.ts', docsFilePath: 'src/graphql' });
    expect(config(root).projects.todoapi.excludes).toEqual(['./amplify/**', 'src/API.ts']);
    expect(read(root, 'src/graphql/queries.ts')).toContain('import * as APITypes from "../API";');
    expect(read(root, 'src/API.ts')).toContain('export type GetTodoQuery = {');
    expect(printed.success).toContain('✔ Code generated successfully and saved in file src/API.ts');
  });

  test('answers come from --codegen JSON', async () => {
    const root = createCodegenProject({ fixture: 'todo' });
    await run(root, { command: 'add', options: { yes: true, codegen: '{"targetLanguage":"flow","maxDepth":1,"generatedFileName":"src/types.js"}' } });
    expect(config(root).projects.todoapi.extensions.amplify).toMatchObject({ codeGenTarget: 'flow', generatedFileName: 'src/types.js', maxDepth: 1 });
    expect(read(root, 'src/graphql/queries.js').split('\n')[0]).toBe('// @flow');
    expect(read(root, 'src/types.js').split('\n')[0]).toBe('/* @flow */');
  });

  test('--headless takes the answers as JSON from stdin and defaults the rest, without asking', async () => {
    const root = createCodegenProject({ fixture: 'todo' });
    const { context } = commandContext({ command: 'add', options: { headless: true } });
    await inDirectory(root, () => executeAmplifyHeadlessCommand(context, '{"targetLanguage":"typescript","maxDepth":1}\n'));
    expect(config(root).projects.todoapi.extensions.amplify).toMatchObject({ codeGenTarget: 'typescript', generatedFileName: 'src/API.ts', maxDepth: 1 });
    expect(exists(root, 'src/API.ts')).toBe(true);
  });

  test('--headless with a payload that is not an answers object is an error naming the flag format', async () => {
    const root = createCodegenProject({ fixture: 'todo' });
    const { context } = commandContext({ command: 'add', options: { headless: true } });
    const error = await inDirectory(root, () => executeAmplifyHeadlessCommand(context, '[1]').then(() => undefined, (e: unknown) => e));
    expect(isAmplifyError(error) && [error.code, error.message]).toEqual(['InvalidCodegenAnswers', '--codegen: expected a JSON object']);
  });

  test('the interactive walkthrough asks the original\'s questions', async () => {
    const root = createCodegenProject({ fixture: 'todo' });
    const asked: string[] = [];
    const prompter = scriptedPrompter(
      {
        'Choose the code generation language target': 'typescript',
        'Enter maximum statement depth [increase from default if your schema is deeply nested]': '3',
      },
      asked,
    );
    await run(root, { command: 'add', prompter, interactive: true });
    expect(asked).toEqual([
      'Choose the code generation language target',
      'Enter the file name pattern of graphql queries, mutations and subscriptions',
      'Do you want to generate/update all possible GraphQL operations - queries, mutations and subscriptions',
      'Enter maximum statement depth [increase from default if your schema is deeply nested]',
      'Enter the file name for the generated code',
      'Do you want to generate code for your newly created GraphQL API',
    ]);
    expect(config(root).projects.todoapi.extensions.amplify).toMatchObject({ codeGenTarget: 'typescript', maxDepth: 3 });
  });

  test('without a terminal and without --yes it fails at once, naming the flag', async () => {
    const root = createCodegenProject({ fixture: 'todo' });
    const error = await failure(root, { command: 'add' });
    expect(error.code).toBe('NonInteractiveShell');
    expect(error.resolution).toContain('--codegen');
    expect(exists(root, '.graphqlconfig.yml')).toBe(false);
  });

  test('android: graphql statements in the app\'s graphql folder, no types file', async () => {
    const root = createCodegenProject({ fixture: 'todo', frontend: 'android' });
    await run(root, { command: 'add', options: { yes: true } });
    const amplify = config(root).projects.todoapi;
    expect(amplify).toMatchObject({ schemaPath: 'app/src/main/graphql/schema.json', includes: ['app/src/main/graphql/**/*.graphql'] });
    expect(amplify.extensions.amplify).toMatchObject({ codeGenTarget: 'android', generatedFileName: '', docsFilePath: 'app/src/main/graphql/com/amazonaws/amplify/generated/graphql' });
    expect(read(root, 'app/src/main/graphql/com/amazonaws/amplify/generated/graphql/queries.graphql')).toContain('query GetTodo($id: ID!) {');
    // Android's schema.json is the bare introspection, 4-space indented, as the original writes it locally.
    const schemaJson = read(root, 'app/src/main/graphql/schema.json');
    expect(schemaJson.startsWith('{\n    "__schema": {\n        "queryType": {')).toBe(true);
  });

  test('ios: swift target with graphql statements; Swift types are reported as not generated', async () => {
    const root = createCodegenProject({ fixture: 'todo', frontend: 'ios' });
    const printed = await run(root, { command: 'add', options: { yes: true } });
    expect(config(root).projects.todoapi.extensions.amplify).toMatchObject({ codeGenTarget: 'swift', generatedFileName: 'API.swift', docsFilePath: 'graphql' });
    expect(exists(root, 'graphql/queries.graphql')).toBe(true);
    expect(printed.warning.join('\n')).toContain('Swift types (API.swift) are not generated');
  });

  test.each([
    ['no API', { noApi: true }, {}, 'NoAppSyncApi'],
    ['an unknown option', {}, { yes: true, frontend: 'x' }, 'InvalidOptions'],
    ['flutter', { frontend: 'flutter' as const }, { yes: true }, 'CodegenNotSupported'],
    ['bad --codegen JSON', {}, { yes: true, codegen: '{nope' }, 'InvalidCodegenAnswers'],
    ['an API never compiled', { notCompiled: true }, { yes: true }, 'CompiledSchemaNotFound'],
  ])('%s is an error', async (_name, projectOptions, options, code) => {
    const root = createCodegenProject({ fixture: 'todo', ...projectOptions });
    expect((await failure(root, { command: 'add', options })).code).toBe(code);
  });

  test('a second add is refused: one API per project', async () => {
    const root = createCodegenProject({ fixture: 'todo' });
    await run(root, { command: 'add', options: { yes: true } });
    expect(await failure(root, { command: 'add', options: { yes: true } })).toMatchObject({ code: 'CodegenAlreadyConfigured', message: 'Codegen support only one GraphQL API per project' });
  });
});

describe('amplify codegen / statements / types / configure / remove / models', () => {
  async function configured(fixture: 'todo' | 'blog' = 'blog'): Promise<string> {
    const root = createCodegenProject({ fixture });
    await run(root, { command: 'add', options: { yes: true } });
    return root;
  }

  test('amplify codegen regenerates deleted statements', async () => {
    const root = await configured();
    fs.rmSync(path.join(root, 'src', 'graphql'), { recursive: true });
    await run(root, { command: 'codegen' });
    expect(read(root, 'src/graphql/queries.js')).toContain('export const getPost = /* GraphQL */ `');
  });

  test('--maxDepth overrides the configured depth for the run', async () => {
    const root = await configured();
    await run(root, { command: 'statements', options: { maxDepth: '3' } });
    expect(read(root, 'src/graphql/queries.js')).toContain('      comments {\n        items {');
    expect(config(root).projects.blogapi.extensions.amplify.maxDepth).toBe(2);
  });

  test.each([['0'], ['-1'], ['two'], ['1.5']])('--maxDepth %s is refused', async (depth) => {
    const root = await configured('todo');
    expect(await failure(root, { command: 'statements', options: { maxDepth: depth } })).toMatchObject({ code: 'InvalidMaxDepth', message: 'Depth should be a integer greater than 0' });
  });

  test('an extra word after the subcommand is an invalid subcommand', async () => {
    const root = await configured('todo');
    expect(await failure(root, { command: 'statements', subCommands: ['extra'] })).toMatchObject({ code: 'InvalidSubcommand' });
    expect(await failure(root, { command: 'codegen', subCommands: ['foo'] })).toMatchObject({ code: 'InvalidSubcommand' });
  });

  test('codegen without configuration says how to configure it', async () => {
    const root = createCodegenProject({ fixture: 'todo' });
    expect(await failure(root, { command: 'codegen' })).toMatchObject({ code: 'CodegenNotConfigured', message: 'code generation is not configured' });
  });

  test('--nodownload keeps the schema.json on disk', async () => {
    const root = await configured('todo');
    const schemaFile = path.join(root, 'src', 'graphql', 'schema.json');
    const introspection = JSON.parse(fs.readFileSync(schemaFile, 'utf8'));
    introspection.data.__schema.queryType = { name: 'Query' };
    introspection.data.__schema.types = introspection.data.__schema.types.map((type: { name: string; fields?: Array<{ name: string }> }) =>
      type.name === 'Query' ? { ...type, fields: type.fields?.filter((field) => field.name === 'getTodo') } : type,
    );
    fs.writeFileSync(schemaFile, JSON.stringify(introspection));
    await run(root, { command: 'statements', options: { nodownload: true } });
    expect(read(root, 'src/graphql/queries.js')).not.toContain('listTodos');
    await run(root, { command: 'statements' });
    expect(read(root, 'src/graphql/queries.js')).toContain('listTodos');
  });

  test('configure switches the target; types then writes API.ts', async () => {
    const root = await configured('todo');
    await run(root, { command: 'configure', options: { yes: true, codegen: '{"targetLanguage":"typescript"}' } });
    expect(config(root).projects.todoapi.extensions.amplify).toMatchObject({ codeGenTarget: 'typescript', generatedFileName: 'src/API.ts' });
    expect(config(root).projects.todoapi.includes).toEqual(['src/graphql/**/*.ts']);
    const noStatements = await failure(root, { command: 'types' });
    expect(noStatements.message).toBe("No queries found to generate types for, you may need to run 'codegen statements' first");
    await run(root, { command: 'statements' });
    await run(root, { command: 'types' });
    expect(read(root, 'src/API.ts')).toContain('export type CreateTodoMutation = {');
  });

  test('configure asks target, include pattern, types file and depth, defaulting to the current entry', async () => {
    const root = await configured('todo');
    const asked: string[] = [];
    const prompter = scriptedPrompter({ 'Choose the code generation language target': 'flow', 'Enter maximum statement depth [increase from default if your schema is deeply nested]': '4' }, asked);
    await run(root, { command: 'configure', prompter, interactive: true });
    expect(asked).toEqual([
      'Choose the code generation language target',
      'Enter the file name pattern of graphql queries, mutations and subscriptions',
      'Enter the file name for the generated code',
      'Enter maximum statement depth [increase from default if your schema is deeply nested]',
    ]);
    expect(config(root).projects.todoapi).toMatchObject({
      schemaPath: 'src/graphql/schema.json',
      includes: ['src/graphql/**/*.js'],
      excludes: ['./amplify/**', 'src/API.js'],
      extensions: { amplify: { codeGenTarget: 'flow', generatedFileName: 'src/API.js', maxDepth: 4, region: 'us-east-1', apiId: 'abc123' } },
    });
  });

  test('types for a javascript target has nothing to do', async () => {
    const root = await configured('todo');
    const printed = await run(root, { command: 'types' });
    expect(printed.success).toEqual([]);
    expect(exists(root, 'src/API.ts')).toBe(false);
  });

  test('remove drops the project from the config', async () => {
    const root = await configured('todo');
    const printed = await run(root, { command: 'remove', options: { yes: true } });
    expect(config(root).projects).toEqual({});
    expect(printed.success[0]).toContain('Removed todoapi from codegen');
  });

  test('models writes DataStore models under the source folder', async () => {
    const root = createCodegenProject({ fixture: 'blog' });
    const printed = await run(root, { command: 'models' });
    expect(printed.success).toEqual([`Successfully generated models. Generated models can be found in ${path.join(fs.realpathSync(root), 'src', 'models')}`]);
    expect(exists(root, 'src/models/index.d.ts')).toBe(true);
  });
});
