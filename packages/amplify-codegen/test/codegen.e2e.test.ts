import * as fs from 'fs';
import * as path from 'path';
import { AppSandbox } from 'amplify-test-support';
import { strictDiagnostics } from '../src/__tests__/typescript-compile';

/**
 * Codegen end to end on the built binary: a project with a hand-placed AppSync API (meta entry, annotated and
 * compiled schema, as the api category leaves them), then `codegen add --yes`, regeneration of deleted statements,
 * a hand edit of .graphqlconfig.yml to TypeScript and `codegen types`, `codegen models`, and the errors. Steps run
 * in order.
 */
jest.setTimeout(180_000);

const fixture = (name: string): string => fs.readFileSync(path.join(__dirname, '..', 'src', '__tests__', 'fixtures', name), 'utf8');

describe('amplify codegen (built binary)', () => {
  let sandbox: AppSandbox;
  const file = (relative: string): string => path.join(sandbox.app, relative);
  const write = (relative: string, text: string): void => {
    fs.mkdirSync(path.dirname(file(relative)), { recursive: true });
    fs.writeFileSync(file(relative), text);
  };

  beforeAll(async () => {
    sandbox = await AppSandbox.start('blogapp');
    expect((await sandbox.init()).exitCode).toBe(0);
    const apiDir = 'amplify/backend/api/blogapi';
    write(`${apiDir}/schema.graphql`, fixture('blog.source.graphql'));
    write(`${apiDir}/build/schema.graphql`, fixture('blog.compiled.graphql'));
    write(`${apiDir}/transform.conf.json`, JSON.stringify({ Version: 5 }));
    const meta = sandbox.readJson<Record<string, unknown>>('amplify/backend/amplify-meta.json');
    meta.api = { blogapi: { service: 'AppSync', providerPlugin: 'awscloudformation' } };
    write('amplify/backend/amplify-meta.json', JSON.stringify(meta, null, 2));
  });

  afterAll(async () => {
    await sandbox?.close();
  });

  test('codegen add without a terminal and without --yes fails at once, naming the flags', async () => {
    const result = await sandbox.run(['codegen', 'add']);
    expect(result.exitCode).not.toBe(0);
    expect(result.stderr + result.stdout).toContain('--codegen');
    expect(fs.existsSync(file('.graphqlconfig.yml'))).toBe(false);
  });

  test('codegen add --yes configures the JavaScript defaults and writes schema.json and the statements', async () => {
    const result = await sandbox.run(['codegen', 'add', '--yes']);
    expect(result).toMatchObject({ exitCode: 0 });
    expect(result.stdout).toContain('Generated GraphQL operations successfully and saved at src/graphql');
    const config = fs.readFileSync(file('.graphqlconfig.yml'), 'utf8');
    expect(config).toContain('blogapi:\n    schemaPath: src/graphql/schema.json');
    expect(config).toContain('codeGenTarget: javascript');
    for (const name of ['schema.json', 'queries.js', 'mutations.js', 'subscriptions.js']) expect(fs.existsSync(file(`src/graphql/${name}`))).toBe(true);
    expect(fs.readFileSync(file('src/graphql/queries.js'), 'utf8')).toContain('export const getPost = /* GraphQL */ `\n  query GetPost($id: ID!) {');
  });

  test('amplify codegen regenerates deleted statements', async () => {
    fs.rmSync(file('src/graphql/queries.js'));
    expect((await sandbox.run(['codegen'])).exitCode).toBe(0);
    expect(fs.readFileSync(file('src/graphql/queries.js'), 'utf8')).toContain('export const listPosts');
  });

  test('switching the target to typescript in .graphqlconfig.yml: statements and an API.ts that compiles', async () => {
    const config = fs
      .readFileSync(file('.graphqlconfig.yml'), 'utf8')
      .replace('codeGenTarget: javascript', 'codeGenTarget: typescript')
      .replace(/generatedFileName: .*/, 'generatedFileName: src/API.ts')
      .replace('src/graphql/**/*.js', 'src/graphql/**/*.ts');
    fs.writeFileSync(file('.graphqlconfig.yml'), config);
    expect((await sandbox.run(['codegen', 'statements'])).exitCode).toBe(0);
    const types = await sandbox.run(['codegen', 'types']);
    expect(types.exitCode).toBe(0);
    expect(types.stdout).toContain('Code generated successfully and saved in file src/API.ts');
    const sources = ['API.ts', 'graphql/queries.ts', 'graphql/mutations.ts', 'graphql/subscriptions.ts'].map((name) => file(`src/${name}`));
    expect(strictDiagnostics(sandbox.app, sources)).toEqual([]);
  });

  test('codegen models writes DataStore models that a TypeScript compile accepts', async () => {
    const result = await sandbox.run(['codegen', 'models']);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('Successfully generated models.');
    write('src/use-models.ts', "import { Post, PostStatus } from './models';\nexport const post = new Post({ title: 't', status: PostStatus.ACTIVE });\n");
    expect(strictDiagnostics(sandbox.app, [file('src/use-models.ts')])).toEqual([]);
  });

  test('bad input is a one-line error: --maxDepth, an unknown subcommand', async () => {
    const depth = await sandbox.run(['codegen', 'statements', '--maxDepth', '0']);
    expect(depth.exitCode).not.toBe(0);
    expect(depth.stderr + depth.stdout).toContain('Depth should be a integer greater than 0');
    // As in gluegun, an undeclared word reaches the plugin's own command, which names it.
    const unknown = await sandbox.run(['codegen', 'bogus']);
    expect(unknown.exitCode).not.toBe(0);
    expect(unknown.stderr).toContain('"bogus" is not a valid subcommand of amplify codegen');
  });

  test('configure --headless reads the answers from stdin', async () => {
    const result = await sandbox.run(['codegen', 'configure', '--headless'], '{"targetLanguage":"typescript","maxDepth":3}\n');
    expect(result.exitCode).toBe(0);
    expect(fs.readFileSync(file('.graphqlconfig.yml'), 'utf8')).toContain('maxDepth: 3');
  });

  test('aliases reach their commands (statement, update)', async () => {
    expect((await sandbox.run(['codegen', 'statement', '--maxDepth', '1'])).exitCode).toBe(0);
    expect(fs.readFileSync(file('src/graphql/queries.ts'), 'utf8')).not.toContain('blog {');
    const update = await sandbox.run(['codegen', 'update', '--yes']);
    expect(update.exitCode).toBe(0);
    expect(update.stdout).toContain('Updated the codegen configuration of blogapi');
  });
});
