import { AMPLIFY_BIN, AppSandbox, KEY, runInTerminal, type ScriptedAnswer } from 'amplify-test-support';

/**
 * The REST walkthrough as a person answers it, in a pseudo-terminal: a new function created through the function
 * category's own walkthrough, a restricted path, a second open path added through `update api`, then a push.
 */
jest.setTimeout(180_000);

type Meta = Record<string, Record<string, { service?: string; output?: Record<string, string>; dependsOn?: unknown[] }>>;

describe('REST walkthrough (pseudo-terminal, built binary, local cloud)', () => {
  let sandbox: AppSandbox;
  const amplify = (args: string, answers: ScriptedAnswer[]) =>
    runInTerminal(`${process.execPath} ${AMPLIFY_BIN} ${args}`, answers, { cwd: sandbox.app, env: sandbox.env, timeoutMs: 60000 });
  const meta = (): Meta => sandbox.readJson<Meta>('amplify/backend/amplify-meta.json');

  beforeAll(async () => {
    sandbox = await AppSandbox.start('restshop');
    expect((await sandbox.init()).exitCode).toBe(0);
    expect((await sandbox.run(['add', 'auth', '--yes'])).exitCode).toBe(0);
  });

  afterAll(async () => {
    await sandbox?.close();
  });

  test('add api (REST): name, path, a new function, signed-in users only', async () => {
    const result = await amplify('add api', [
      { question: /Select from one of the below mentioned services/, keys: KEY.down + KEY.enter },
      { question: /friendly name for your resource/, keys: '\u0015shoprest' + KEY.enter },
      { question: /Provide a path/, keys: KEY.enter },
      { question: /Choose a Lambda source/, keys: KEY.enter },
      { question: /Provide an AWS Lambda function name/, keys: '\u0015shopfn' + KEY.enter },
      { question: /Choose the function template/, keys: KEY.enter },
      { question: /configure advanced settings/, keys: KEY.enter },
      { question: /edit the local lambda function now/, keys: KEY.enter },
      { question: /Restrict API access/, keys: KEY.enter },
      { question: /Who should have access/, keys: KEY.enter },
      { question: /What permissions do you want to grant to Authenticated users/, keys: KEY.enter },
      { question: /Do you want to add another path/, keys: KEY.enter },
    ]);
    expect(result.unanswered).toBe(0);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('Successfully added resource shoprest locally');
    expect(sandbox.readJson('amplify/backend/api/shoprest/cli-inputs.json')).toEqual({
      version: 1,
      paths: { '/items': { name: '/items', lambdaFunction: 'shopfn', permissions: { setting: 'private', auth: ['create', 'read', 'update', 'delete'] } } },
    });
    expect(meta().api.shoprest.dependsOn).toEqual([{ category: 'function', resourceName: 'shopfn', attributes: ['Name', 'Arn'] }]);
  });

  test('update api: another, open path on the existing function', async () => {
    const result = await amplify('update api', [
      // The project's only API is a REST one: REST is the default.
      { question: /Select from one of the below mentioned services/, keys: KEY.enter },
      { question: /What would you like to do/, keys: KEY.enter },
      { question: /Provide a path/, keys: '\u0015/public' + KEY.enter },
      { question: /Choose a Lambda source/, keys: KEY.down + KEY.enter },
      { question: /Choose the Lambda function to invoke/, keys: KEY.enter },
      { question: /Restrict API access/, keys: 'n' + KEY.enter },
      { question: /Do you want to add another path/, keys: KEY.enter },
    ]);
    expect(result.unanswered).toBe(0);
    expect(result.exitCode).toBe(0);
    expect(sandbox.readJson<{ paths: Record<string, unknown> }>('amplify/backend/api/shoprest/cli-inputs.json').paths['/public']).toEqual({
      name: '/public',
      lambdaFunction: 'shopfn',
      permissions: { setting: 'open' },
    });
  });

  test('push deploys the API; its root URL reaches meta, aws-exports.js and the status', async () => {
    const push = await sandbox.run(['push', '--yes']);
    expect(push.exitCode).toBe(0);
    const output = meta().api.shoprest.output ?? {};
    expect(output.RootUrl).toMatch(/^https:\/\/[a-z0-9]+\.execute-api\.us-east-1\.amazonaws\.com\/dev$/);
    expect(sandbox.awsExports().aws_cloud_logic_custom).toEqual([{ name: 'shoprest', endpoint: output.RootUrl, region: 'us-east-1' }]);
    const status = await sandbox.run(['status']);
    expect(status.stdout).toMatch(/\|\s*Api\s*\|\s*shoprest\s*\|\s*No Change/);
    expect(status.stdout).toContain(`REST API endpoint: ${output.RootUrl}`);
  });
});
