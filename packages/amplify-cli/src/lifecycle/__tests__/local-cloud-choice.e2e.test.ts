import * as fs from 'fs';
import * as path from 'path';
import { AmplifySandbox } from 'amplify-test-support';

/**
 * The local cloud chosen at init (`configLevel: "local"`) while AWS_ENDPOINT_URL and its keys name a running one: the
 * project uses that instance (no second one is started), says so, and `amplify console` hands out a one-time link
 * to the local cloud's page of the env's stacks.
 */
let sandbox: AmplifySandbox;
let app: string;

beforeAll(async () => {
  sandbox = await AmplifySandbox.start();
  app = sandbox.createApp('localchoice');
});

afterAll(async () => {
  await sandbox.close();
});

it('init reuses the instance AWS_ENDPOINT_URL names console links to its page of the env, and delete says the instance keeps running', async () => {
  const init = await sandbox.run(app, [
    'init',
    '--amplify',
    JSON.stringify({ projectName: 'localchoice', envName: 'dev', defaultEditor: 'code' }),
    '--frontend',
    JSON.stringify({ frontend: 'javascript', framework: 'react' }),
    '--providers',
    JSON.stringify({ awscloudformation: { configLevel: 'local' } }),
    '--yes',
  ]);
  expect(init.stderr).toBe('');
  expect(init.exitCode).toBe(0);
  expect(init.stdout).toContain(`Using the local cloud at ${sandbox.cloud.endpoint} (named by AWS_ENDPOINT_URL).`);

  const consoleRun = await sandbox.run(app, ['console']);
  expect(consoleRun.stderr).toBe('');
  expect(consoleRun.exitCode).toBe(0);
  const link = consoleRun.stdout.split('\n').find((line) => line.startsWith(`${sandbox.cloud.endpoint}/_local-cloud/console/`));
  expect(link).toBeDefined();
  const page = await fetch(link as string);
  expect(page.status).toBe(200);
  const html = await page.text();
  const stackName = (JSON.parse(fs.readFileSync(path.join(app, 'amplify', 'team-provider-info.json'), 'utf8')) as Record<string, { awscloudformation: { StackName: string } }>).dev.awscloudformation.StackName;
  expect(html).toContain(`<h2>${stackName}</h2>`);
  expect(html).toContain('DeploymentBucket');
  expect((await fetch(link as string)).status).toBe(403);

  const deleted = await sandbox.run(app, ['delete', '--force']);
  expect(deleted.stderr).toBe('');
  expect(deleted.exitCode).toBe(0);
  expect(deleted.stdout).toContain(`The local cloud at ${sandbox.cloud.endpoint} keeps running for other projects; "amplify local-cloud stop" stops it.`);
});
