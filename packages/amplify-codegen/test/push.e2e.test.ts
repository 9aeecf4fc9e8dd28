import * as fs from 'fs';
import * as path from 'path';
import { AppSandbox } from 'amplify-test-support';

/**
 * Codegen as part of `amplify push` on the built binary: an AppSync API added headless, without a codegen entry (as a
 * project the original made before its first push), is pushed; the PostPush handler configures codegen and writes the
 * statements; a push with an unchanged schema leaves them alone; `amplify codegen` brings deleted ones
 * back. Steps run in order.
 */
jest.setTimeout(240_000);

const fixture = (name: string): string => fs.readFileSync(path.join(__dirname, '..', 'src', '__tests__', 'fixtures', name), 'utf8');

describe('codegen after amplify push (built binary, local cloud)', () => {
  let sandbox: AppSandbox;
  const file = (relative: string): string => path.join(sandbox.app, relative);

  beforeAll(async () => {
    sandbox = await AppSandbox.start('todoapp');
    expect((await sandbox.init()).exitCode).toBe(0);
    const request = {
      version: 1,
      serviceConfiguration: { serviceName: 'AppSync', apiName: 'todoapi', transformSchema: fixture('todo.source.graphql'), defaultAuthType: { mode: 'API_KEY' } },
    };
    expect((await sandbox.run(['add', 'api', '--headless'], JSON.stringify(request))).exitCode).toBe(0);
    // A project the original made has no codegen entry until its first push: the PostPush handler adds it.
    fs.rmSync(file('.graphqlconfig.yml'), { force: true });
  });

  afterAll(async () => {
    await sandbox?.close();
  });

  test('the first push configures codegen for the new API and writes its statements', async () => {
    const push = await sandbox.run(['push', '--yes']);
    expect(push.stderr).not.toContain('Code generation failed');
    expect(push.exitCode).toBe(0);
    expect(push.stdout).toContain('Added todoapi to .graphqlconfig.yml (target javascript)');
    expect(push.stdout).toContain('Generated GraphQL operations successfully and saved at src/graphql');
    expect(fs.readFileSync(file('src/graphql/queries.js'), 'utf8')).toContain('export const getTodo = /* GraphQL */ `');
  });

  test('a push with the schema unchanged leaves the statements alone; amplify codegen regenerates them', async () => {
    fs.rmSync(file('src/graphql/mutations.js'));
    const push = await sandbox.run(['push', '--yes']);
    expect(push.exitCode).toBe(0);
    expect(fs.existsSync(file('src/graphql/mutations.js'))).toBe(false);
    expect((await sandbox.run(['codegen'])).exitCode).toBe(0);
    expect(fs.readFileSync(file('src/graphql/mutations.js'), 'utf8')).toContain('export const createTodo = /* GraphQL */ `');
  });
});
