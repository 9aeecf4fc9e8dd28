import * as fs from 'fs';
import * as path from 'path';
import { cleanupTempDirs, scriptedPrompter } from 'amplify-test-support';
import { parse as parseYaml } from 'yaml';
import { addGraphQLConfig, handleAmplifyEvent } from '..';
import { commandContext, createCodegenProject, fixtureText, inDirectory, type Printed } from './helpers';

afterAll(() => cleanupTempDirs());

async function afterPush(root: string, options: Partial<Parameters<typeof commandContext>[0]> = {}): Promise<Printed> {
  const { context, printed } = commandContext({ command: 'push', ...options });
  await inDirectory(root, () => handleAmplifyEvent(context, { event: 'PostPush' }));
  return printed;
}

const statementsFile = (root: string): string => path.join(root, 'src', 'graphql', 'queries.js');
const compiledSchema = (root: string, api = 'todoapi'): string => path.join(root, 'amplify', 'backend', 'api', api, 'build', 'schema.graphql');

describe('codegen after a push (PostPush)', () => {
  test('a project without codegen gets the default entry and its statements, without asking when headless', async () => {
    const root = createCodegenProject({ fixture: 'todo' });
    const printed = await afterPush(root);
    expect(printed.info).toEqual(['Added todoapi to .graphqlconfig.yml (target javascript)']);
    expect(printed.success).toContain('✔ Generated GraphQL operations successfully and saved at src/graphql');
    expect(parseYaml(fs.readFileSync(path.join(root, '.graphqlconfig.yml'), 'utf8')).projects.todoapi).toEqual({
      schemaPath: 'src/graphql/schema.json',
      includes: ['src/graphql/**/*.js'],
      excludes: ['./amplify/**'],
      extensions: { amplify: { codeGenTarget: 'javascript', generatedFileName: '', docsFilePath: 'src/graphql' } },
    });
    expect(fs.existsSync(statementsFile(root))).toBe(true);
  });

  test('nothing is regenerated while the compiled schema is unchanged; a changed schema regenerates', async () => {
    const root = createCodegenProject({ fixture: 'todo' });
    await afterPush(root);
    fs.rmSync(statementsFile(root));
    expect(await afterPush(root)).toEqual({ info: [], success: [], warning: [] });
    expect(fs.existsSync(statementsFile(root))).toBe(false);
    fs.writeFileSync(compiledSchema(root), `${fixtureText('todo.compiled.graphql')}\nextend type Query {\n  ping: String\n}\n`);
    await afterPush(root);
    expect(fs.readFileSync(statementsFile(root), 'utf8')).toContain('export const ping = /* GraphQL */ `');
  });

  test('a person at a terminal is asked first, and can decline', async () => {
    const root = createCodegenProject({ fixture: 'todo' });
    const asked: string[] = [];
    await afterPush(root, { interactive: true, prompter: scriptedPrompter({ 'Do you want to generate code for your newly created GraphQL API': false }, asked) });
    expect(asked).toEqual(['Do you want to generate code for your newly created GraphQL API']);
    expect(fs.existsSync(path.join(root, '.graphqlconfig.yml'))).toBe(false);
  });

  test('at a terminal the add walkthrough follows (minus its last question); the depth serves this run only', async () => {
    const root = createCodegenProject({ fixture: 'blog' });
    const asked: string[] = [];
    const prompter = scriptedPrompter(
      { 'Choose the code generation language target': 'typescript', 'Enter maximum statement depth [increase from default if your schema is deeply nested]': '3' },
      asked,
    );
    await afterPush(root, { interactive: true, prompter });
    expect(asked).toEqual([
      'Do you want to generate code for your newly created GraphQL API',
      'Choose the code generation language target',
      'Enter the file name pattern of graphql queries, mutations and subscriptions',
      'Do you want to generate/update all possible GraphQL operations - queries, mutations and subscriptions',
      'Enter maximum statement depth [increase from default if your schema is deeply nested]',
      'Enter the file name for the generated code',
    ]);
    const amplify = parseYaml(fs.readFileSync(path.join(root, '.graphqlconfig.yml'), 'utf8')).projects.blogapi.extensions.amplify;
    expect(amplify).toEqual({ codeGenTarget: 'typescript', generatedFileName: 'src/API.ts', docsFilePath: 'src/graphql' });
    expect(fs.readFileSync(path.join(root, 'src', 'graphql', 'queries.ts'), 'utf8')).toContain('    comments {\n      items {');
    expect(fs.existsSync(path.join(root, 'src', 'API.ts'))).toBe(true);
  });

  test('an updated API at a terminal: asked to update, then whether to overwrite the statements', async () => {
    const root = createCodegenProject({ fixture: 'todo' });
    await afterPush(root);
    fs.writeFileSync(compiledSchema(root), `${fixtureText('todo.compiled.graphql')}\nextend type Query {\n  ping: String\n}\n`);
    const asked: string[] = [];
    const statementsQuestion =
      'Do you want to generate GraphQL statements (queries, mutations and subscription) based on your schema types?\nThis will overwrite your current graphql queries, mutations and subscriptions';
    await afterPush(root, { interactive: true, prompter: scriptedPrompter({ [statementsQuestion]: false }, asked) });
    expect(asked).toEqual(['Do you want to update code for your updated GraphQL API', statementsQuestion]);
    expect(fs.readFileSync(statementsFile(root), 'utf8')).not.toContain('ping');
    expect(JSON.parse(fs.readFileSync(path.join(root, 'src', 'graphql', 'schema.json'), 'utf8')).data.__schema.types.find((t: { name: string }) => t.name === 'Query').fields.map((f: { name: string }) => f.name)).toContain('ping');
  });

  test('DataStore APIs (ResolverConfig) also get models', async () => {
    const root = createCodegenProject({ fixture: 'blog', dataStore: true });
    const printed = await afterPush(root);
    expect(fs.existsSync(path.join(root, 'src', 'models', 'schema.js'))).toBe(true);
    expect(printed.success.some((line) => line.startsWith('Successfully generated models.'))).toBe(true);
  });

  test('a failure is reported in the original words and does not fail the push', async () => {
    const root = createCodegenProject({ fixture: 'todo' });
    fs.writeFileSync(compiledSchema(root), 'type Query {');
    const printed = await afterPush(root);
    expect(printed.warning).toHaveLength(1);
    expect(printed.warning[0]).toMatch(/^Code generation failed with the following error \n.*schema\.graphql is not valid GraphQL.*\.$/s);
  });

  test('projects without an API, or with an API not compiled yet, are left alone', async () => {
    for (const root of [createCodegenProject({ noApi: true }), createCodegenProject({ notCompiled: true })]) {
      expect(await afterPush(root)).toEqual({ info: [], success: [], warning: [] });
      expect(fs.existsSync(path.join(root, '.graphqlconfig.yml'))).toBe(false);
    }
  });

  test('other events are ignored', async () => {
    const root = createCodegenProject({ fixture: 'todo' });
    const { context } = commandContext({ command: 'pull' });
    await inDirectory(root, () => handleAmplifyEvent(context, { event: 'PostPull' }));
    expect(fs.existsSync(path.join(root, '.graphqlconfig.yml'))).toBe(false);
  });
});

describe('addGraphQLConfig (called by the api category when an API is added)', () => {
  test('writes the frontend\'s default entry once and returns it', async () => {
    const root = createCodegenProject({ fixture: 'todo', files: { 'tsconfig.json': '{}' } });
    const { context } = commandContext({ command: 'add' });
    const first = await inDirectory(root, () => addGraphQLConfig(context, { apiName: 'todoapi' }));
    expect(first).toMatchObject({ projectName: 'todoapi', amplifyExtension: { codeGenTarget: 'typescript', generatedFileName: 'src/API.ts' } });
    const again = await inDirectory(root, () => addGraphQLConfig(context, { apiName: 'todoapi' }));
    expect(again).toEqual(first);
    expect(Object.keys(parseYaml(fs.readFileSync(path.join(root, '.graphqlconfig.yml'), 'utf8')).projects)).toEqual(['todoapi']);
    expect(fs.existsSync(statementsFile(root))).toBe(false);
  });
});
