import * as fs from 'fs';
import * as path from 'path';
import { AMPLIFY_BIN, AmplifySandbox, readJson, runInTerminal } from 'amplify-test-support';

/**
 * A function with access to another category's resource (auth), added headless and interactively, on the built
 * binary against a local cloud started here. The steps share one project and run in order.
 */
jest.setTimeout(180_000);

type Meta = Record<string, Record<string, { dependsOn?: Array<{ category: string; resourceName: string; attributes: string[] }>; output?: Record<string, string> }>>;

describe('amplify function with resource access (built binary, local cloud)', () => {
  let sandbox: AmplifySandbox;
  let app: string;
  let authName: string;
  const meta = (): Meta => readJson(path.join(app, 'amplify', 'backend', 'amplify-meta.json'));
  const run = (...args: string[]) => sandbox.run(app, args);
  const functionDir = (name: string): string => path.join(app, 'amplify', 'backend', 'function', name);

  beforeAll(async () => {
    process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
    sandbox = await AmplifySandbox.start();
    app = sandbox.createApp('accessapp');
    const init = await sandbox.init(app);
    expect(init.exitCode).toBe(0);
    const auth = await run('add', 'auth', '--yes');
    expect(auth.stderr).toBe('');
    expect(auth.exitCode).toBe(0);
    authName = Object.keys(meta().auth ?? {})[0];
    expect(authName).toBeDefined();
  });

  afterAll(async () => {
    await sandbox?.close();
  });

  test('headless add with read access to the user pool: dependsOn, policy and variable from the auth category', async () => {
    const request = { version: 1, functionName: 'usersfn', resourceAccess: [{ category: 'auth', resourceName: authName, operations: ['read'] }] };
    const result = await sandbox.run(app, ['add', 'function', '--headless'], JSON.stringify(request));
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
    expect(meta().function.usersfn.dependsOn).toEqual([{ category: 'auth', resourceName: authName, attributes: ['UserPoolId'] }]);
    const template = readJson<{ Resources: Record<string, { Properties: Record<string, unknown> }> }>(path.join(functionDir('usersfn'), 'usersfn-cloudformation-template.json'));
    expect(template.Resources.AmplifyResourcesPolicy.Properties).toMatchObject({
      PolicyDocument: { Statement: [expect.objectContaining({ Action: expect.arrayContaining(['cognito-idp:AdminGetUser']) })] },
    });
    expect(template.Resources.LambdaFunction.Properties).toMatchObject({
      Environment: { Variables: { [`AUTH_${authName.toUpperCase()}_USERPOOLID`]: { Ref: `auth${authName}UserPoolId` } } },
    });
  });

  test('a headless request naming a resource that does not exist names the field', async () => {
    const request = { version: 1, resourceAccess: [{ category: 'storage', resourceName: 'ghost', operations: ['read'] }] };
    const result = await sandbox.run(app, ['add', 'function', '--headless'], JSON.stringify(request));
    expect(result.exitCode).not.toBe(0);
    expect(result.stderr.split('\n')[0]).toContain('resourceAccess[0] names storage ghost, which is not in this project');
  });

  test('push deploys auth and the function; locally invoked, the function sees the deployed pool id', async () => {
    const push = await run('push', '--yes');
    expect(push.stderr).toBe('');
    expect(push.exitCode).toBe(0);
    const poolId = meta().auth[authName].output?.UserPoolId;
    expect(poolId).toBeDefined();
    expect(meta().function.usersfn.output?.Arn).toContain(':function:usersfn-dev');
    const variable = `AUTH_${authName.toUpperCase()}_USERPOOLID`;
    fs.writeFileSync(path.join(functionDir('usersfn'), 'src', 'index.js'), `exports.handler = async () => ({ pool: process.env.${variable}, env: process.env.ENV });\n`);
    const invoked = await run('function', 'invoke', 'usersfn');
    expect(invoked.exitCode).toBe(0);
    expect(invoked.stdout).toContain(`"pool": "${poolId}"`);
    expect(invoked.stdout).toContain('"env": "dev"');
  });

  test('auth cannot be removed while the function depends on it', async () => {
    const result = await run('remove', 'auth', authName, '--yes');
    expect(result.exitCode).not.toBe(0);
    expect(result.stderr).toContain('usersfn');
    expect(meta().auth[authName]).toBeDefined();
  });

  test('interactive add: name, template, access and an environment variable, answered in a terminal', async () => {
    const result = await runInTerminal(
      `${process.execPath} ${AMPLIFY_BIN} function add`,
      [
        { question: /Select which capability you want to add/, keys: '\r' },
        { question: /Provide an AWS Lambda function name/, keys: `\u0015termfn\r` },
        { question: /Choose the function template/, keys: '\r' },
        { question: /configure advanced settings/, keys: 'y\r' },
        { question: /access other resources in this project/, keys: 'y\r' },
        { question: /Select the categories/, keys: ' \r' },
        { question: /auth: select the resources/, keys: '\r' },
        { question: /Select the operations you want to permit/, keys: ' \r' },
        { question: /invoke this function on a recurring schedule/, keys: '\r' },
        { question: /enable Lambda layers for this function/, keys: '\r' },
        { question: /configure environment variables/, keys: 'y\r' },
        { question: /Select what you want to do with environment variables/, keys: '\r' },
        { question: /Enter the environment variable name/, keys: 'GREETING\r' },
        { question: /Enter the environment variable value of GREETING/, keys: 'hello\r' },
        { question: /Select what you want to do with environment variables/, keys: '\r' },
        { question: /edit the local lambda function now/, keys: '\r' },
      ],
      { cwd: app, env: sandbox.env },
    );
    expect(result.unanswered).toBe(0);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('Successfully added resource termfn locally.');
    const parameters = readJson<{ permissions: unknown; environmentVariables: string[] }>(path.join(functionDir('termfn'), 'function-parameters.json'));
    expect(parameters.permissions).toEqual({ auth: { [authName]: ['create', 'read'] } });
    expect(parameters.environmentVariables).toEqual(['GREETING']);
    const teamProviderInfo = readJson<Record<string, { categories: Record<string, Record<string, Record<string, string>>> }>>(path.join(app, 'amplify', 'team-provider-info.json'));
    expect(teamProviderInfo.dev.categories.function.termfn).toEqual({ greeting: 'hello' });
  });

  test('interactive update: remove the environment variable through the menu', async () => {
    const down = '\u001b[B';
    const up = '\u001b[A';
    const result = await runInTerminal(
      `${process.execPath} ${AMPLIFY_BIN} function update termfn`,
      [
        { question: /Which setting do you want to update/, keys: `${down}${down}${down}\r` },
        // The menu starts on "I'm done"; one up is "Remove".
        { question: /Select what you want to do with environment variables/, keys: `${up}\r` },
        { question: /Which environment variable do you want to remove/, keys: '\r' },
        { question: /Select what you want to do with environment variables/, keys: '\r' },
      ],
      { cwd: app, env: sandbox.env },
    );
    expect(result.unanswered).toBe(0);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('Successfully updated resource termfn locally.');
    expect(readJson<{ environmentVariables: string[] }>(path.join(functionDir('termfn'), 'function-parameters.json')).environmentVariables).toEqual([]);
    const teamProviderInfo = readJson<Record<string, { categories: Record<string, Record<string, Record<string, string>>> }>>(path.join(app, 'amplify', 'team-provider-info.json'));
    expect(teamProviderInfo.dev.categories.function.termfn).toEqual({});
  });
});
