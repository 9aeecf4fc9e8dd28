import * as fs from 'fs';
import * as path from 'path';
import { AMPLIFY_BIN, AppSandbox, KEY, runInTerminal, type ScriptedAnswer } from 'amplify-test-support';

/**
 * The GraphQL walkthrough as a person answers it, in a pseudo-terminal: Cognito user pools as the default mode in a
 * project without auth (the auth walkthrough runs inline), an API key as an additional mode, the Todo template.
 */
jest.setTimeout(180_000);

type Meta = Record<string, Record<string, { service?: string; dependsOn?: unknown[]; output?: Record<string, unknown> }>>;

describe('GraphQL walkthrough (pseudo-terminal, built binary, local cloud)', () => {
  let sandbox: AppSandbox;
  const amplify = (args: string, answers: ScriptedAnswer[]) =>
    runInTerminal(`${process.execPath} ${AMPLIFY_BIN} ${args}`, answers, { cwd: sandbox.app, env: sandbox.env, timeoutMs: 60000 });
  const meta = (): Meta => sandbox.readJson<Meta>('amplify/backend/amplify-meta.json');

  beforeAll(async () => {
    sandbox = await AppSandbox.start('notesapp');
    expect((await sandbox.init()).exitCode).toBe(0);
  });

  afterAll(async () => {
    await sandbox?.close();
  });

  test('add api (GraphQL): user pools added inline, an API key besides, the Todo template', async () => {
    const result = await amplify('add api', [
      { question: /Select from one of the below mentioned services/, keys: KEY.enter },
      // Continue is the default (last); two up is Authorization modes.
      { question: /Here is the GraphQL API that we will create/, keys: KEY.up + KEY.up + KEY.enter },
      { question: /Choose the default authorization type for the API/, keys: KEY.down + KEY.enter },
      { question: /use the default authentication and security configuration/, keys: KEY.enter },
      { question: /How do you want users to be able to sign in/, keys: KEY.enter },
      { question: /configure advanced settings/, keys: KEY.enter },
      { question: /Configure additional auth types/, keys: 'y' + KEY.enter },
      { question: /Choose the additional authorization types/, keys: ' ' + KEY.enter },
      { question: /Enter a description for the API key/, keys: 'public' + KEY.enter },
      { question: /After how many days from now the API key should expire/, keys: KEY.enter },
      { question: /Here is the GraphQL API that we will create/, keys: KEY.enter },
      { question: /Choose a schema template/, keys: KEY.enter },
      { question: /Do you want to edit the schema now/, keys: 'n' + KEY.enter },
    ]);
    expect(result.unanswered).toBe(0);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('Successfully added resource notesapp locally');
    const authName = Object.keys(meta().auth).find((name) => meta().auth[name].service === 'Cognito');
    expect(authName).toBeDefined();
    expect(sandbox.readJson('amplify/backend/api/notesapp/cli-inputs.json')).toEqual({
      version: 1,
      serviceConfiguration: {
        apiName: 'notesapp',
        serviceName: 'AppSync',
        defaultAuthType: { mode: 'AMAZON_COGNITO_USER_POOLS', cognitoUserPoolId: `auth${authName}` },
        additionalAuthTypes: [{ mode: 'API_KEY', expirationTime: 7, keyDescription: 'public' }],
      },
    });
    expect(meta().api.notesapp.dependsOn).toEqual([{ category: 'auth', resourceName: authName, attributes: ['UserPoolId'] }]);
    const schema = fs.readFileSync(path.join(sandbox.app, 'amplify/backend/api/notesapp/schema.graphql'), 'utf8');
    expect(schema).toContain('input AMPLIFY { globalAuthRule: AuthRule = { allow: public } }');
    expect(schema).toContain('type Todo @model {');
    expect(fs.existsSync(path.join(sandbox.app, 'amplify/backend/api/notesapp/build/cloudformation-template.json'))).toBe(true);
  });
});
