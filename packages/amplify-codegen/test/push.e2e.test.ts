import * as fs from 'fs';
import * as path from 'path';
import { AppSandbox } from 'amplify-test-support';

/**
 * Codegen as part of `amplify push` on the built binary: an AppSync API placed by hand as the api category leaves it
 * (meta entry, schemas, a build/ template the local cloud deploys) is pushed; the PostPush handler configures codegen
 * and writes the statements; a push with an unchanged schema leaves them alone; `amplify codegen` brings deleted ones
 * back. Steps run in order.
 */
jest.setTimeout(240_000);

const fixture = (name: string): string => fs.readFileSync(path.join(__dirname, '..', 'src', '__tests__', 'fixtures', name), 'utf8');

const apiTemplate = {
  AWSTemplateFormatVersion: '2010-09-09',
  Parameters: { env: { Type: 'String' } },
  Resources: {
    GraphQLAPI: { Type: 'AWS::AppSync::GraphQLApi', Properties: { Name: { 'Fn::Sub': 'todoapi-${env}' }, AuthenticationType: 'API_KEY' } },
  },
  Outputs: {
    GraphQLAPIIdOutput: { Value: { 'Fn::GetAtt': ['GraphQLAPI', 'ApiId'] } },
    GraphQLAPIEndpointOutput: { Value: { 'Fn::GetAtt': ['GraphQLAPI', 'GraphQLUrl'] } },
  },
};

describe('codegen after amplify push (built binary, local cloud)', () => {
  let sandbox: AppSandbox;
  const file = (relative: string): string => path.join(sandbox.app, relative);
  const write = (relative: string, text: string): void => {
    fs.mkdirSync(path.dirname(file(relative)), { recursive: true });
    fs.writeFileSync(file(relative), text);
  };

  beforeAll(async () => {
    sandbox = await AppSandbox.start('todoapp');
    expect((await sandbox.init()).exitCode).toBe(0);
    const apiDir = 'amplify/backend/api/todoapi';
    write(`${apiDir}/schema.graphql`, fixture('todo.source.graphql'));
    write(`${apiDir}/build/schema.graphql`, fixture('todo.compiled.graphql'));
    write(`${apiDir}/build/cloudformation-template.json`, JSON.stringify(apiTemplate, null, 2));
    write(`${apiDir}/transform.conf.json`, JSON.stringify({ Version: 5 }));
    const entry = { service: 'AppSync', providerPlugin: 'awscloudformation' };
    for (const config of ['amplify/backend/amplify-meta.json', 'amplify/backend/backend-config.json']) {
      const data = sandbox.readJson<Record<string, unknown>>(config);
      data.api = { todoapi: entry };
      write(config, JSON.stringify(data, null, 2));
    }
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
